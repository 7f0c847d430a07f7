import { existsSync, readFileSync } from 'node:fs';
import { dirname, isAbsolute, join, resolve } from 'node:path';

let cachedRoot: string | undefined;

/**
 * The monorepo root (the nearest package.json with "workspaces"), so relative dev paths such as
 * `.local/auth` mean the same place whether a service runs from its folder or from the root.
 */
export function repositoryRoot(from = process.cwd()): string {
  if (cachedRoot && from === process.cwd()) return cachedRoot;
  let dir = resolve(from);
  for (;;) {
    const manifest = join(dir, 'package.json');
    if (existsSync(manifest)) {
      try {
        if ((JSON.parse(readFileSync(manifest, 'utf8')) as { workspaces?: unknown }).workspaces) {
          if (from === process.cwd()) cachedRoot = dir;
          return dir;
        }
      } catch {
        // an unreadable manifest is not the root; keep walking up
      }
    }
    const parent = dirname(dir);
    if (parent === dir) return resolve(from);
    dir = parent;
  }
}

export function fromRepositoryRoot(path: string): string {
  return isAbsolute(path) ? path : join(repositoryRoot(), path);
}
