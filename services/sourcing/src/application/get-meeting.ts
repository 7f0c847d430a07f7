import { authorize, type Principal } from '@hangviet/service-kit';
import type { Meeting, Side } from '../domain/meeting';
import { ACCESS } from './access-rules';
import { requireMeeting, sideOfCaller } from './meeting-access';
import type { SourcingDeps } from './ports';

export interface GetMeetingCommand {
  id: string;
}

/** Either side or staff read a meeting (403 NOT_PARTY to others); says which side the caller is on. */
export async function getMeeting(deps: SourcingDeps, principal: Principal | undefined, { id }: GetMeetingCommand): Promise<{ meeting: Meeting; side: Side | 'STAFF' }> {
  const caller = authorize(principal, ACCESS.getMeeting);
  const meeting = await requireMeeting(deps, id);
  return { meeting, side: await sideOfCaller(deps, caller, meeting) };
}
