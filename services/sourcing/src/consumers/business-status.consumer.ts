// The directory's business events → this service's copy of each business, its status and its owner
// (@hangviet/known-businesses: idempotent by the directory's version). Pass `then` to act on a change.
import { defineBusinessStatusConsumer } from '@hangviet/known-businesses';
import type { SourcingDeps } from '../application/ports';
import { SERVICE_NAME } from '../config';

/** `groupPrefix` isolates the Kafka group as KAFKA_TOPIC_PREFIX isolates the topics (tests, shared clusters). */
export function businessStatusConsumer(deps: SourcingDeps, { groupPrefix = '' } = {}) {
  return defineBusinessStatusConsumer(deps.businesses, { service: SERVICE_NAME, groupPrefix });
}
