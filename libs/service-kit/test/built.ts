import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const root = join(__dirname, '..');

/** Child-process tests run the compiled dist/: fail loudly when it is missing or older than src/. */
export function assertBuilt(): void {
  const built = join(root, 'dist', 'index.js');
  let builtAt: number;
  try {
    builtAt = statSync(built).mtimeMs;
  } catch {
    throw new Error('libs/service-kit/dist is missing: run `npm run build -w @hangviet/service-kit` first');
  }
  const newest = newestMtime(join(root, 'src'));
  if (newest > builtAt) throw new Error('libs/service-kit/dist is older than src/: run `npm run build -w @hangviet/service-kit` first');
}

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestMtime(path));
    else if (!entry.name.endsWith('.test.ts')) newest = Math.max(newest, statSync(path).mtimeMs);
  }
  return newest;
}
