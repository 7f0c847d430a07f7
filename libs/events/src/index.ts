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
// Loads and registers the platform catalogue, so eventType()/topics() know every event.
import './catalog';
