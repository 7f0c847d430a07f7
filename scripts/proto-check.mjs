// buf lint, and buf breaking against the proto/ committed on main (when main has one).
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { root, run, say } from './lib.mjs';

const buf = join(root, 'node_modules', '.bin', 'buf');
say('buf lint proto/');
run(buf, ['lint'], { cwd: join(root, 'proto') });

const hasMainProto = spawnSync('git', ['cat-file', '-e', 'main:proto/buf.yaml'], { cwd: root }).status === 0;
if (hasMainProto) {
  say('buf breaking proto/ against main');
  run(buf, ['breaking', 'proto', '--against', '.git#branch=main,subdir=proto']);
} else {
  say('buf breaking skipped: main has no proto/ yet');
}
