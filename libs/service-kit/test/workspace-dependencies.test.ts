// Every package a workspace imports is declared in its own package.json: code under src/ needs it in
// dependencies (or peerDependencies), tests may use devDependencies. npm hoists everything into one
// node_modules, so an undeclared import works here and breaks for whoever installs the package alone
// (or builds it first: turbo orders builds by the declared graph).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { join, relative } from 'node:path';
import { repositoryRoot } from '../src/paths';

interface Manifest {
  name: string;
  workspaces?: string[];
  dependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
  devDependencies?: Record<string, string>;
}

const root = repositoryRoot(__dirname);
const read = (dir: string) => JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as Manifest;

function workspaceDirs(): string[] {
  return (read(root).workspaces ?? []).flatMap((pattern) => {
    if (!pattern.endsWith('/*')) return [join(root, pattern)];
    const base = join(root, pattern.slice(0, -2));
    return existsSync(base) ? readdirSync(base).map((name) => join(base, name)).filter((dir) => existsSync(join(dir, 'package.json'))) : [];
  });
}

function sourceFiles(dir: string, out: string[] = []): string[] {
  if (!existsSync(dir)) return out;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name === 'dist' || entry.name === 'gen') continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) sourceFiles(path, out);
    else if (/\.(ts|tsx|js|mjs|cjs)$/.test(entry.name) && !entry.name.endsWith('.d.ts')) out.push(path);
  }
  return out;
}

const SPECIFIER = /(?:\bfrom\s*|\bimport\s*\(\s*|\brequire\s*\(\s*|^\s*import\s+)['"]([^'"\n]+)['"]/gm;
const builtins = new Set(builtinModules);

/** The packages a file imports, with comments removed (a comment's "from 'x'" is not an import). */
function importedPackages(text: string): string[] {
  const code = text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"`])\/\/.*$/gm, '$1');
  const found = new Set<string>();
  for (const match of code.matchAll(SPECIFIER)) {
    const spec = match[1]!;
    if (spec.startsWith('.') || spec.startsWith('/') || spec.startsWith('node:') || builtins.has(spec.split('/')[0]!)) continue;
    found.add(spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0]!);
  }
  return [...found];
}

describe('workspace dependencies', () => {
  it('reads package names from imports, requires and dynamic imports, not from comments', () => {
    const text = [
      "import { z } from 'zod';",
      "import type { Db } from 'mongodb';",
      "import '@hangviet/telemetry/register';",
      "const { Kafka } = require('kafkajs');",
      "const jose = () => import('jose');",
      "import { readFile } from 'node:fs/promises';",
      "import { join } from 'path';",
      "import { local } from './local';",
      "// a bearer token from 'authorization' metadata",
      "/** tell 'Phường X' from 'Xã X' */",
    ].join('\n');
    expect(importedPackages(text).sort()).toEqual(['@hangviet/telemetry', 'jose', 'kafkajs', 'mongodb', 'zod']);
  });

  it('declares in each workspace every package its code imports', () => {
    const problems: string[] = [];
    for (const dir of workspaceDirs()) {
      const manifest = read(dir);
      const runtime = new Set([...Object.keys(manifest.dependencies ?? {}), ...Object.keys(manifest.peerDependencies ?? {})]);
      const dev = new Set(Object.keys(manifest.devDependencies ?? {}));
      for (const sub of ['src', 'test']) {
        for (const file of sourceFiles(join(dir, sub))) {
          if (file === __filename) continue; // its examples above are strings, not imports
          const isTest = sub === 'test' || /\.test\.tsx?$/.test(file);
          for (const name of importedPackages(readFileSync(file, 'utf8'))) {
            if (name === manifest.name || runtime.has(name) || (isTest && dev.has(name))) continue;
            problems.push(`${relative(root, file)} imports ${name}, which ${manifest.name} lists ${dev.has(name) ? 'only in devDependencies' : 'nowhere'}`);
          }
        }
      }
    }
    expect(problems).toEqual([]);
  });
});
