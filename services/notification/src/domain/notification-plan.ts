// Which people an event concerns, and with which template. Works on the event's JSON form
// (proto3 JSON, camelCase), so it does not depend on generated code. Events not listed here
// reach partners only (webhooks and the stream), never people.
import { toLocale } from '@hangviet/vn/locale';
import { notifiesAboutCertification, planCertificationNotices } from './certification-notices';
import { notifiesAboutSourcing, planSourcingNotices } from './sourcing-notices';
import { notifiesAboutTradeFairs, planTradeFairNotices } from './tradefair-notices';
import type { PlannedNotice, Recipient, StaffMember } from './planned-notice';
import type { BusinessNoticeContext, TemplateKey } from './templates';

const BUSINESS_TEMPLATES: Record<string, TemplateKey> = {
  'hangviet.registry.business.registered.v1': 'business.registered',
  'hangviet.registry.business.approved.v1': 'business.approved',
  'hangviet.registry.business.rejected.v1': 'business.rejected',
  'hangviet.registry.business.suspended.v1': 'business.suspended',
  'hangviet.registry.business.reinstated.v1': 'business.reinstated',
  'hangviet.registry.business.dissolved.v1': 'business.dissolved',
  'hangviet.registry.business.profile_updated.v1': 'business.profile_updated',
};

export function notifiesPeople(eventType: string): boolean {
  return eventType in BUSINESS_TEMPLATES || notifiesAboutCertification(eventType) || notifiesAboutTradeFairs(eventType) || notifiesAboutSourcing(eventType);
}

interface BusinessSnapshotJson {
  id?: string;
  taxCode?: string;
  legalName?: string;
  tradeName?: string;
  contactEmail?: string;
  preferredLocale?: string;
}

function asString(value: unknown): string | undefined {
  return typeof value === 'string' && value.length > 0 ? value : undefined;
}

/** STAFF_EMAILS entries, `email` or `email:en`. */
export function parseStaff(entries: readonly string[]): StaffMember[] {
  return entries.map((entry) => {
    const [email = '', locale] = entry.split(':');
    return { email, locale: toLocale(locale ?? 'vi') };
  });
}

export function planNotices(
  event: { type: string; subject: string; data: unknown },
  staff: readonly StaffMember[],
): PlannedNotice[] {
  if (notifiesAboutCertification(event.type)) return planCertificationNotices(event, staff);
  if (notifiesAboutTradeFairs(event.type)) return planTradeFairNotices(event, staff);
  if (notifiesAboutSourcing(event.type)) return planSourcingNotices(event);
  const template = BUSINESS_TEMPLATES[event.type];
  if (!template) return [];
  const data = (event.data ?? {}) as { business?: BusinessSnapshotJson; reason?: unknown; changedFields?: unknown };
  const business = data.business ?? {};
  const context: BusinessNoticeContext = {
    businessName: asString(business.tradeName) ?? asString(business.legalName) ?? asString(business.taxCode) ?? event.subject,
    taxCode: asString(business.taxCode) ?? '',
  };
  const reason = asString(data.reason);
  if (reason) context.reason = reason;
  if (Array.isArray(data.changedFields)) context.changedFields = data.changedFields.filter((f): f is string => typeof f === 'string');

  const businessRecipient: Recipient = {
    kind: 'business',
    id: asString(business.id) ?? event.subject,
    locale: toLocale(business.preferredLocale),
  };
  const email = asString(business.contactEmail);
  if (email) businessRecipient.email = email;

  const notices: PlannedNotice[] = [{ recipient: businessRecipient, template, context }];
  if (template === 'business.registered') {
    for (const member of staff) {
      notices.push({
        recipient: { kind: 'staff', id: member.email.toLowerCase(), email: member.email, locale: member.locale },
        template: 'business.registered.staff',
        context,
      });
    }
  }
  return notices;
}

/** "business:<id>" / "staff:<email>": the key preferences and inbox messages are stored under. */
export function recipientKey(recipient: Pick<Recipient, 'kind' | 'id'>): string {
  return `${recipient.kind}:${recipient.id}`;
}
