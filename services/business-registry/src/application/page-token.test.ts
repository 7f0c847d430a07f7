import { AppError } from '@hangviet/service-kit/errors';
import { decodePageToken, encodePageToken, queryFingerprint } from './page-token';

function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (err) {
    if (err instanceof AppError) return err.errors?.[0]?.code;
    throw err;
  }
  return undefined;
}

describe('page tokens', () => {
  const fingerprint = queryFingerprint({ tokens: ['keo', 'dua'], statuses: ['ACTIVE'] });

  it('round-trips the cursor of the query it was issued for', () => {
    const token = encodePageToken({ sortName: 'cong ty keo dua', id: 'b-42' }, fingerprint);
    expect(token).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodePageToken(token, fingerprint)).toEqual({ sortName: 'cong ty keo dua', id: 'b-42' });
  });

  it('refuses a token of another query', () => {
    const token = encodePageToken({ sortName: 'a', id: 'b' }, fingerprint);
    expect(codeOf(() => decodePageToken(token, queryFingerprint({ tokens: ['ben'] })))).toBe('PAGE_TOKEN_MISMATCH');
  });

  it.each(['', 'garbage', Buffer.from('{"v":2}').toString('base64url'), Buffer.from('[1]').toString('base64url')])('refuses %p', (token) => {
    expect(codeOf(() => decodePageToken(token, fingerprint))).toBe('INVALID_PAGE_TOKEN');
  });
});
