import { isConcurrentUpdate } from '@hangviet/events';
import type { SourcingDeps } from './ports';

/** The reminder job's work: each outcome 3 and 12 months after signing raises one reminder event. Idempotent; returns how many. */
export async function sendOutcomeReminders(deps: SourcingDeps, { batch = 200 } = {}): Promise<number> {
  const now = deps.now();
  let sent = 0;
  for (const outcome of await deps.outcomes.remindersDue(now, batch)) {
    const reminded = outcome.remind(now);
    if (reminded.events.length === 0) continue;
    try {
      await deps.outcomes.save(reminded);
      sent += 1;
    } catch (err) {
      if (!isConcurrentUpdate(err)) throw err; // another instance sent it
    }
  }
  return sent;
}
