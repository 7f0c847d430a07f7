import { createSsrfGuard, TargetRefused, type ResolveAll } from './ssrf-guard';

// A stand-in resolver: the unit test must not depend on the machine's DNS.
const zone: Record<string, { address: string; family: number }[]> = {
  'partner.example': [{ address: '93.184.216.34', family: 4 }],
  'rebind.example': [
    { address: '93.184.216.34', family: 4 },
    { address: '10.0.0.5', family: 4 },
  ],
  'local.example': [{ address: '::1', family: 6 }],
};
const resolveAll: ResolveAll = async (host) => {
  const found = zone[host];
  if (!found) throw Object.assign(new Error('not found'), { code: 'ENOTFOUND' });
  return found;
};

async function refusal(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (err) {
    if (err instanceof TargetRefused) return err.code;
    throw err;
  }
  return 'ALLOWED';
}

describe('SSRF guard', () => {
  const guard = createSsrfGuard({ resolveAll });

  it('allows a public host', async () => {
    const { addresses } = await guard.check('https://partner.example/hooks');
    expect(addresses).toEqual([{ address: '93.184.216.34', family: 4 }]);
  });

  it.each([
    ['http://127.0.0.1:8080/x', 'ADDRESS_NOT_ALLOWED'],
    ['http://10.0.0.1/x', 'ADDRESS_NOT_ALLOWED'],
    ['http://169.254.169.254/latest/meta-data/', 'ADDRESS_NOT_ALLOWED'],
    ['http://[::1]/x', 'ADDRESS_NOT_ALLOWED'],
    ['http://[::ffff:127.0.0.1]/x', 'ADDRESS_NOT_ALLOWED'],
    ['http://2130706433/x', 'ADDRESS_NOT_ALLOWED'],
    ['http://0x7f.1/x', 'ADDRESS_NOT_ALLOWED'],
    ['https://rebind.example/x', 'ADDRESS_NOT_ALLOWED'],
    ['https://local.example/x', 'ADDRESS_NOT_ALLOWED'],
    ['https://nowhere.example/x', 'HOST_UNRESOLVABLE'],
    ['ftp://partner.example/x', 'URL_SCHEME_NOT_ALLOWED'],
    ['https://user:pw@partner.example/x', 'URL_CREDENTIALS_NOT_ALLOWED'],
    ['not a url', 'URL_INVALID'],
  ])('refuses %s with %s', async (url, code) => {
    expect(await refusal(guard.check(url))).toBe(code);
  });

  it('requires https when configured', async () => {
    const strict = createSsrfGuard({ resolveAll, requireHttps: true });
    expect(await refusal(strict.check('http://partner.example/x'))).toBe('URL_SCHEME_NOT_ALLOWED');
    expect(await refusal(strict.check('https://partner.example/x'))).toBe('ALLOWED');
  });

  it('permits an allowlisted range', async () => {
    const local = createSsrfGuard({ resolveAll, allowCidrs: ['127.0.0.0/8', '::1/128'] });
    expect(await refusal(local.check('http://127.0.0.1:9/x'))).toBe('ALLOWED');
    expect(await refusal(local.check('https://local.example/x'))).toBe('ALLOWED');
    expect(await refusal(local.check('http://10.0.0.1/x'))).toBe('ADDRESS_NOT_ALLOWED');
  });

  it('allows exact address:port targets only, never the other ports of that address (issue 12, item 7)', async () => {
    const local = createSsrfGuard({ resolveAll, allowTargets: ['127.0.0.1:9000', '[::1]:9000'] });
    expect(await refusal(local.check('http://127.0.0.1:9000/hook'))).toBe('ALLOWED');
    expect(await refusal(local.check('http://[::1]:9000/hook'))).toBe('ALLOWED');
    // The platform's own services on the same host stay out of reach.
    expect(await refusal(local.check('http://127.0.0.1:8081/v1/businesses'))).toBe('ADDRESS_NOT_ALLOWED');
    expect(await refusal(local.check('http://127.0.0.1/hook'))).toBe('ADDRESS_NOT_ALLOWED');
    expect((await local.check('http://127.0.0.1:9000/hook')).internal).toBe(true);
    expect(() => createSsrfGuard({ allowTargets: ['127.0.0.0/8'] })).toThrow(/address:port/);
    expect(() => createSsrfGuard({ allowTargets: ['127.0.0.1'] })).toThrow(/address:port/);
    const refused = await new Promise<NodeJS.ErrnoException | null>((resolve) => local.lookupFor(8081)('127.0.0.1', {}, (err) => resolve(err)));
    expect(refused).toBeInstanceOf(TargetRefused);
  });

  it('refuses in the connection lookup too, before any socket is opened', async () => {
    const result = await new Promise<{ err: NodeJS.ErrnoException | null; address: string }>((resolve) =>
      guard.lookupFor(443)('rebind.example', {}, (err, address) => resolve({ err, address: String(address) })),
    );
    expect(result.err).toBeInstanceOf(TargetRefused);
    const ok = await new Promise<{ err: NodeJS.ErrnoException | null; address: string }>((resolve) =>
      guard.lookupFor(443)('partner.example', {}, (err, address) => resolve({ err, address: String(address) })),
    );
    expect(ok).toEqual({ err: null, address: '93.184.216.34' });
  });
});
