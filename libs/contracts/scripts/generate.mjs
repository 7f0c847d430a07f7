// Generates TypeScript from proto/ with buf + ts-proto, and a binary descriptor set that the
// gRPC reflection service and the event type registry read. Output is git-ignored and rebuilt.
import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const pkg = join(dirname(fileURLToPath(import.meta.url)), '..');
const root = join(pkg, '..', '..');
const buf = join(root, 'node_modules', '.bin', 'buf');
const protoDir = join(root, 'proto');

rmSync(join(pkg, 'src', 'gen'), { recursive: true, force: true });
execFileSync(buf, ['generate'], { cwd: protoDir, stdio: 'inherit' });
mkdirSync(join(pkg, 'dist'), { recursive: true });
execFileSync(buf, ['build', '-o', join(pkg, 'dist', 'descriptor-set.binpb')], { cwd: protoDir, stdio: 'inherit' });
