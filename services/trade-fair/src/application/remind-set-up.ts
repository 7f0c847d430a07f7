// The day before set-up (Vietnam calendar), every allocated application of a published fair is reminded
// of its booths and the set-up day and time: once each (the application records when), by its event,
// which notification turns into the enterprise's message. Written through the bulk path.
import { addDays, vietnamDay } from '../domain/calendar-days';
import { fairContextOf, type TradeFairDeps } from './ports';

export async function remindSetUp(deps: TradeFairDeps, { limit = 50 }: { limit?: number } = {}): Promise<number> {
  const today = vietnamDay(deps.now());
  let reminded = 0;
  for (const fair of await deps.fairs.all({ statuses: ['PUBLISHED', 'RUNNING'], setUpBy: addDays(today, 1) }, limit)) {
    if (fair.state.days.setUpDay < today) continue; // set-up is over: nothing to remind
    const context = fairContextOf(fair.state);
    const due = (await deps.applications.allocatedOfFair(fair.id)).filter((a) => a.remindSetUp('system:fair-calendar', deps.now()));
    for (let i = 0; i < due.length; i += deps.settings.applyBatch) {
      reminded += (await deps.applications.saveMany(due.slice(i, i + deps.settings.applyBatch), context)).saved.length;
    }
  }
  return reminded;
}
