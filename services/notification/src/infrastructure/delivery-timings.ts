// Where webhook deliveries spend their time, summed per phase since the start: what bench/webhooks.mjs
// prints as its breakdown (queue wait, database, HTTP, signing). Two additions per observation, nothing
// kept per delivery.
import type { DeliveryPhase, DeliveryTimings } from '../application/ports';

export interface PhaseTotals {
  /** Observations. */
  count: number;
  /** Milliseconds, summed. */
  totalMs: number;
}

export interface DeliveryTimingTotals extends DeliveryTimings {
  /** A copy of the sums so far. */
  totals(): Partial<Record<DeliveryPhase, PhaseTotals>>;
}

export function createDeliveryTimings(): DeliveryTimingTotals {
  const sums = new Map<DeliveryPhase, PhaseTotals>();
  return {
    observe(phase, ms) {
      const sum = sums.get(phase);
      if (sum) {
        sum.count += 1;
        sum.totalMs += ms;
      } else {
        sums.set(phase, { count: 1, totalMs: ms });
      }
    },
    totals: () => Object.fromEntries([...sums].map(([phase, sum]) => [phase, { ...sum }])),
  };
}
