// The directory's business events → the known-business projection (@hangviet/known-businesses, idempotent
// by the directory's version); a suspension or dissolution then frees the business's booths for the waitlist.
import { defineBusinessStatusConsumer } from '@hangviet/known-businesses';
import { followBusinessStatus } from '../application/follow-business-status';
import type { TradeFairDeps } from '../application/ports';
import { SERVICE_NAME } from '../config';

/** `groupPrefix` isolates the Kafka group as KAFKA_TOPIC_PREFIX isolates the topics (tests, shared clusters). */
export function businessStatusConsumer(deps: TradeFairDeps, { groupPrefix = '' } = {}) {
  return defineBusinessStatusConsumer(deps.businesses, { service: SERVICE_NAME, groupPrefix, then: (change) => followBusinessStatus(deps, change) });
}
