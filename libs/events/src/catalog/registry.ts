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
import { defineEvent, type EventType } from '../registry';

export const BusinessRegistered = defineEvent(
  'hangviet.registry.business.registered.v1',
  BusinessRegisteredMessage,
  'A business joined the directory and awaits review (status PENDING_REVIEW).',
);

export const BusinessApproved = defineEvent(
  'hangviet.registry.business.approved.v1',
  BusinessApprovedMessage,
  'Staff approved a pending registration: the business is ACTIVE and listed in the public directory.',
);

export const BusinessRejected = defineEvent(
  'hangviet.registry.business.rejected.v1',
  BusinessRejectedMessage,
  'Staff rejected a pending registration, with a reason (status REJECTED).',
);

export const BusinessProfileUpdated = defineEvent(
  'hangviet.registry.business.profile_updated.v1',
  BusinessProfileUpdatedMessage,
  'The profile of a business changed (names, address, industries, contact…); lists the changed fields.',
);

export const BusinessSuspended = defineEvent(
  'hangviet.registry.business.suspended.v1',
  BusinessSuspendedMessage,
  'Staff suspended an ACTIVE business, with a reason: it leaves the public directory until reinstated.',
);

export const BusinessReinstated = defineEvent(
  'hangviet.registry.business.reinstated.v1',
  BusinessReinstatedMessage,
  'Staff reinstated a SUSPENDED business: it is ACTIVE again.',
);

export const BusinessDissolved = defineEvent(
  'hangviet.registry.business.dissolved.v1',
  BusinessDissolvedMessage,
  'The business was dissolved (terminal), with a reason and the status it had before.',
);

export const registryEvents: EventType[] = [
  BusinessRegistered,
  BusinessApproved,
  BusinessRejected,
  BusinessProfileUpdated,
  BusinessSuspended,
  BusinessReinstated,
  BusinessDissolved,
];
