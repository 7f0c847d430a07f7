import { AppError } from '@hangviet/service-kit/errors';
import { Application } from './application';
import { addMonths, Certificate, validityOf } from './certificate';
import { formatCertificateNumber, isWellFormedCertificateNumber } from './certificate-number';
import { sniffContentType } from './content-type';
import { checkEvidence } from './evidence';
import { gtin13Problem } from './gtin';
import { OCOP_CRITERIA } from './ocop-criteria';
import { Product } from './product';
import { scoreSheet, starsFor, type CriterionScore } from './score-sheet';

const actor = { subject: 'u1' };
const now = new Date('2026-12-01T00:00:00Z');
const code = (fn: () => unknown): string | undefined => {
  try {
    fn();
  } catch (err) {
    return err instanceof AppError ? `${err.code}${err.errors ? ':' + err.errors.map((e) => `${e.field}/${e.code}`).join(',') : ''}` : String(err);
  }
  return undefined;
};
/** A full sheet totalling `total`: every criterion at its maximum (they sum to 100), less the shortfall from the first ones. */
function sheetOf(total: number): CriterionScore[] {
  let shortfall = 100 - total;
  return OCOP_CRITERIA.map((c) => {
    const cut = Math.min(c.max, shortfall);
    shortfall -= cut;
    return { criterion: c.code, points: c.max - cut, scorer: 'Hội đồng' };
  });
}

describe('GTIN-13', () => {
  it('accepts a valid Vietnamese barcode and names what is wrong otherwise', () => {
    expect(gtin13Problem('8934563138165')).toBeUndefined();
    expect(gtin13Problem('8934563138166')).toBe('CHECK_DIGIT');
    expect(gtin13Problem('893456313816')).toBe('NOT_13_DIGITS');
  });
});

describe('stars and the score sheet', () => {
  it('derives stars from the total at the decision’s thresholds', () => {
    expect([49.5, 50, 69.5, 70, 89.5, 90, 100].map(starsFor)).toEqual([0, 3, 3, 4, 4, 5, 5]);
  });

  it('totals the parts and refuses a criterion above its maximum, naming it', () => {
    const sheet = scoreSheet(sheetOf(80));
    expect(sheet).toMatchObject({ parts: { A: 20, B: 25, C: 35 }, total: 80, stars: 4 });
    const over = sheetOf(80).map((s) => (s.criterion === 'C1' ? { ...s, points: 11 } : s));
    expect(code(() => scoreSheet(over))).toBe('VALIDATION_FAILED:scores[13].points/ABOVE_MAXIMUM');
  });

  it('needs every criterion once, in half points', () => {
    expect(code(() => scoreSheet(sheetOf(80).slice(1)))).toBe('VALIDATION_FAILED:scores/CRITERION_MISSING');
    expect(code(() => scoreSheet([...sheetOf(80), { criterion: 'Z9', points: 1, scorer: 'x' }]))).toContain('UNKNOWN_CRITERION');
    expect(code(() => scoreSheet(sheetOf(80).map((s, i) => (i === 0 ? { ...s, points: 1.25 } : s))))).toContain('INVALID_POINTS');
  });
});

describe('the OCOP application', () => {
  const submitted = () =>
    Application.submit({ id: 'a1', productId: 'p1', businessId: 'b1', productName: 'Kẹo dừa', round: { year: 2026, number: 1 }, actor, now });

  it('goes from submission through commune review and scoring to a decision', () => {
    const app = submitted();
    app.reviewCommune({ reviewer: 'UBND phường An Hội', localRawMaterial: true, localLabour: true, localIdea: true }, actor, now);
    app.score(scoreSheet(sheetOf(80)), actor, now);
    expect(app.state.status).toBe('PROVINCIAL_SCORED');
    app.decide({ number: '5445/QĐ-UBND', date: now, certificateNumber: 'X' }, actor, now);
    expect(app.state.status).toBe('DECIDED');
    expect(app.events.map((e) => e.kind)).toEqual(['submitted', 'commune_reviewed', 'scored', 'decided']);
    expect(code(() => app.decide({ number: '5445/QĐ-UBND', date: now }, actor, now))).toBe('ILLEGAL_STATUS_TRANSITION');
  });

  it('sends a total of 92 to central evaluation, not to a provincial decision', () => {
    const app = submitted();
    app.reviewCommune({ reviewer: 'UBND xã', localRawMaterial: true, localLabour: true, localIdea: true }, actor, now);
    app.score(scoreSheet(sheetOf(92)), actor, now);
    expect(app.state.status).toBe('NATIONAL_PENDING');
    expect(app.certifiableStars()).toBe(5);
    expect(app.events.map((e) => e.kind).slice(-2)).toEqual(['scored', 'national_pending']);
  });

  it('refuses scoring before the commune review and a malformed decision number', () => {
    const app = submitted();
    expect(code(() => app.score(scoreSheet(sheetOf(80)), actor, now))).toBe('ILLEGAL_STATUS_TRANSITION');
    app.reviewCommune({ reviewer: 'UBND xã', localRawMaterial: true, localLabour: false, localIdea: true }, actor, now);
    app.score(scoreSheet(sheetOf(75)), actor, now);
    expect(code(() => app.decide({ number: 'số 5445', date: now }, actor, now))).toBe('VALIDATION_FAILED:decisionNumber/DECISION_NUMBER_FORMAT');
  });

  it("takes a decision dated today in Vietnam, already tomorrow in UTC after 17:00 UTC, and refuses the day after", () => {
    const evening = new Date('2026-12-07T17:41:00Z'); // 00:41 on 8 December in Vietnam
    const dated = (day: string) => {
      const app = submitted();
      app.reviewCommune({ reviewer: 'UBND xã', localRawMaterial: true, localLabour: true, localIdea: true }, actor, evening);
      app.score(scoreSheet(sheetOf(75)), actor, evening);
      return code(() => app.decide({ number: '5445/QĐ-UBND', date: new Date(`${day}T00:00:00Z`) }, actor, evening));
    };
    expect(dated('2026-12-08')).toBeUndefined();
    expect(dated('2026-12-09')).toBe('VALIDATION_FAILED:decisionDate/NOT_PAST');
  });
});

describe('certificates', () => {
  const issue = (validUntil = addMonths(now, 36)) =>
    Certificate.issue({
      number: formatCertificateNumber('OCOP', 2026, 1),
      scheme: 'OCOP',
      businessId: 'b1',
      businessName: 'HTX Kẹo dừa',
      productId: 'p1',
      productName: 'Kẹo dừa',
      stars: 4,
      validFrom: now,
      validUntil,
      decisionNumber: '5445/QĐ-UBND',
      decisionDate: now,
      issuer: 'UBND tỉnh Vĩnh Long',
      actor,
      now,
    });

  it('numbers certificates with a check digit that catches a typo and a swap', () => {
    const n = formatCertificateNumber('OCOP', 2026, 123);
    expect(n).toMatch(/^OCOP-2026-000123-\d$/);
    expect(isWellFormedCertificateNumber(n)).toBe(true);
    expect(isWellFormedCertificateNumber(n.replace('000123', '000124'))).toBe(false);
    expect(isWellFormedCertificateNumber(n.replace('000123', '000213'))).toBe(false);
  });

  it('gives OCOP 36 months, HVNCLC its calendar year, and VietGAP at most 2 years', () => {
    expect(validityOf({ scheme: 'OCOP', decisionDate: new Date('2026-02-28T00:00:00Z') }).validUntil.toISOString()).toBe('2029-02-28T00:00:00.000Z');
    expect(validityOf({ scheme: 'HVNCLC', decisionDate: now, year: 2026 }).validUntil.toISOString()).toBe('2027-01-01T00:00:00.000Z');
    expect(code(() => validityOf({ scheme: 'VIETGAP', decisionDate: now, validFrom: now, validUntil: addMonths(now, 25) }))).toBe('VALIDATION_FAILED:validUntil/TOO_LONG');
  });

  it('notifies expiry once, 30 days before the end, then expires', () => {
    const cert = issue();
    expect(cert.advance(addMonths(now, 34))).toBe(false);
    const notice = new Date(cert.state.validUntil.getTime() - 30 * 86_400_000);
    expect(cert.advance(notice)).toBe(true);
    expect(cert.state.status).toBe('EXPIRING');
    expect(cert.advance(new Date(notice.getTime() + 86_400_000))).toBe(false);
    expect(cert.advance(cert.state.validUntil)).toBe(true);
    expect(cert.events.map((e) => e.kind)).toEqual(['issued', 'expiring', 'expired']);
  });

  it('is suspended with its business, restored within validity, and revoked with a reason', () => {
    const cert = issue();
    expect(cert.suspend('business suspended', actor, now)).toBe(true);
    expect(cert.suspend('again', actor, now)).toBe(false);
    expect(cert.restore(actor, now)).toBe(true);
    expect(cert.state.status).toBe('VALID');
    cert.revoke('business dissolved', actor, now);
    expect(cert.state).toMatchObject({ status: 'REVOKED', reason: 'business dissolved' });
    expect(code(() => cert.revoke('twice', actor, now))).toBe('ALREADY_REVOKED');
  });

  it('expires instead of restoring when reinstated past its validity', () => {
    const cert = issue(new Date(now.getTime() + 86_400_000 * 40));
    cert.suspend('x', actor, now);
    cert.restore(actor, new Date(now.getTime() + 86_400_000 * 41));
    expect(cert.state.status).toBe('EXPIRED');
  });
});

describe('products and evidence', () => {
  it('registers only for an active business and validates its details', () => {
    const register = (businessStatus: string, gtin?: string) =>
      Product.register({ id: 'p', businessId: 'b', businessStatus, details: { name: ' Kẹo dừa ', group: 'FOOD', ...(gtin ? { gtin } : {}) }, actor, now });
    expect(register('ACTIVE').state).toMatchObject({ name: 'Kẹo dừa', status: 'DRAFT', version: 1 });
    expect(code(() => register('SUSPENDED'))).toBe('VALIDATION_FAILED:businessId/BUSINESS_NOT_ACTIVE');
    expect(code(() => register('ACTIVE', '8934563138166'))).toBe('VALIDATION_FAILED:gtin/GTIN_CHECK_DIGIT');
  });

  it('tells PDF, PNG and JPEG apart by their first bytes', () => {
    expect(sniffContentType(Buffer.from('%PDF-1.7\n'))).toBe('application/pdf');
    expect(sniffContentType(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0]))).toBe('image/png');
    expect(sniffContentType(Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10]))).toBe('image/jpeg');
    expect(sniffContentType(Buffer.from('<html>%PDF-'))).toBeUndefined();
  });

  it('refuses a document whose content is not its declared type', () => {
    expect(checkEvidence({ declaredType: 'application/pdf', detectedType: 'application/pdf', size: 10 })).toBe('application/pdf');
    expect(code(() => checkEvidence({ declaredType: 'application/pdf', detectedType: 'image/png', size: 10 }))).toBe('VALIDATION_FAILED:body/CONTENT_TYPE_MISMATCH');
    expect(code(() => checkEvidence({ declaredType: 'text/html', detectedType: undefined, size: 10 }))).toBe('VALIDATION_FAILED:Content-Type/UNSUPPORTED_TYPE');
  });
});
