// Events of the tradefair context (services/trade-fair; topics hangviet.tradefair.fair and
// hangviet.tradefair.booth_application). Each carries the aggregate's snapshot so subscribers need not call back.
import {
  BoothApplicationAllocated as BoothApplicationAllocatedMessage,
  BoothApplicationCancelled as BoothApplicationCancelledMessage,
  BoothApplicationConfirmed as BoothApplicationConfirmedMessage,
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
  FairRunning as FairRunningMessage,
} from '@hangviet/contracts/hangviet/tradefair/v1/fair';
import { defineEvent, type EventType } from '../registry';

export const FairCreated = defineEvent('hangviet.tradefair.fair.created.v1', FairCreatedMessage, 'Staff created a fair at a venue (status DRAFT); its days are held at the venue.');
export const FairOpened = defineEvent('hangviet.tradefair.fair.opened.v1', FairOpenedMessage, 'A fair takes booth applications inside its window (status OPEN).');
export const FairAllocating = defineEvent('hangviet.tradefair.fair.allocating.v1', FairAllocatingMessage, 'Booths of a fair are being allocated; no more applications (status ALLOCATING).');
export const FairPublished = defineEvent('hangviet.tradefair.fair.published.v1', FairPublishedMessage, 'A fair and its allocation are public (status PUBLISHED).');
export const FairRunning = defineEvent('hangviet.tradefair.fair.running.v1', FairRunningMessage, 'A fair has opened its doors (status RUNNING).');
export const FairClosed = defineEvent('hangviet.tradefair.fair.closed.v1', FairClosedMessage, 'A fair is over (status CLOSED).');
export const FairCancelled = defineEvent('hangviet.tradefair.fair.cancelled.v1', FairCancelledMessage, 'A fair was cancelled, with a reason; its days at the venue are free again.');

export const BoothApplicationSubmitted = defineEvent('hangviet.tradefair.booth_application.submitted.v1', BoothApplicationSubmittedMessage, 'An enterprise applied for booths at a fair.');
export const BoothApplicationAllocated = defineEvent('hangviet.tradefair.booth_application.allocated.v1', BoothApplicationAllocatedMessage, 'An application was given booths (codes and support in the message).');
export const BoothApplicationWaitlisted = defineEvent('hangviet.tradefair.booth_application.waitlisted.v1', BoothApplicationWaitlistedMessage, 'An application is on the waitlist, at the place given.');
export const BoothApplicationOffered = defineEvent('hangviet.tradefair.booth_application.offered.v1', BoothApplicationOfferedMessage, 'Freed booths are offered to a waitlisted application until a deadline.');
export const BoothApplicationConfirmed = defineEvent('hangviet.tradefair.booth_application.confirmed.v1', BoothApplicationConfirmedMessage, 'An offer was confirmed: the booths are allocated.');
export const BoothApplicationRejected = defineEvent('hangviet.tradefair.booth_application.rejected.v1', BoothApplicationRejectedMessage, 'An application was rejected, with a reason (a rule of the fair, or an offer that lapsed).');
export const BoothApplicationWithdrawn = defineEvent('hangviet.tradefair.booth_application.withdrawn.v1', BoothApplicationWithdrawnMessage, 'The enterprise withdrew its application; any booths it held are free.');
export const BoothApplicationCancelled = defineEvent('hangviet.tradefair.booth_application.cancelled.v1', BoothApplicationCancelledMessage, 'Staff cancelled an application, or the business was suspended; any booths it held are free.');

export const tradefairEvents: EventType[] = [
  FairCreated, FairOpened, FairAllocating, FairPublished, FairRunning, FairClosed, FairCancelled,
  BoothApplicationSubmitted, BoothApplicationAllocated, BoothApplicationWaitlisted, BoothApplicationOffered,
  BoothApplicationConfirmed, BoothApplicationRejected, BoothApplicationWithdrawn, BoothApplicationCancelled,
];
