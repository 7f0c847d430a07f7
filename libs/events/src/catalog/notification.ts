// Operational events of the notification context (topic hangviet.notification.delivery, keyed by the
// webhook endpoint id): what happened to a partner's webhook deliveries, for that partner alone.
// Published through the outbox of the endpoint document like every other event.
import {
  WebhookAttemptExhausted as WebhookAttemptExhaustedMessage,
  WebhookAttemptFailing as WebhookAttemptFailingMessage,
  WebhookAttemptRecovered as WebhookAttemptRecoveredMessage,
  WebhookEndpointDisabled as WebhookEndpointDisabledMessage,
} from '@hangviet/contracts/hangviet/notification/v1/delivery_events';
import { defineCatalogEvent, type CatalogEvent, type PartnerPolicy } from '../partner-policy';

/** Operational events go to the endpoint's owner only (handle-operational-event), whole: they are about its own endpoint. */
const ownersOwn: PartnerPolicy = { scoped: {}, public: () => true };

export const WebhookAttemptFailing = defineCatalogEvent(
  'hangviet.notification.delivery.attempt_failing.v1',
  WebhookAttemptFailingMessage,
  'A webhook message failed several attempts in a row and is still being retried.',
  ownersOwn,
);

export const WebhookAttemptExhausted = defineCatalogEvent(
  'hangviet.notification.delivery.attempt_exhausted.v1',
  WebhookAttemptExhaustedMessage,
  'Every attempt of a webhook message failed: it is not retried unless replayed or recovered.',
  ownersOwn,
);

export const WebhookAttemptRecovered = defineCatalogEvent(
  'hangviet.notification.delivery.attempt_recovered.v1',
  WebhookAttemptRecoveredMessage,
  'A webhook message reported failing was delivered after all.',
  ownersOwn,
);

export const WebhookEndpointDisabled = defineCatalogEvent(
  'hangviet.notification.delivery.endpoint_disabled.v1',
  WebhookEndpointDisabledMessage,
  'A webhook endpoint failed without a success for too long and was disabled.',
  ownersOwn,
);

/** The event types partners may only receive about their own endpoints. */
export const DELIVERY_EVENTS_PREFIX = 'hangviet.notification.delivery.';

export const notificationEvents: CatalogEvent[] = [WebhookAttemptFailing, WebhookAttemptExhausted, WebhookAttemptRecovered, WebhookEndpointDisabled];
