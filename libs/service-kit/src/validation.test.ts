import { z } from 'zod';
import { AppError } from './errors';
import { parse } from './validation';

const schema = z.strictObject({
  name: z.string().min(2),
  address: z.object({ wardCode: z.string().regex(/^\d{5}$/), street: z.string() }),
  tags: z.array(z.enum(['ocop', 'craft'])).optional(),
});

function errorsOf(input: unknown) {
  try {
    parse(schema, input);
  } catch (err) {
    expect(err).toBeInstanceOf(AppError);
    return (err as AppError).errors;
  }
  throw new Error('expected a validation error');
}

describe('parse', () => {
  it('returns the parsed value when valid', () => {
    const value = { name: 'Gốm Bàu Trúc', address: { wardCode: '12345', street: 'Lê Lợi' } };
    expect(parse(schema, value)).toEqual(value);
  });

  it('names each bad field with a dotted path and a stable code', () => {
    expect(errorsOf({ name: 'x', address: { wardCode: 'abc' }, tags: ['ocop', 'nope'], extra: 1 })).toEqual([
      { field: 'name', code: 'TOO_SMALL', message: expect.any(String) },
      { field: 'address.wardCode', code: 'INVALID_FORMAT', message: expect.any(String) },
      { field: 'address.street', code: 'REQUIRED', message: expect.any(String) },
      { field: 'tags.1', code: 'INVALID_VALUE', message: expect.any(String) },
      { field: 'extra', code: 'UNKNOWN_FIELD', message: 'Unknown field "extra".' },
    ]);
  });

  it('tells a wrong type from a missing value', () => {
    expect(errorsOf({ name: 42, address: { wardCode: '12345', street: 's' } })).toEqual([
      { field: 'name', code: 'INVALID_TYPE', message: expect.any(String) },
    ]);
  });

  it('uses the location as the field when the whole input is wrong', () => {
    try {
      parse(z.object({ q: z.string() }), 'nope', 'query');
      throw new Error('expected a validation error');
    } catch (err) {
      expect((err as AppError).errors).toEqual([{ field: 'query', code: 'INVALID_TYPE', message: expect.any(String) }]);
    }
  });

  it('lets a refinement name its own code', () => {
    const dated = z.object({ date: z.string().refine((d) => d > '2000', { message: 'Too old.', params: { code: 'DATE_TOO_OLD' } }) });
    expect(() => parse(dated, { date: '1999' })).toThrow(
      expect.objectContaining({ errors: [{ field: 'date', code: 'DATE_TOO_OLD', message: 'Too old.' }] }),
    );
  });
});
