// AIP-158 page tokens: opaque to clients, bound to the query they came from. The position is
// the last row's sort key and id, so rows inserted meanwhile never shift later pages.
import { createHash } from 'node:crypto';
import { invalid } from '@hangviet/service-kit/errors';
import type { SearchCursor } from './ports';

interface TokenBody {
  v: 1;
  s: string;
  i: string;
  q: string;
}

export function queryFingerprint(query: unknown): string {
  return createHash('sha256').update(JSON.stringify(query)).digest('base64url').slice(0, 16);
}

export function encodePageToken(cursor: SearchCursor, fingerprint: string): string {
  const body: TokenBody = { v: 1, s: cursor.sortName, i: cursor.id, q: fingerprint };
  return Buffer.from(JSON.stringify(body)).toString('base64url');
}

export function decodePageToken(token: string, fingerprint: string, field = 'pageToken'): SearchCursor {
  let body: Partial<TokenBody>;
  try {
    body = JSON.parse(Buffer.from(token, 'base64url').toString('utf8')) as Partial<TokenBody>;
  } catch {
    throw invalid([{ field, code: 'INVALID_PAGE_TOKEN', message: 'pageToken is not a token this service issued' }]);
  }
  if (body?.v !== 1 || typeof body.s !== 'string' || typeof body.i !== 'string' || typeof body.q !== 'string') {
    throw invalid([{ field, code: 'INVALID_PAGE_TOKEN', message: 'pageToken is not a token this service issued' }]);
  }
  if (body.q !== fingerprint) {
    throw invalid([{ field, code: 'PAGE_TOKEN_MISMATCH', message: 'pageToken belongs to a different query: keep the other parameters unchanged' }]);
  }
  return { sortName: body.s, id: body.i };
}
