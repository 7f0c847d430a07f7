import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { assertBuilt } from './built';

const child = join(__dirname, 'fixtures', 'lifecycle-child.js');

function run(mode: string, signal?: NodeJS.Signals): Promise<{ code: number | null; lines: string[] }> {
  return new Promise((resolve, reject) => {
    const proc = spawn(process.execPath, [child, mode], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    let signalled = false;
    proc.stdout.setEncoding('utf8');
    proc.stdout.on('data', (chunk: string) => {
      out += chunk;
      if (signal && !signalled && out.includes('ready\n')) {
        signalled = true; // once: a second signal means "exit now"
        proc.kill(signal);
      }
    });
    proc.on('error', reject);
    proc.on('close', (code) => resolve({ code, lines: out.split('\n').filter(Boolean) }));
  });
}

describe('runService', () => {
  beforeAll(assertBuilt);

  it.each(['SIGTERM', 'SIGINT'] as const)('on %s runs the shutdown hooks in reverse order, then exits 0', async (signal) => {
    expect(await run('normal', signal)).toEqual({ code: 0, lines: ['ready', 'hook:http', 'hook:kafka', 'hook:database'] });
  });

  it('exits 1 when the hooks overrun the bound', async () => {
    const { code, lines } = await run('hang', 'SIGTERM');
    expect(code).toBe(1);
    expect(lines).toEqual(['ready', 'hook:http']);
  });

  it('a start failure runs the hooks registered so far and exits 1', async () => {
    expect(await run('fail-start')).toEqual({ code: 1, lines: ['hook:http', 'hook:kafka', 'hook:database'] });
  });
});
