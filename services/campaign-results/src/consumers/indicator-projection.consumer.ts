// Every public event the campaign counts (registry, certification, trade-fair, sourcing outcomes, its own
// submissions) → the indicator projection. Thin: map the message, call the use case; idempotent there.
import { defineConsumer } from '@hangviet/events';
import { projectEvent } from '../application/project-event';
import type { CampaignResultsDeps } from '../application/ports';
import { SERVICE_NAME } from '../config';
import { PROJECTED_EVENTS, sourceEventOf } from '../infrastructure/source-events';

/** `groupPrefix` isolates the Kafka group as KAFKA_TOPIC_PREFIX isolates the topics (tests, shared clusters). */
export function indicatorProjectionConsumer(deps: Pick<CampaignResultsDeps, 'projection'>, { groupPrefix = '' } = {}) {
  return defineConsumer({
    name: 'indicator-projection',
    group: `${groupPrefix}${SERVICE_NAME}.indicator-projection`,
    events: PROJECTED_EVENTS,
    handle: async (event) => {
      const source = sourceEventOf(event);
      if (source) await projectEvent(deps, source);
    },
  });
}
