// A fair's life by itself, by the calendar in Asia/Ho_Chi_Minh: PUBLISHED → RUNNING from its opening
// day, RUNNING → CLOSED after its closing day, each with its event. Idempotent: a fair moves only from
// the state the day calls for, so a second run (or another instance's) changes nothing.
import { vietnamDay } from '../domain/calendar-days';
import { changeFair } from './get-fair';
import type { TradeFairDeps } from './ports';

export const LIFECYCLE_ACTOR = 'system:fair-calendar';

export async function advanceFairLifecycles(deps: TradeFairDeps, { limit = 100 }: { limit?: number } = {}): Promise<{ running: number; closed: number }> {
  const today = vietnamDay(deps.now());
  const moved = { running: 0, closed: 0 };
  for (const fair of await deps.fairs.all({ statuses: ['PUBLISHED', 'RUNNING'], to: today }, limit)) {
    // Two steps at most: a fair whose whole run fell while no instance was up is opened, then closed, each with its event.
    for (let step = 0; step < 2 && fair.lifecycleMoveOn(today); step++) {
      const after = await changeFair(deps, fair.id, (f) => {
        const move = f.lifecycleMoveOn(today);
        if (move) f.moveTo(move, LIFECYCLE_ACTOR, deps.now());
      });
      const event = after.events.at(-1);
      if (!event) break;
      if (event.kind === 'running') moved.running++;
      else moved.closed++;
      if (!after.lifecycleMoveOn(today)) break;
    }
  }
  return moved;
}
