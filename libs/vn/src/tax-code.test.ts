import { MAX_SYNTHETIC_TAX_CODE_SEQUENCE, generateTaxCode, parseTaxCode } from './tax-code';

describe('parseTaxCode', () => {
  it.each([
    ['0100233488', '0100233488', 'ENTERPRISE'],
    ['0100112437', '0100112437', 'ENTERPRISE'],
    ['0314409058-002', '0314409058-002', 'DEPENDENT_UNIT'],
    ['0312687878-001', '0312687878-001', 'DEPENDENT_UNIT'],
    ['2000102580-005', '2000102580-005', 'DEPENDENT_UNIT'],
  ])('accepts %s', (input, value, kind) => {
    expect(parseTaxCode(input)).toEqual({ ok: true, value, kind });
  });

  it('accepts spaces and a missing dash, and returns the canonical dashed form', () => {
    expect(parseTaxCode(' 0314409058002 ')).toMatchObject({ ok: true, value: '0314409058-002' });
    expect(parseTaxCode('0314 409 058 - 002')).toMatchObject({ ok: true, value: '0314409058-002' });
    expect(parseTaxCode('01 0023 3488')).toMatchObject({ ok: true, value: '0100233488' });
  });

  it.each([
    ['0100233480', 'TAX_CODE_CHECK_DIGIT'],
    ['0100000008', 'TAX_CODE_ZERO_SEQUENCE'],
    ['0314409058-000', 'TAX_CODE_ZERO_SUFFIX'],
    ['0314409050-002', 'TAX_CODE_CHECK_DIGIT'],
    ['010023348', 'TAX_CODE_FORMAT'],
    ['01002334881', 'TAX_CODE_FORMAT'],
    ['01002334A8', 'TAX_CODE_FORMAT'],
    ['', 'TAX_CODE_FORMAT'],
  ])('rejects %s with %s', (input, code) => {
    const result = parseTaxCode(input);
    expect(result).toMatchObject({ ok: false, code });
    expect(result.ok || result.message.length > 0).toBe(true);
  });

  it('accepts a 12-digit personal ID only when the caller allows it', () => {
    expect(parseTaxCode('001085012345')).toMatchObject({ ok: false, code: 'TAX_CODE_FORMAT' });
    expect(parseTaxCode('001 085 012 345', { allowPersonalId: true })).toEqual({
      ok: true,
      value: '001085012345',
      kind: 'PERSONAL_ID',
    });
  });

  it('rejects a personal ID whose province code is outside 001–096', () => {
    expect(parseTaxCode('000085012345', { allowPersonalId: true })).toMatchObject({ ok: false, code: 'TAX_CODE_FORMAT' });
    expect(parseTaxCode('097085012345', { allowPersonalId: true })).toMatchObject({ ok: false, code: 'TAX_CODE_FORMAT' });
  });
});

describe('generateTaxCode', () => {
  it('produces valid, distinct 10-digit codes for consecutive sequences', () => {
    const codes = Array.from({ length: 500 }, (_, i) => generateTaxCode(i + 1));
    expect(new Set(codes).size).toBe(codes.length);
    for (const code of codes) expect(parseTaxCode(code)).toEqual({ ok: true, value: code, kind: 'ENTERPRISE' });
  });

  it('uses the prefix and stays valid at the top of the range', () => {
    const code = generateTaxCode(MAX_SYNTHETIC_TAX_CODE_SEQUENCE, '83');
    expect(code.startsWith('83')).toBe(true);
    expect(parseTaxCode(code).ok).toBe(true);
  });

  it('rejects sequences and prefixes it cannot turn into a valid code', () => {
    expect(() => generateTaxCode(0)).toThrow(RangeError);
    expect(() => generateTaxCode(MAX_SYNTHETIC_TAX_CODE_SEQUENCE + 1)).toThrow(RangeError);
    expect(() => generateTaxCode(1, '00')).toThrow(RangeError);
    expect(() => generateTaxCode(1, '1')).toThrow(RangeError);
  });
});
