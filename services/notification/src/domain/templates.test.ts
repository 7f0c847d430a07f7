import { renderTemplate, TEMPLATE_KEYS } from './templates';

const context = { businessName: 'Gốm Bát Tràng', taxCode: '0101234567' };

describe('notification templates', () => {
  it('renders an approval in Vietnamese and in English', () => {
    const vi = renderTemplate('business.approved', 'vi', context);
    expect(vi.subject).toBe('Hồ sơ của Gốm Bát Tràng đã được phê duyệt');
    expect(vi.text).toContain('mã số thuế 0101234567');
    expect(vi.text).toContain('Trân trọng');
    const en = renderTemplate('business.approved', 'en', context);
    expect(en.subject).toBe('Gốm Bát Tràng has been approved');
    expect(en.text).toContain('tax code 0101234567');
  });

  it('states the reason of a rejection in the recipient language', () => {
    const vi = renderTemplate('business.rejected', 'vi', { ...context, reason: 'Thiếu giấy phép kinh doanh' });
    expect(vi.text).toContain('Lý do: Thiếu giấy phép kinh doanh');
    const en = renderTemplate('business.rejected', 'en', { ...context, reason: 'Missing licence' });
    expect(en.text).toContain('Reason: Missing licence');
    expect(renderTemplate('business.rejected', 'en', context).text).not.toContain('Reason:');
  });

  it('names changed profile fields in the recipient language', () => {
    const changed = { ...context, changedFields: ['address', 'tradeName', 'somethingNew'] };
    expect(renderTemplate('business.profile_updated', 'vi', changed).text).toContain('(địa chỉ, tên thương mại, somethingNew)');
    expect(renderTemplate('business.profile_updated', 'en', changed).text).toContain('(address, trade name, somethingNew)');
  });

  it('escapes user data in HTML but not in text', () => {
    const hostile = renderTemplate('business.suspended', 'en', { businessName: '<script>x</script>', taxCode: '1', reason: 'a & b' });
    expect(hostile.html).not.toContain('<script>');
    expect(hostile.html).toContain('&#60;script&#62;');
    expect(hostile.html).toContain('a &#38; b');
    expect(hostile.text).toContain('<script>x</script>');
  });

  it('has every template in both languages with distinct texts and a short form of at most 160 characters', () => {
    for (const key of TEMPLATE_KEYS) {
      const vi = renderTemplate(key, 'vi', { ...context, businessName: 'X'.repeat(200) });
      const en = renderTemplate(key, 'en', { ...context, businessName: 'X'.repeat(200) });
      expect(vi.subject).not.toBe(en.subject);
      expect(vi.short.length).toBeLessThanOrEqual(160);
      expect(en.html.startsWith('<!doctype html><html lang="en">')).toBe(true);
    }
  });
});
