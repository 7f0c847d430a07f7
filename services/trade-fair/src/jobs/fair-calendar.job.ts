// A fair's life by the Vietnam calendar: PUBLISHED → RUNNING on the opening day, RUNNING → CLOSED after
// the closing day, and the set-up reminder the day before set-up. Checked every `every` (not once at
// midnight) so a day missed while no instance ran is caught up at the next check. On libs/jobs: one
// instance at a time; idempotent (each move only from the state the day calls for, each reminder once).
import { defineJob } from '@hangviet/jobs';
import { advanceFairLifecycles } from '../application/advance-fair-lifecycles';
import type { TradeFairDeps } from '../application/ports';
import { remindSetUp } from '../application/remind-set-up';

export function fairCalendarJob(deps: TradeFairDeps, every: string) {
  return defineJob({
    name: 'fair-calendar',
    schedule: { every },
    run: async () => {
      await advanceFairLifecycles(deps);
      await remindSetUp(deps);
    },
  });
}
