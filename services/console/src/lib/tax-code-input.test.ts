import { registrationProblems, taxCodeHint } from './tax-code-input';

describe('taxCodeHint', () => {
  it('follows the typing of an enterprise code', () => {
    expect(taxCodeHint('', 'COMPANY')).toBe('empty');
    expect(taxCodeHint('0100', 'COMPANY')).toBe('typing');
    expect(taxCodeHint('0100233488', 'COMPANY')).toBe('complete');
    expect(taxCodeHint('0314409058-002', 'COMPANY')).toBe('complete');
    expect(taxCodeHint('01002334A8', 'COMPANY')).toBe('format');
    expect(taxCodeHint('01002334881234', 'COMPANY')).toBe('format');
  });

  it('accepts a 12-digit personal id only for a household business', () => {
    expect(taxCodeHint('001085012345', 'HOUSEHOLD')).toBe('complete');
    expect(taxCodeHint('001085012345', 'COMPANY')).toBe('typing');
  });
});

describe('registrationProblems', () => {
  const good = { taxCode: '0100233488', type: 'COMPANY', legalName: 'Công ty A', provinceCode: '01', wardCode: '00004', street: '1 Tràng Tiền', industry: '1079' };
  it('passes a complete form and names each missing field', () => {
    expect(registrationProblems(good)).toEqual([]);
    expect(registrationProblems({ ...good, legalName: ' ', wardCode: '4' }).map((p) => p.field)).toEqual(['legalName', 'wardCode']);
  });
});

describe('registration with an old address', () => {
  const form = { taxCode: '0100233488', type: 'COMPANY', legalName: 'Công ty A', provinceCode: '', wardCode: '', street: '1 Đường A', industry: '1073' };
  it('asks for the old province and ward instead of the new ones', () => {
    expect(registrationProblems(form, { provinceName: 'Bến Tre', wardName: '' }).map((p) => p.field)).toEqual(['legacyWard']);
    expect(registrationProblems(form).map((p) => p.field)).toEqual(['provinceCode', 'wardCode']);
  });
});
