// Events of the campaign context (services/campaign-results; topics hangviet.campaign.submission and
// hangviet.campaign.report). Each carries its aggregate's snapshot so subscribers (and the service's own
// indicator projection) need not call back.
import { ReportPublished as ReportPublishedMessage } from '@hangviet/contracts/hangviet/campaign/v1/report';
import {
  SubmissionApproved as SubmissionApprovedMessage,
  SubmissionReturned as SubmissionReturnedMessage,
  SubmissionSubmitted as SubmissionSubmittedMessage,
} from '@hangviet/contracts/hangviet/campaign/v1/submission';
import { defineCatalogEvent, type CatalogEvent, type PartnerPolicy } from '../partner-policy';

// What partners receive (libs/events/src/partner-policy.ts): a unit's figures are internal until the centre
// approves them; why one was returned stays internal; a published report is public.
const PERSONAL = { 'personal-data': ['actorSubject'] };
const unapproved: PartnerPolicy = { scoped: { ...PERSONAL, 'internal-reasons': ['submission.returnReason'] }, public: () => false };

export const SubmissionSubmitted = defineCatalogEvent(
  'hangviet.campaign.submission.submitted.v1',
  SubmissionSubmittedMessage,
  "A unit's staff submitted (or revised) a figure for an indicator, period and place, with evidence (SUBMITTED).",
  unapproved,
);

export const SubmissionApproved = defineCatalogEvent(
  'hangviet.campaign.submission.approved.v1',
  SubmissionApprovedMessage,
  'The centre approved a submitted figure: it counts in the indicators (APPROVED).',
  { scoped: PERSONAL, public: () => false },
);

export const SubmissionReturned = defineCatalogEvent(
  'hangviet.campaign.submission.returned.v1',
  SubmissionReturnedMessage,
  'The centre returned a submitted figure to its unit, with a reason (RETURNED).',
  unapproved,
);

export const ReportPublished = defineCatalogEvent(
  'hangviet.campaign.report.published.v1',
  ReportPublishedMessage,
  "The centre published a year's campaign results (figures with the previous year's), for a province or all.",
  { scoped: PERSONAL, public: () => true },
);

export const campaignEvents: CatalogEvent[] = [SubmissionSubmitted, SubmissionApproved, SubmissionReturned, ReportPublished];
