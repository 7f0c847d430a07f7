// Events of the business-registry context (topic hangviet.registry.business). Each carries a
// BusinessSnapshot (never the representative's personal data) so subscribers need not call back.
import {
  BusinessApproved as BusinessApprovedMessage,
  BusinessDissolved as BusinessDissolvedMessage,
  BusinessProfileUpdated as BusinessProfileUpdatedMessage,
  BusinessRegistered as BusinessRegisteredMessage,
  BusinessReinstated as BusinessReinstatedMessage,
  BusinessRejected as BusinessRejectedMessage,
  BusinessSuspended as BusinessSuspendedMessage,
} from '@hangviet/contracts/hangviet/registry/v1/events';
import { defineCatalogEvent, type CatalogEvent, type PartnerPolicy } from '../partner-policy';

type Json = Record<string, unknown>;
const NEVER_PUBLIC = ['BUSINESS_STATUS_PENDING_REVIEW', 'BUSINESS_STATUS_REJECTED'];
const statusOf = (data: Json) => String((data.business as Json | undefined)?.status ?? '');

/** Personal data of every registry event: who acted, who owns it, the contact e-mail. */
const PERSONAL = ['actorSubject', 'business.ownerSubject', 'business.contactEmail'];
/** Public once the business is (or was) in the directory: not while under review or after a rejection. */
const aboutPublicBusiness: PartnerPolicy = { scoped: { 'personal-data': PERSONAL }, public: (d) => !NEVER_PUBLIC.includes(statusOf(d)) };
/** Events carrying staff's reason: the reason is internal. */
const withInternalReason: PartnerPolicy = { scoped: { 'personal-data': PERSONAL, 'internal-reasons': ['reason'] }, public: aboutPublicBusiness.public };

export const BusinessRegistered = defineCatalogEvent(
  'hangviet.registry.business.registered.v1',
  BusinessRegisteredMessage,
  'A business joined the directory and awaits review (status PENDING_REVIEW).',
  { scoped: { 'personal-data': PERSONAL }, public: () => false },
);

export const BusinessApproved = defineCatalogEvent(
  'hangviet.registry.business.approved.v1',
  BusinessApprovedMessage,
  'Staff approved a pending registration: the business is ACTIVE and listed in the public directory.',
  aboutPublicBusiness,
);

export const BusinessRejected = defineCatalogEvent(
  'hangviet.registry.business.rejected.v1',
  BusinessRejectedMessage,
  'Staff rejected a pending registration, with a reason (status REJECTED).',
  { ...withInternalReason, public: () => false },
);

export const BusinessProfileUpdated = defineCatalogEvent(
  'hangviet.registry.business.profile_updated.v1',
  BusinessProfileUpdatedMessage,
  'The profile of a business changed (names, address, industries, contact…); lists the changed fields.',
  aboutPublicBusiness,
);

export const BusinessSuspended = defineCatalogEvent(
  'hangviet.registry.business.suspended.v1',
  BusinessSuspendedMessage,
  'Staff suspended an ACTIVE business, with a reason: it leaves the public directory until reinstated.',
  withInternalReason,
);

export const BusinessReinstated = defineCatalogEvent(
  'hangviet.registry.business.reinstated.v1',
  BusinessReinstatedMessage,
  'Staff reinstated a SUSPENDED business: it is ACTIVE again.',
  withInternalReason,
);

export const BusinessDissolved = defineCatalogEvent(
  'hangviet.registry.business.dissolved.v1',
  BusinessDissolvedMessage,
  'The business was dissolved (terminal), with a reason and the status it had before.',
  { ...withInternalReason, public: (d) => !NEVER_PUBLIC.includes(String(d.previousStatus ?? '')) },
);

export const registryEvents: CatalogEvent[] = [
  BusinessRegistered,
  BusinessApproved,
  BusinessRejected,
  BusinessProfileUpdated,
  BusinessSuspended,
  BusinessReinstated,
  BusinessDissolved,
];
