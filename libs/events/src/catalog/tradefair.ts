// Events of the tradefair context (services/trade-fair; topics hangviet.tradefair.fair and
// hangviet.tradefair.booth_application). Each carries the aggregate's snapshot so subscribers need not call back.
import {
  BoothApplicationAllocated as BoothApplicationAllocatedMessage,
  BoothApplicationCancelled as BoothApplicationCancelledMessage,
  BoothApplicationConfirmed as BoothApplicationConfirmedMessage,
  BoothApplicationLapsed as BoothApplicationLapsedMessage,
  BoothApplicationSetUpReminded as BoothApplicationSetUpRemindedMessage,
  BoothApplicationOffered as BoothApplicationOfferedMessage,
  BoothApplicationRejected as BoothApplicationRejectedMessage,
  BoothApplicationSubmitted as BoothApplicationSubmittedMessage,
  BoothApplicationWaitlisted as BoothApplicationWaitlistedMessage,
  BoothApplicationWithdrawn as BoothApplicationWithdrawnMessage,
} from '@hangviet/contracts/hangviet/tradefair/v1/booth_application';
import {
  FairAllocating as FairAllocatingMessage,
  FairCancelled as FairCancelledMessage,
  FairClosed as FairClosedMessage,
  FairCreated as FairCreatedMessage,
  FairOpened as FairOpenedMessage,
  FairPublished as FairPublishedMessage,
  FairReportFiled as FairReportFiledMessage,
  FairRunning as FairRunningMessage,
} from '@hangviet/contracts/hangviet/tradefair/v1/fair';
import { defineCatalogEvent, type CatalogEvent, type PartnerPolicy } from '../partner-policy';

// What partners receive (libs/events/src/partner-policy.ts; services/notification/README.md has the table).
const PERSONAL = { 'personal-data': ['actorSubject'] };
/** A fair in DRAFT is staff's plan, not yet announced. */
const draftFair: PartnerPolicy = { scoped: PERSONAL, public: () => false };
/** From OPEN on, a fair is on the public calendar (its cancellation reason too). */
const aboutFair: PartnerPolicy = { scoped: PERSONAL, public: () => true };
/** Who holds which booth is public once allocated or confirmed. */
const publishedBooth: PartnerPolicy = { scoped: { ...PERSONAL, 'internal-reasons': ['application.reason'] }, public: () => true };
/** An enterprise's application, waitlist place, offer or rejection is between it and the centre. */
const aboutApplication: PartnerPolicy = { scoped: { ...PERSONAL, 'internal-reasons': ['application.reason'] }, public: () => false };

export const FairCreated = defineCatalogEvent('hangviet.tradefair.fair.created.v1', FairCreatedMessage, 'Staff created a fair at a venue (status DRAFT); its days are held at the venue.', draftFair);
export const FairOpened = defineCatalogEvent('hangviet.tradefair.fair.opened.v1', FairOpenedMessage, 'A fair takes booth applications inside its window (status OPEN).', aboutFair);
export const FairAllocating = defineCatalogEvent('hangviet.tradefair.fair.allocating.v1', FairAllocatingMessage, 'Booths of a fair are being allocated; no more applications (status ALLOCATING).', aboutFair);
export const FairPublished = defineCatalogEvent('hangviet.tradefair.fair.published.v1', FairPublishedMessage, 'A fair and its allocation are public (status PUBLISHED).', aboutFair);
export const FairRunning = defineCatalogEvent('hangviet.tradefair.fair.running.v1', FairRunningMessage, 'A fair has opened its doors (status RUNNING).', aboutFair);
export const FairClosed = defineCatalogEvent('hangviet.tradefair.fair.closed.v1', FairClosedMessage, 'A fair is over (status CLOSED).', aboutFair);
export const FairReportFiled = defineCatalogEvent('hangviet.tradefair.fair.report_filed.v1', FairReportFiledMessage, "Staff filed the fair's closing report: visitors, sales, contracts and MOUs, product shortfalls, commendations.", aboutFair);
export const FairCancelled = defineCatalogEvent('hangviet.tradefair.fair.cancelled.v1', FairCancelledMessage, 'A fair was cancelled, with a reason; its days at the venue are free again.', aboutFair);

export const BoothApplicationSubmitted = defineCatalogEvent('hangviet.tradefair.booth_application.submitted.v1', BoothApplicationSubmittedMessage, 'An enterprise applied for booths at a fair.', aboutApplication);
export const BoothApplicationAllocated = defineCatalogEvent('hangviet.tradefair.booth_application.allocated.v1', BoothApplicationAllocatedMessage, 'An application was given booths (codes and support in the message).', publishedBooth);
export const BoothApplicationWaitlisted = defineCatalogEvent('hangviet.tradefair.booth_application.waitlisted.v1', BoothApplicationWaitlistedMessage, 'An application is on the waitlist, at the place given.', aboutApplication);
export const BoothApplicationOffered = defineCatalogEvent('hangviet.tradefair.booth_application.offered.v1', BoothApplicationOfferedMessage, 'Freed booths are offered to a waitlisted application until a deadline.', aboutApplication);
export const BoothApplicationConfirmed = defineCatalogEvent('hangviet.tradefair.booth_application.confirmed.v1', BoothApplicationConfirmedMessage, 'An offer was confirmed: the booths are allocated.', publishedBooth);
export const BoothApplicationRejected = defineCatalogEvent('hangviet.tradefair.booth_application.rejected.v1', BoothApplicationRejectedMessage, 'An application was rejected, with a reason (a rule of the fair); a lapsed offer is its own event (lapsed).', aboutApplication);
export const BoothApplicationLapsed = defineCatalogEvent('hangviet.tradefair.booth_application.lapsed.v1', BoothApplicationLapsedMessage, 'An offer was not confirmed before its deadline (status OFFER_LAPSED); its booths go to the next in line.', aboutApplication);
export const BoothApplicationSetUpReminded = defineCatalogEvent('hangviet.tradefair.booth_application.set_up_reminded.v1', BoothApplicationSetUpRemindedMessage, 'The day before set-up: an allocated application is reminded of its booths and the set-up day and time.', aboutApplication);
export const BoothApplicationWithdrawn = defineCatalogEvent('hangviet.tradefair.booth_application.withdrawn.v1', BoothApplicationWithdrawnMessage, 'The enterprise withdrew its application; any booths it held are free.', aboutApplication);
export const BoothApplicationCancelled = defineCatalogEvent('hangviet.tradefair.booth_application.cancelled.v1', BoothApplicationCancelledMessage, 'Staff cancelled an application, or the business was suspended; any booths it held are free.', aboutApplication);

export const tradefairEvents: CatalogEvent[] = [
  FairCreated, FairOpened, FairAllocating, FairPublished, FairRunning, FairClosed, FairCancelled, FairReportFiled,
  BoothApplicationSubmitted, BoothApplicationAllocated, BoothApplicationWaitlisted, BoothApplicationOffered,
  BoothApplicationConfirmed, BoothApplicationRejected, BoothApplicationWithdrawn, BoothApplicationCancelled,
  BoothApplicationLapsed, BoothApplicationSetUpReminded,
];
