import { authorize, type Principal } from '@hangviet/service-kit';
import { failedPrecondition, unavailable } from '@hangviet/service-kit/errors';
import { firstFreePlace, type Meeting } from '../domain/meeting';
import { ACCESS } from './access-rules';
import { getMeetingProgramme } from './get-meeting-programme';
import { requireMeeting, sideOfCaller } from './meeting-access';
import { requireMeetingFair } from './meeting-fair';
import type { SourcingDeps } from './ports';

export interface AcceptMeetingCommand {
  id: string;
}

/** How many places to try before giving up: each lost claim means another meeting took that place just now. */
const CLAIM_ATTEMPTS = 200;

/**
 * The side that was asked accepts: the meeting takes the first slot where both sides are free and a table
 * is. The database decides who gets a place (unique claims on fair + slot + table and fair + slot + party):
 * a lost claim reads the bookings again and tries the next place, so nothing is double-booked however many
 * accept at once.
 */
export async function acceptMeeting(deps: SourcingDeps, principal: Principal | undefined, { id }: AcceptMeetingCommand): Promise<Meeting> {
  const caller = authorize(principal, ACCESS.acceptMeeting);
  const meeting = await requireMeeting(deps, id);
  meeting.expectAnswerableBy(await sideOfCaller(deps, caller, meeting));
  const m = meeting.state;
  await requireMeetingFair(deps, m.fairId); // closed or cancelled since it was asked: nothing to schedule
  const programme = await getMeetingProgramme(deps, { fairId: m.fairId });
  const parties = [m.buyerBusinessId, m.supplierBusinessId];
  for (let attempt = 0; attempt < CLAIM_ATTEMPTS; attempt += 1) {
    const now = deps.now();
    const place = firstFreePlace(programme, await deps.schedule.bookings(m.fairId, parties), parties, now);
    if (!place) throw failedPrecondition('NO_FREE_SLOT', 'No slot of the fair has both sides free and a table left.', { fairId: m.fairId });
    if (!(await deps.schedule.claim(m.fairId, place.slot, place.table, parties, m.id))) continue;
    try {
      await deps.meetings.save(meeting.schedule(place, programme.slots[place.slot]!, caller.subject, now));
    } catch (err) {
      // Answered meanwhile by someone else: give the place back; the orphan sweep covers a crash right here.
      await deps.schedule.release(m.id, place.slot);
      throw err;
    }
    return meeting;
  }
  throw unavailable('SCHEDULE_BUSY', 'Too many meetings are being scheduled at this fair right now; try again.', { fairId: m.fairId });
}
