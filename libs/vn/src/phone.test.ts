import { normalizePhone } from './phone';

describe('normalizePhone', () => {
  it.each([
    ['0912 345 678', '+84912345678', 'MOBILE'],
    ['+84 912345678', '+84912345678', 'MOBILE'],
    ['84912345678', '+84912345678', 'MOBILE'],
    ['0084 912.345.678', '+84912345678', 'MOBILE'],
    ['+84 (0) 386-123-456', '+84386123456', 'MOBILE'],
    ['(024) 3826 1234', '+842438261234', 'LANDLINE'],
    ['0275 3822 123', '+842753822123', 'LANDLINE'],
  ])('normalises %j to %s', (input, value, kind) => {
    expect(normalizePhone(input)).toEqual({ ok: true, value, kind });
  });

  it.each([
    ['+1 202 555 0143', 'PHONE_COUNTRY'],
    ['0112 345 678', 'PHONE_PREFIX'],
    ['1900 1234', 'PHONE_FORMAT'],
    ['0912 345 67', 'PHONE_FORMAT'],
    ['0912-345-678 ext 2', 'PHONE_FORMAT'],
    ['', 'PHONE_FORMAT'],
  ])('rejects %j with %s', (input, code) => {
    expect(normalizePhone(input)).toMatchObject({ ok: false, code });
  });
});
