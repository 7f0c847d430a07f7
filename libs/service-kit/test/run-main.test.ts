// runMain as a service's main.ts uses it, in a child process: a bad configuration is one line on
// stderr and exit 1 before anything starts; a good one serves until SIGTERM, then stops cleanly.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { freePort, testScope } from '@hangviet/testing';
import { assertBuilt } from './built';

jest.setTimeout(60_000);

const child = join(__dirname, 'fixtures', 'host-child.js');

interface Line {
  msg?: string;
  marker?: string;
  httpPort?: number;
}

function run(env: Record<string, string>, onLine: (line: Line, kill: () => void) => void = () => undefined) {
  return new Promise<{ code: number | null; stderr: string; lines: Line[] }>((resolve, reject) => {
    const proc = spawn(process.execPath, [child], {
      env: { PATH: process.env.PATH ?? '', NODE_ENV: 'test', LOG_LEVEL: 'info', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let stderr = '';
    const lines: Line[] = [];
    proc.stdout.setEncoding('utf8');
    proc.stderr.setEncoding('utf8');
    proc.stderr.on('data', (chunk: string) => (stderr += chunk));
    proc.stdout.on('data', (chunk: string) => {
      out += chunk;
      let end: number;
      while ((end = out.indexOf('\n')) >= 0) {
        const text = out.slice(0, end);
        out = out.slice(end + 1);
        const line = JSON.parse(text) as Line;
        lines.push(line);
        onLine(line, () => proc.kill('SIGTERM'));
      }
    });
    proc.on('error', reject);
    proc.on('close', (code) => resolve({ code, stderr, lines }));
  });
}

describe('runMain', () => {
  beforeAll(assertBuilt);

  it('stops at once on a bad configuration with one line naming the variable', async () => {
    const { code, stderr, lines } = await run({ HTTP_PORT: 'abc', MONGO_URL: 'mongodb://127.0.0.1:1' });
    expect(code).toBe(1);
    expect(stderr).toBe("host-child: invalid configuration: HTTP_PORT: expected a port number 1–65535, got 'abc'\n");
    expect(lines).toEqual([]);
  });

  it('serves, answers /readyz, and on SIGTERM runs its shutdown steps with the last one last, then exits 0', async () => {
    const scope = testScope('service_kit_main');
    let readyz: number | undefined;
    const { code, lines } = await run(
      { MONGO_URL: scope.mongoUrl, KAFKA_BROKERS: scope.kafkaBrokers.join(','), HTTP_PORT: String(await freePort()), GRPC_PORT: String(await freePort()) },
      (line, kill) => {
        if (line.msg !== 'host-child listening') return;
        void fetch(`http://127.0.0.1:${line.httpPort}/readyz`).then((res) => {
          readyz = res.status;
          kill();
        });
      },
    );
    expect(readyz).toBe(200);
    expect(code).toBe(0);
    expect(lines.filter((l) => l.marker).map((l) => l.marker)).toEqual(['stop:relay', 'lastly']);
  });
});
