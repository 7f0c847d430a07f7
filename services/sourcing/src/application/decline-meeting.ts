import { authorize, type Principal } from '@hangviet/service-kit';
import type { Meeting } from '../domain/meeting';
import { ACCESS } from './access-rules';
import { requireMeeting, sideOfCaller } from './meeting-access';
import type { SourcingDeps } from './ports';

export interface DeclineMeetingCommand {
  id: string;
}

/** The side that was asked declines. */
export async function declineMeeting(deps: SourcingDeps, principal: Principal | undefined, { id }: DeclineMeetingCommand): Promise<Meeting> {
  const caller = authorize(principal, ACCESS.declineMeeting);
  const meeting = await requireMeeting(deps, id);
  meeting.expectAnswerableBy(await sideOfCaller(deps, caller, meeting));
  await deps.meetings.save(meeting.decline(caller.subject, deps.now()));
  return meeting;
}
