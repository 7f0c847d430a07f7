// Events of the sourcing context (services/sourcing), one topic per aggregate:
// hangviet.sourcing.{sourcing_request,outcome}.
import { OutcomeRecorded as OutcomeRecordedMessage, OutcomeReminderDue as OutcomeReminderDueMessage } from '@hangviet/contracts/hangviet/sourcing/v1/outcome';
import { SourcingRequestCreated as SourcingRequestCreatedMessage } from '@hangviet/contracts/hangviet/sourcing/v1/sourcing_request';
import { defineCatalogEvent, type CatalogEvent, type PartnerPolicy } from '../partner-policy';

const PERSONAL = { 'personal-data': ['actorSubject'] };
/** A contract's parties and value are the two businesses' affairs: only partners holding `unpublished` receive them. */
const aboutOutcome: PartnerPolicy = { scoped: PERSONAL, public: () => false };

// What partners receive of each event (libs/events/src/partner-policy.ts): the acting person's identity only
// with the `personal-data` scope; say here whether the event is about something the public sees.
export const SourcingRequestCreated = defineCatalogEvent(
  'hangviet.sourcing.sourcing_request.created.v1',
  SourcingRequestCreatedMessage,
  'A sourcing-request was opened for a business (status OPEN).',
  { scoped: PERSONAL, public: () => true },
);

/** Campaign results count `contracts.signed` (one per outcome id) and `contracts.value_vnd` from it. */
export const OutcomeRecorded = defineCatalogEvent(
  'hangviet.sourcing.outcome.recorded.v1',
  OutcomeRecordedMessage,
  'A buyer and a supplier signed an MOU or a contract after a sourcing request (value in VND, signed date); published once per outcome.',
  aboutOutcome,
);

export const OutcomeReminderDue = defineCatalogEvent(
  'hangviet.sourcing.outcome.reminder_due.v1',
  OutcomeReminderDueMessage,
  'Three or twelve months after an outcome was signed: both sides are asked whether it is still running.',
  aboutOutcome,
);

export const sourcingEvents: CatalogEvent[] = [SourcingRequestCreated, OutcomeRecorded, OutcomeReminderDue];
