// AIP-158 paging, one way for every service: `pageSize` / `pageToken` in, `{items, nextPageToken}` out
// (`nextPageToken` empty on the last page), keyset positions (never offsets, so rows written meanwhile
// never shift later pages), and page tokens that are opaque, versioned and bound to the query they came
// from. Errors: VALIDATION_FAILED with field `pageToken` and code PAGE_TOKEN_INVALID (not a token this API
// issued) or PAGE_TOKEN_MISMATCH (issued for other filters).
import { createHash } from 'node:crypto';
import { invalid } from './errors';

export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 100;
export const PAGE_TOKEN_INVALID = 'PAGE_TOKEN_INVALID';
export const PAGE_TOKEN_MISMATCH = 'PAGE_TOKEN_MISMATCH';

/** One value of a keyset position: strings and numbers (dates travel as epoch milliseconds). */
export type KeyValue = string | number;

export interface PageRequest {
  pageSize: number;
  pageToken?: string;
}

/** Every list response, REST and use case alike. */
export interface Page<T> {
  items: T[];
  /** Empty on the last page. */
  nextPageToken: string;
}

interface TokenBody {
  v: 1;
  /** The position: the sort keys of the last row of the previous page. */
  k: KeyValue[];
  /** Fingerprint of the query the token belongs to. */
  q: string;
}

/** A short digest of the filters a token is bound to (key order matters: build the object the same way). */
export function queryFingerprint(query: unknown): string {
  return createHash('sha256').update(JSON.stringify(query ?? null)).digest('base64url').slice(0, 16);
}

export function encodePageToken(position: readonly KeyValue[], query?: unknown): string {
  const body: TokenBody = { v: 1, k: [...position], q: queryFingerprint(query) };
  return Buffer.from(JSON.stringify(body)).toString('base64url');
}

const notOurs = (field: string) =>
  invalid([{ field, code: PAGE_TOKEN_INVALID, message: `${field} is not a token this API returned` }]);

/** The position a token carries; undefined for no token (the first page). `arity` is the number of sort keys. */
export function decodePageToken(
  token: string | undefined,
  opts: { arity: number; query?: unknown; field?: string },
): KeyValue[] | undefined {
  if (!token) return undefined;
  const field = opts.field ?? 'pageToken';
  let body: Partial<TokenBody>;
  try {
    body = JSON.parse(Buffer.from(token, 'base64url').toString('utf8')) as Partial<TokenBody>;
  } catch {
    throw notOurs(field);
  }
  const keys = body?.k;
  if (
    body?.v !== 1 ||
    typeof body.q !== 'string' ||
    !Array.isArray(keys) ||
    keys.length !== opts.arity ||
    !keys.every((k) => typeof k === 'string' || (typeof k === 'number' && Number.isFinite(k)))
  ) {
    throw notOurs(field);
  }
  if (body.q !== queryFingerprint(opts.query)) {
    throw invalid([{ field, code: PAGE_TOKEN_MISMATCH, message: `${field} belongs to a different query: keep the other parameters unchanged` }]);
  }
  return keys;
}

/** One sort key of a keyset: a document field, its direction, and whether it holds a Date. */
export interface KeysetField {
  field: string;
  order: 'asc' | 'desc';
  date?: boolean;
}

export interface Keyset<Row> {
  /** The Mongo sort, e.g. `{ createdAt: -1, _id: -1 }`. */
  readonly sort: Record<string, 1 | -1>;
  /** The filter part that starts after the token's position (`{}` on the first page). Throws on a bad token. */
  after(pageToken: string | undefined, query?: unknown): Record<string, unknown>;
  /** Ask the database for this many rows: one more than the page tells whether another page follows. */
  limit(pageSize: number): number;
  /** The page of `rows` (fetched with limit()), with the token of the next one. */
  page(rows: readonly Row[], pageSize: number, query?: unknown): Page<Row>;
}

/**
 * Keyset paging over a sort whose last field is unique (normally `_id`), e.g.
 * `keyset([{ field: 'createdAt', order: 'desc', date: true }, { field: '_id', order: 'desc' }])`.
 * Repositories use it; use cases only see PageRequest and Page.
 */
export function keyset<Row extends object>(fields: readonly KeysetField[]): Keyset<Row> {
  if (fields.length === 0) throw new Error('a keyset needs at least one sort field');
  const sort = Object.fromEntries(fields.map((f) => [f.field, f.order === 'asc' ? 1 : -1])) as Record<string, 1 | -1>;
  const toStored = (f: KeysetField, value: KeyValue) => (f.date ? new Date(Number(value)) : value);
  const toKey = (f: KeysetField, row: Row): KeyValue => {
    const value = (row as Record<string, unknown>)[f.field];
    if (f.date) return value instanceof Date ? value.getTime() : Number(value);
    if (typeof value === 'string' || typeof value === 'number') return value;
    throw new Error(`keyset field '${f.field}' holds neither a string nor a number`);
  };

  return {
    sort,
    after(pageToken, query) {
      const position = decodePageToken(pageToken, { arity: fields.length, query });
      if (!position) return {};
      // (a > x) or (a = x and b > y) or …, each comparison in its field's direction.
      const branches = fields.map((f, i) => {
        const branch: Record<string, unknown> = {};
        for (let j = 0; j < i; j++) branch[fields[j]!.field] = toStored(fields[j]!, position[j]!);
        branch[f.field] = { [f.order === 'asc' ? '$gt' : '$lt']: toStored(f, position[i]!) };
        return branch;
      });
      return branches.length === 1 ? branches[0]! : { $or: branches };
    },
    limit: (pageSize) => pageSize + 1,
    page(rows, pageSize, query) {
      const items = rows.slice(0, pageSize);
      const last = items.at(-1);
      const more = rows.length > pageSize && last !== undefined;
      return { items, nextPageToken: more ? encodePageToken(fields.map((f) => toKey(f, last)), query) : '' };
    },
  };
}

/** Maps the items of a page, keeping its token. */
export function mapPage<T, U>(page: Page<T>, fn: (item: T) => U): Page<U> {
  return { items: page.items.map(fn), nextPageToken: page.nextPageToken };
}
