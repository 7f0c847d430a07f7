// Events of the sourcing context (services/sourcing), one topic per aggregate:
// hangviet.sourcing.{request,meeting,outcome}. Each carries a snapshot of its aggregate; a supplier's
// response (its message and price) is never in an event: only the buyer and staff read it.
import {
  MeetingCancelled as MeetingCancelledMessage,
  MeetingDeclined as MeetingDeclinedMessage,
  MeetingRequested as MeetingRequestedMessage,
  MeetingScheduled as MeetingScheduledMessage,
} from '@hangviet/contracts/hangviet/sourcing/v1/meeting';
import { OutcomeRecorded as OutcomeRecordedMessage, OutcomeReminderDue as OutcomeReminderDueMessage } from '@hangviet/contracts/hangviet/sourcing/v1/outcome';
import {
  SourcingRequestClosed as SourcingRequestClosedMessage,
  SourcingRequestExpired as SourcingRequestExpiredMessage,
  SourcingRequestPublished as SourcingRequestPublishedMessage,
  SourcingRequestRejected as SourcingRequestRejectedMessage,
  SourcingRequestRenewed as SourcingRequestRenewedMessage,
  SourcingRequestResponseEdited as SourcingRequestResponseEditedMessage,
  SourcingRequestResponseReceived as SourcingRequestResponseReceivedMessage,
  SourcingRequestResponseShortlisted as SourcingRequestResponseShortlistedMessage,
  SourcingRequestSubmitted as SourcingRequestSubmittedMessage,
  SourcingRequestSuppliersMatched as SourcingRequestSuppliersMatchedMessage,
} from '@hangviet/contracts/hangviet/sourcing/v1/sourcing_request';
import { defineCatalogEvent, type CatalogEvent, type PartnerPolicy } from '../partner-policy';

const PERSONAL = { 'personal-data': ['actorSubject'] };
/** Under review or rejected, a request was never public: only partners holding `unpublished` hear of it; staff's reasons stay internal. */
const unpublishedRequest: PartnerPolicy = { scoped: { ...PERSONAL, 'internal-reasons': ['reason'] }, public: () => false };
/** Once published, a request is what suppliers and partners (e-commerce, provincial portal) may act on. */
const publishedRequest: PartnerPolicy = { scoped: PERSONAL, public: () => true };
/** The matched suppliers' contact e-mails (where notification tells their owners) are personal data, as in the registry's events. */
const matchedSuppliers: PartnerPolicy = { scoped: { 'personal-data': ['actorSubject', 'suppliers.contactEmail'] }, public: () => true };
/** Who meets whom, and contracts' parties and values, are the businesses' affairs: only partners holding `unpublished`. */
const private_: PartnerPolicy = { scoped: PERSONAL, public: () => false };

export const SourcingRequestSubmitted = defineCatalogEvent(
  'hangviet.sourcing.request.submitted.v1',
  SourcingRequestSubmittedMessage,
  'A buyer (or staff for an outside buyer) filed a sourcing request; it waits for staff review (status PENDING_REVIEW).',
  unpublishedRequest,
);
export const SourcingRequestPublished = defineCatalogEvent(
  'hangviet.sourcing.request.published.v1',
  SourcingRequestPublishedMessage,
  'Staff published a sourcing request: suppliers may respond until its closing time or its response cap.',
  publishedRequest,
);
export const SourcingRequestRejected = defineCatalogEvent(
  'hangviet.sourcing.request.rejected.v1',
  SourcingRequestRejectedMessage,
  'Staff rejected a sourcing request, with a reason.',
  unpublishedRequest,
);
export const SourcingRequestRenewed = defineCatalogEvent(
  'hangviet.sourcing.request.renewed.v1',
  SourcingRequestRenewedMessage,
  'An expired sourcing request was renewed with a new closing time (PUBLISHED again).',
  publishedRequest,
);
export const SourcingRequestExpired = defineCatalogEvent(
  'hangviet.sourcing.request.expired.v1',
  SourcingRequestExpiredMessage,
  'A published sourcing request reached its closing time.',
  publishedRequest,
);
export const SourcingRequestClosed = defineCatalogEvent(
  'hangviet.sourcing.request.closed.v1',
  SourcingRequestClosedMessage,
  'A sourcing request was closed by its buyer or staff (BUYER), or by its last allowed response (CAP_REACHED).',
  publishedRequest,
);
export const SourcingRequestSuppliersMatched = defineCatalogEvent(
  'hangviet.sourcing.request.suppliers_matched.v1',
  SourcingRequestSuppliersMatchedMessage,
  'On publication: the ACTIVE suppliers of the directory the request matched, each with its score, reasons, name, contact e-mail and language (each supplier is told).',
  matchedSuppliers,
);
export const SourcingRequestResponseReceived = defineCatalogEvent(
  'hangviet.sourcing.request.response_received.v1',
  SourcingRequestResponseReceivedMessage,
  'A supplier responded to a sourcing request (the message and price stay with the buyer and staff).',
  private_,
);
export const SourcingRequestResponseEdited = defineCatalogEvent(
  'hangviet.sourcing.request.response_edited.v1',
  SourcingRequestResponseEditedMessage,
  'A supplier used the one edit of its response.',
  private_,
);
export const SourcingRequestResponseShortlisted = defineCatalogEvent(
  'hangviet.sourcing.request.response_shortlisted.v1',
  SourcingRequestResponseShortlistedMessage,
  "The buyer shortlisted a supplier's response.",
  private_,
);

export const MeetingRequested = defineCatalogEvent(
  'hangviet.sourcing.meeting.requested.v1',
  MeetingRequestedMessage,
  'A buyer or a supplier asked the other side for a meeting at a fair.',
  private_,
);
export const MeetingScheduled = defineCatalogEvent(
  'hangviet.sourcing.meeting.scheduled.v1',
  MeetingScheduledMessage,
  'Both sides accepted a meeting: it has a slot and a table at the fair.',
  private_,
);
export const MeetingDeclined = defineCatalogEvent('hangviet.sourcing.meeting.declined.v1', MeetingDeclinedMessage, 'The other side declined a meeting request.', private_);
export const MeetingCancelled = defineCatalogEvent(
  'hangviet.sourcing.meeting.cancelled.v1',
  MeetingCancelledMessage,
  'A side or staff cancelled a meeting; its slot and table are free again.',
  private_,
);

/** Campaign results count `contracts.signed` (one per outcome id) and `contracts.value_vnd` from it. */
export const OutcomeRecorded = defineCatalogEvent(
  'hangviet.sourcing.outcome.recorded.v1',
  OutcomeRecordedMessage,
  'A buyer and a supplier signed an MOU or a contract after a sourcing request (value in VND, signed date); published once per outcome.',
  private_,
);
export const OutcomeReminderDue = defineCatalogEvent(
  'hangviet.sourcing.outcome.reminder_due.v1',
  OutcomeReminderDueMessage,
  'Three or twelve months after an outcome was signed: both sides are asked whether it is still running.',
  private_,
);

export const sourcingEvents: CatalogEvent[] = [
  SourcingRequestSubmitted,
  SourcingRequestPublished,
  SourcingRequestRejected,
  SourcingRequestRenewed,
  SourcingRequestExpired,
  SourcingRequestClosed,
  SourcingRequestSuppliersMatched,
  SourcingRequestResponseReceived,
  SourcingRequestResponseEdited,
  SourcingRequestResponseShortlisted,
  MeetingRequested,
  MeetingScheduled,
  MeetingDeclined,
  MeetingCancelled,
  OutcomeRecorded,
  OutcomeReminderDue,
];
