import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

export interface ServiceIdentity {
  name: string;
  version?: string;
}

/**
 * Who this process is, for the trace resource: OTEL_SERVICE_NAME, else the npm package name (set by
 * `npm start`), else the nearest package.json above the main module (for `node dist/main.js`).
 * The npm scope is dropped: `@hangviet/business-registry` → `business-registry`.
 */
export function resolveServiceIdentity(
  env: NodeJS.ProcessEnv = process.env,
  mainFile: string | null = require.main?.filename ?? null,
): ServiceIdentity {
  const manifest = mainFile ? nearestPackageJson(dirname(mainFile)) : undefined;
  const name = env.OTEL_SERVICE_NAME?.trim() || env.npm_package_name || manifest?.name || 'unknown_service:node';
  const version = env.npm_package_version || manifest?.version;
  return { name: name.replace(/^@[^/]+\//, ''), ...(version ? { version } : {}) };
}

function nearestPackageJson(from: string): { name?: string; version?: string } | undefined {
  for (let dir = from; ; dir = dirname(dir)) {
    const file = join(dir, 'package.json');
    if (existsSync(file)) {
      const parsed = JSON.parse(readFileSync(file, 'utf8')) as { name?: unknown; version?: unknown };
      return {
        ...(typeof parsed.name === 'string' ? { name: parsed.name } : {}),
        ...(typeof parsed.version === 'string' ? { version: parsed.version } : {}),
      };
    }
    if (dirname(dir) === dir) return undefined;
  }
}
