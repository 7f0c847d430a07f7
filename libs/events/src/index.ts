// The messaging mechanism only: envelope, producer, outbox relay, consumers, idempotency, DLQ. What events
// exist is the catalogue, `@hangviet/events/catalog` (src/catalog/), loaded by whoever names an event: it
// registers every event there, for eventType()/topics() and wildcard consumers.
export * from './registry';
export * from './event-type-pattern';
export * from './partner-policy';
export * from './cloudevents-json';
export * from './envelope';
export * from './producer';
export * from './outbox';
export * from './aggregate';
export * from './aggregate-store';
export * from './consumer';
export * from './define-consumer';
export * from './event-bus';
export * from './dlq';
