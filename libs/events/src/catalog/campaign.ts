// Events of the campaign context (services/campaign-results; topic hangviet.campaign.submission).
import { SubmissionCreated as SubmissionCreatedMessage } from '@hangviet/contracts/hangviet/campaign/v1/submission';
import { defineCatalogEvent, type CatalogEvent } from '../partner-policy';

// What partners receive of each event (libs/events/src/partner-policy.ts): the acting person's identity only
// with the `personal-data` scope; say here whether the event is about something the public sees.
export const SubmissionCreated = defineCatalogEvent(
  'hangviet.campaign.submission.created.v1',
  SubmissionCreatedMessage,
  'A submission was opened for a business (status OPEN).',
  { scoped: { 'personal-data': ['actorSubject'] }, public: () => true },
);

export const campaignEvents: CatalogEvent[] = [SubmissionCreated];
