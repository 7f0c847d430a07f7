// AIP-158 page tokens: opaque to clients, the position after the last item of the previous page.
import { invalid } from '@hangviet/service-kit';

export function encodePageToken(position: Record<string, string | number>): string {
  return Buffer.from(JSON.stringify(position)).toString('base64url');
}

export function decodePageToken<T extends Record<string, string | number>>(token: string | undefined, keys: (keyof T)[]): T | undefined {
  if (!token) return undefined;
  try {
    const value = JSON.parse(Buffer.from(token, 'base64url').toString('utf8')) as T;
    if (value && typeof value === 'object' && keys.every((k) => ['string', 'number'].includes(typeof value[k]))) return value;
  } catch {
    // falls through to the validation error below
  }
  throw invalid([{ field: 'pageToken', code: 'PAGE_TOKEN_INVALID', message: 'pageToken is not a token this API returned' }]);
}
