import { AppError } from './errors';
import { decodePageToken, encodePageToken, keyset, mapPage } from './paging';

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
  const query = { tokens: ['keo', 'dua'], statuses: ['ACTIVE'] };

  it('round-trips the position of the query it was issued for, as an opaque url-safe string', () => {
    const token = encodePageToken(['cong ty keo dua', 'b-42'], query);
    expect(token).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodePageToken(token, { arity: 2, query })).toEqual(['cong ty keo dua', 'b-42']);
    expect(decodePageToken(undefined, { arity: 2, query })).toBeUndefined();
  });

  it('refuses a token of another query with PAGE_TOKEN_MISMATCH', () => {
    const token = encodePageToken(['a', 'b'], query);
    expect(codeOf(() => decodePageToken(token, { arity: 2, query: { tokens: ['ben'] } }))).toBe('PAGE_TOKEN_MISMATCH');
  });

  it.each([
    'garbage',
    Buffer.from('{"v":2,"k":["a","b"],"q":"x"}').toString('base64url'),
    Buffer.from('[1]').toString('base64url'),
    Buffer.from('{"v":1,"k":["a"],"q":"x"}').toString('base64url'),
    Buffer.from('{"v":1,"k":[{},"b"],"q":"x"}').toString('base64url'),
  ])('refuses %p with PAGE_TOKEN_INVALID on the field it came in', (token) => {
    expect(codeOf(() => decodePageToken(token, { arity: 2, query }))).toBe('PAGE_TOKEN_INVALID');
  });
});

describe('keyset', () => {
  interface Row {
    _id: string;
    createdAt: Date;
  }
  const newestFirst = keyset<Row>([
    { field: 'createdAt', order: 'desc', date: true },
    { field: '_id', order: 'desc' },
  ]);
  const rows: Row[] = [
    { _id: 'c', createdAt: new Date(3000) },
    { _id: 'b', createdAt: new Date(2000) },
    { _id: 'a', createdAt: new Date(2000) },
  ];

  it('sorts by its fields and starts the first page nowhere in particular', () => {
    expect(newestFirst.sort).toEqual({ createdAt: -1, _id: -1 });
    expect(newestFirst.after(undefined)).toEqual({});
    expect(newestFirst.limit(2)).toBe(3);
  });

  it('continues strictly after the last row of the previous page, ties broken by the unique key', () => {
    const first = newestFirst.page(rows, 2, { endpointId: 'e' });
    expect(first.items.map((r) => r._id)).toEqual(['c', 'b']);
    expect(first.nextPageToken).not.toBe('');
    expect(newestFirst.after(first.nextPageToken, { endpointId: 'e' })).toEqual({
      $or: [{ createdAt: { $lt: new Date(2000) } }, { createdAt: new Date(2000), _id: { $lt: 'b' } }],
    });
  });

  it('has no next page when the rows fit', () => {
    expect(newestFirst.page(rows, 3).nextPageToken).toBe('');
    expect(mapPage(newestFirst.page(rows, 3), (r) => r._id)).toEqual({ items: ['c', 'b', 'a'], nextPageToken: '' });
  });

  it('ascends with $gt, and a single key needs no $or', () => {
    const byId = keyset<{ _id: string }>([{ field: '_id', order: 'asc' }]);
    const page = byId.page([{ _id: 'a' }, { _id: 'b' }], 1);
    expect(byId.after(page.nextPageToken)).toEqual({ _id: { $gt: 'a' } });
  });
});
