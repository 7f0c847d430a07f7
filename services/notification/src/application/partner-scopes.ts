// Which named scopes staff granted a partner organisation (issue 12, item 4): personal data, internal reasons,
// events about businesses that were never public. Without a grant a partner gets the partner-safe projection
// the catalogue declares for each event (libs/events partner-policy).
import { PARTNER_SCOPES, projectForPartner, type EventType, type PartnerScope } from '@hangviet/events';
import { forbidden, isStaff, requireRole, type Principal } from '@hangviet/service-kit';

export interface PartnerGrant {
  partnerId: string;
  scopes: PartnerScope[];
  updatedBy: string;
  updateTime: Date;
}

export interface PartnerGrants {
  get(partnerId: string): Promise<PartnerGrant | undefined>;
  set(grant: PartnerGrant): Promise<void>;
}

/** The scopes of an endpoint's owner: staff-owned endpoints (`user:…`) see everything, as staff do. */
export async function scopesOfOwner(grants: PartnerGrants, owner: string): Promise<readonly string[] | 'all'> {
  if (owner.startsWith('partner:')) return (await grants.get(owner.slice('partner:'.length)))?.scopes ?? [];
  return 'all';
}

/** The structured-JSON payload for a holder of `scopes`, or undefined when it gets nothing of this event. */
export function payloadFor(
  event: { definition: EventType | undefined; envelope: Record<string, unknown>; data: unknown; full: string },
  scopes: readonly string[] | 'all',
  toJson: (e: Record<string, unknown>) => unknown,
): string | undefined {
  if (scopes === 'all') return event.full;
  const data = projectForPartner(event.definition, event.data, scopes);
  return data === undefined ? undefined : JSON.stringify(toJson({ ...event.envelope, data }));
}

export async function grantPartnerScopes(deps: { partnerGrants: PartnerGrants; now: () => Date }, principal: Principal | undefined, partnerId: string, scopes: PartnerScope[]): Promise<PartnerGrant> {
  const staff = requireRole(principal, 'staff', 'admin');
  const grant: PartnerGrant = { partnerId, scopes: PARTNER_SCOPES.filter((s) => scopes.includes(s)), updatedBy: staff.subject, updateTime: deps.now() };
  await deps.partnerGrants.set(grant);
  return grant;
}

export async function readPartnerScopes(deps: { partnerGrants: PartnerGrants }, principal: Principal | undefined, partnerId: string): Promise<PartnerGrant | { partnerId: string; scopes: [] }> {
  const p = requireRole(principal, 'staff', 'admin', 'partner');
  if (!isStaff(p) && p.partnerId !== partnerId) throw forbidden('NOT_OWNER', 'A partner reads only its own scopes.', { partnerId });
  return (await deps.partnerGrants.get(partnerId)) ?? { partnerId, scopes: [] };
}
