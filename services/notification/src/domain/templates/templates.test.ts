import { renderTemplate, TEMPLATE_KEYS } from '.';

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
    const vi = renderTemplate('business.rejected', 'vi', {
      ...context,
      reason: 'Thiếu giấy phép kinh doanh',
    });
    expect(vi.text).toContain('Lý do: Thiếu giấy phép kinh doanh');
    const en = renderTemplate('business.rejected', 'en', { ...context, reason: 'Missing licence' });
    expect(en.text).toContain('Reason: Missing licence');
    expect(renderTemplate('business.rejected', 'en', context).text).not.toContain('Reason:');
  });

  it('names changed profile fields in the recipient language', () => {
    const changed = { ...context, changedFields: ['address', 'tradeName', 'somethingNew'] };
    expect(renderTemplate('business.profile_updated', 'vi', changed).text).toContain(
      '(địa chỉ, tên thương mại, somethingNew)',
    );
    expect(renderTemplate('business.profile_updated', 'en', changed).text).toContain(
      '(address, trade name, somethingNew)',
    );
  });

  it('escapes user data in HTML but not in text', () => {
    const hostile = renderTemplate('business.suspended', 'en', {
      businessName: '<script>x</script>',
      taxCode: '1',
      reason: 'a & b',
    });
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

describe('certification templates', () => {
  const facts = {
    productName: 'Kẹo dừa Bến Tre',
    certificateNumber: 'OCOP-2026-000001-7',
    stars: '4',
    validUntil: '01/12/2029',
  };

  it('tells the enterprise the certificate number, stars and validity of a decision', () => {
    const vi = renderTemplate('certification.application.decided', 'vi', {
      ...context,
      facts: { ...facts, decisionNumber: '5445/QĐ-UBND', decisionDate: '01/12/2026' },
    });
    expect(vi.text).toContain('OCOP 4 sao theo Quyết định số 5445/QĐ-UBND ngày 01/12/2026');
    expect(vi.text).toContain('OCOP-2026-000001-7');
    const en = renderTemplate('certification.application.decided', 'en', {
      ...context,
      facts: { ...facts, decisionNumber: '5445/QĐ-UBND' },
    });
    expect(en.text).toContain('certified OCOP 4-star');
  });

  it('says a decision without a certificate issued none', () => {
    const en = renderTemplate('certification.application.decided', 'en', {
      ...context,
      facts: { productName: 'Mắm', decisionNumber: '1/QĐ-UBND' },
    });
    expect(en.text).toContain('does not qualify for a certificate');
  });

  it('counts the days left before expiry and states a revocation reason', () => {
    expect(
      renderTemplate('certification.certificate.expiring', 'vi', {
        ...context,
        facts: { ...facts, daysLeft: '30' },
      }).text,
    ).toContain('còn 30 ngày');
    expect(
      renderTemplate('certification.certificate.revoked', 'en', {
        ...context,
        reason: 'business dissolved',
        facts,
      }).text,
    ).toContain('Reason: business dissolved');
  });
});
