// The read retry of api(): against a stand-in fetch (the policy, not the network).
// No browser here: the session store and the page's address the session module reads.
Object.assign(globalThis, { sessionStorage: { getItem: () => null, setItem: () => undefined, removeItem: () => undefined }, location: new URL('http://console.test/') });
import { api, ApiError } from './api';

const answers = (...statuses: number[]) => {
  const calls: string[] = [];
  globalThis.fetch = (async (_path: string, init?: RequestInit) => {
    calls.push(init?.method ?? 'GET');
    const status = statuses.shift() ?? 200;
    return new Response(status === 200 ? '{"ok":true}' : '{"code":"X","detail":"busy"}', { status, headers: status === 503 ? { 'retry-after': '0' } : {} });
  }) as typeof fetch;
  return calls;
};

describe('api', () => {
  it('asks a read again after a 503 and answers what came next', async () => {
    const calls = answers(503, 200);
    await expect(api('/v1/fairs')).resolves.toEqual({ ok: true });
    expect(calls).toEqual(['GET', 'GET']);
  });

  it('sends a write once, whatever it met', async () => {
    const calls = answers(503, 200);
    await expect(api('/v1/fairs', { method: 'POST', json: {} })).rejects.toBeInstanceOf(ApiError);
    expect(calls).toEqual(['POST']);
  });

  it('does not repeat a read the service refused for what it asked', async () => {
    const calls = answers(404, 200);
    await expect(api('/v1/fairs/x')).rejects.toMatchObject({ problem: { status: 404 } });
    expect(calls).toEqual(['GET']);
  });
});
