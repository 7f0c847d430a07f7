import { authorize, type Principal } from '@hangviet/service-kit';
import type { Meeting } from '../domain/meeting';
import { ACCESS } from './access-rules';
import { requireMeeting, sideOfCaller } from './meeting-access';
import type { SourcingDeps } from './ports';

export interface CancelMeetingCommand {
  id: string;
}

/** Either side or staff cancel; the slot and table are free again (released after the cancellation is written). */
export async function cancelMeeting(deps: SourcingDeps, principal: Principal | undefined, { id }: CancelMeetingCommand): Promise<Meeting> {
  const caller = authorize(principal, ACCESS.cancelMeeting);
  const meeting = await requireMeeting(deps, id);
  await sideOfCaller(deps, caller, meeting);
  await deps.meetings.save(meeting.cancel(caller.subject, deps.now()));
  await deps.schedule.release(meeting.id);
  return meeting;
}
