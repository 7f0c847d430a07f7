// Which people the certification context's events concern (services/product-certification): the
// enterprise owning the product or certificate, found by its businessId (its inbox, and the channels
// its preferences add), and the staff in STAFF_EMAILS for new applications and counterfeit reports.
// Works on the event's JSON form (proto3 JSON, camelCase). Events not listed reach partners only.
import { toLocale } from '@hangviet/vn/locale';
import type { PlannedNotice, StaffMember } from './planned-notice';
import type { BusinessNoticeContext, TemplateKey } from './templates';

const P = 'hangviet.certification.';
/** ce_type → the enterprise's template, and the staff's when staff are told too. */
const TEMPLATES: Record<string, { business?: TemplateKey; staff?: TemplateKey }> = {
  [`${P}application.submitted.v1`]: { business: 'certification.application.submitted', staff: 'certification.application.submitted.staff' },
  [`${P}application.scored.v1`]: { business: 'certification.application.scored' },
  [`${P}application.national_pending.v1`]: { business: 'certification.application.national_pending' },
  [`${P}application.decided.v1`]: { business: 'certification.application.decided' },
  [`${P}application.rejected.v1`]: { business: 'certification.application.rejected' },
  [`${P}certificate.issued.v1`]: { business: 'certification.certificate.issued' },
  [`${P}certificate.expiring.v1`]: { business: 'certification.certificate.expiring' },
  [`${P}certificate.expired.v1`]: { business: 'certification.certificate.expired' },
  [`${P}certificate.suspended.v1`]: { business: 'certification.certificate.suspended' },
  [`${P}certificate.restored.v1`]: { business: 'certification.certificate.restored' },
  [`${P}certificate.revoked.v1`]: { business: 'certification.certificate.revoked' },
  [`${P}report.received.v1`]: { staff: 'certification.report.received.staff' },
};

export const notifiesAboutCertification = (eventType: string): boolean => eventType in TEMPLATES;

const str = (v: unknown): string | undefined => (typeof v === 'string' && v.length > 0 ? v : undefined);
const day = (v: unknown): string | undefined => {
  const s = str(v);
  if (!s) return undefined;
  // The day in Vietnam (UTC+7 all year): a validity ending at local midnight is stored as 17:00 UTC the day before.
  const d = new Date(new Date(s).getTime() + 7 * 3600_000);
  return Number.isNaN(d.getTime()) ? undefined : `${String(d.getUTCDate()).padStart(2, '0')}/${String(d.getUTCMonth() + 1).padStart(2, '0')}/${d.getUTCFullYear()}`;
};
const schemeName = (v: unknown): string | undefined => ({ CERTIFICATION_SCHEME_OCOP: 'OCOP', CERTIFICATION_SCHEME_VIETGAP: 'VietGAP', CERTIFICATION_SCHEME_HVNCLC: 'Hàng Việt Nam chất lượng cao' })[String(v)];

type Json = Record<string, unknown>;

export function planCertificationNotices(event: { type: string; subject: string; data: unknown }, staff: readonly StaffMember[]): PlannedNotice[] {
  const templates = TEMPLATES[event.type];
  if (!templates) return [];
  const data = (event.data ?? {}) as Json;
  const application = (data.application ?? {}) as Json;
  const certificate = (data.certificate ?? {}) as Json;
  const report = (data.report ?? {}) as Json;
  const score = (application.score ?? {}) as Json;
  const round = (application.round ?? {}) as Json;
  const businessId = str(application.businessId) ?? str(certificate.businessId) ?? str(report.businessId);

  const facts: Record<string, string> = {};
  const put = (key: string, value: string | undefined) => {
    if (value) facts[key] = value;
  };
  put('productName', str(application.productName) ?? str(certificate.productName));
  put('certificateNumber', str(certificate.number) ?? str(data.certificateNumber) ?? str(report.certificateNumber));
  put('scheme', schemeName(certificate.scheme));
  const stars = Number(score.stars ?? certificate.stars ?? 0);
  if (stars > 0) put('stars', String(stars));
  if (score.total !== undefined) put('total', String(score.total));
  if (round.year) put('round', `${String(round.number ?? 1)}/${String(round.year)}`);
  put('decisionNumber', str(data.decisionNumber));
  put('decisionDate', day(data.decisionTime));
  put('validUntil', day(certificate.validUntil));
  if (data.daysLeft !== undefined) put('daysLeft', String(data.daysLeft));
  put('reportId', str(report.id));
  put('where', [str(report.shop), str(report.url)].filter(Boolean).join(', ') || undefined);

  // Certificates carry the business's name; applications do not (the templates then name the product only).
  const context: BusinessNoticeContext = { businessName: str(certificate.businessName) ?? '', taxCode: '', facts };
  const reason = str(data.reason);
  if (reason) context.reason = reason;

  const notices: PlannedNotice[] = [];
  if (templates.business && businessId) {
    notices.push({ recipient: { kind: 'business', id: businessId, locale: toLocale(undefined) }, template: templates.business, context });
  }
  if (templates.staff) {
    for (const member of staff) {
      notices.push({ recipient: { kind: 'staff', id: member.email.toLowerCase(), email: member.email, locale: member.locale }, template: templates.staff, context });
    }
  }
  return notices;
}
