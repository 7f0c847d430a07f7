import { authorize, isStaff, type Principal } from '@hangviet/service-kit';
import { invalid, type FieldError } from '@hangviet/service-kit/errors';
import { Meeting, type Side } from '../domain/meeting';
import { ACCESS } from './access-rules';
import { getMeetingProgramme } from './get-meeting-programme';
import { requireMeetingFair } from './meeting-fair';
import type { SourcingDeps } from './ports';

export interface RequestMeetingCommand {
  fairId: string;
  buyerBusinessId: string;
  supplierBusinessId: string;
  requestId?: string;
  note?: string;
}

/** One side asks the other for a meeting at a fair with a meeting programme; both must be ACTIVE businesses. */
export async function requestMeeting(deps: SourcingDeps, principal: Principal | undefined, command: RequestMeetingCommand): Promise<Meeting> {
  const caller = authorize(principal, ACCESS.requestMeeting);
  let side: Side = 'BUYER';
  if (!isStaff(caller)) {
    side = caller.businessId === command.supplierBusinessId ? 'SUPPLIER' : 'BUYER';
    await deps.businesses.assertOwns(caller, side === 'BUYER' ? command.buyerBusinessId : command.supplierBusinessId);
  }
  await requireMeetingFair(deps, command.fairId);
  await getMeetingProgramme(deps, { fairId: command.fairId });
  const [buyer, supplier] = await Promise.all([deps.businesses.current(command.buyerBusinessId), deps.businesses.current(command.supplierBusinessId)]);
  const errors: FieldError[] = [];
  if (buyer?.status !== 'ACTIVE') errors.push({ field: 'buyerBusinessId', code: 'BUSINESS_NOT_ACTIVE', message: `business ${command.buyerBusinessId} is not an active business of the directory` });
  if (supplier?.status !== 'ACTIVE') errors.push({ field: 'supplierBusinessId', code: 'BUSINESS_NOT_ACTIVE', message: `business ${command.supplierBusinessId} is not an active business of the directory` });
  if (errors.length > 0) throw invalid(errors);
  const meeting = Meeting.request({
    id: deps.meetings.newId(),
    fairId: command.fairId,
    ...(command.requestId ? { requestId: command.requestId } : {}),
    buyerBusinessId: command.buyerBusinessId,
    supplierBusinessId: command.supplierBusinessId,
    requestedBy: side,
    note: command.note ?? '',
    actor: caller.subject,
    now: deps.now(),
  });
  await deps.meetings.add(meeting);
  return meeting;
}
