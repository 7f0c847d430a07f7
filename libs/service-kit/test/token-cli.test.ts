import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createAuthenticator, DEFAULT_ISSUER } from '../src/auth';
import { assertBuilt } from './built';

const cli = join(__dirname, '..', 'dist', 'cli', 'token.js');

function token(args: string[], env: NodeJS.ProcessEnv = {}): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [cli, ...args], { env: { ...process.env, AUTH_ISSUER: '', AUTH_AUDIENCE: '', ...env } }, (err, stdout, stderr) =>
      resolve({ code: err ? Number(err.code ?? 1) : 0, stdout, stderr }),
    );
  });
}

describe('token CLI', () => {
  const dir = mkdtempSync(join(tmpdir(), 'service-kit-cli-'));
  const keysDir = join(dir, 'auth');
  const authenticator = createAuthenticator({ issuer: DEFAULT_ISSUER, audience: 'hangviet', jwksFile: join(keysDir, 'jwks.json') });

  beforeAll(assertBuilt);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('creates the dev keys when missing and prints only a token that verifies', async () => {
    const { code, stdout, stderr } = await token(['--role', 'enterprise', '--business', 'biz-42', '--keys-dir', keysDir]);
    expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
    expect(stdout).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+\n$/);
    expect(statSync(join(keysDir, 'private.jwk')).mode & 0o777).toBe(0o600);
    expect(await authenticator.verify(stdout.trim())).toEqual({ subject: 'dev-enterprise-biz-42', roles: ['enterprise'], businessId: 'biz-42' });
  });

  it('mints staff and partner tokens with the existing keys', async () => {
    const staff = await token(['--role', 'staff', '--keys-dir', keysDir, '--subject', 'lan', '--expires', '15m']);
    expect(await authenticator.verify(staff.stdout.trim())).toEqual({ subject: 'lan', roles: ['staff'] });
    const partner = await token(['--role', 'partner', '--partner', 'portal', '--keys-dir', keysDir]);
    expect(await authenticator.verify(partner.stdout.trim())).toMatchObject({ roles: ['partner'], partnerId: 'portal' });
  });

  it('gives each development identity its own subject (issue 12, item 6)', async () => {
    const subjectOf = async (args: string[]) => (await authenticator.verify((await token([...args, '--keys-dir', keysDir])).stdout.trim())).subject;
    const [a, b] = [await subjectOf(['--role', 'partner', '--partner', 'portal']), await subjectOf(['--role', 'partner', '--partner', 'bank'])];
    expect(a).toBe('dev-partner-portal');
    expect(b).toBe('dev-partner-bank');
    const [s1, s2] = [await subjectOf(['--role', 'staff']), await subjectOf(['--role', 'staff'])];
    expect(s1).toMatch(/^dev-staff-[0-9a-f]{8}$/);
    expect(s2).not.toBe(s1);
    expect(await subjectOf(['--role', 'service', '--service', 'trade-fair'])).toBe('trade-fair');
  });

  it.each([
    [['--role', 'enterprise'], '--role enterprise needs --business'],
    [['--role', 'root'], '--role must be one of'],
    [['--role', 'staff', '--expires', 'soon'], "--expires: expected a span such as 15m, 1h or 7d, got 'soon'"],
  ])('%j fails with exit 2 and a clear message, printing no token', async (args, message) => {
    const { code, stdout, stderr } = await token([...args, '--keys-dir', keysDir]);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toContain(message);
  });
});
