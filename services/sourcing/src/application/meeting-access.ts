import { isStaff, type Principal } from '@hangviet/service-kit';
import { forbidden, notFound } from '@hangviet/service-kit/errors';
import type { Meeting, Side } from '../domain/meeting';
import type { SourcingDeps } from './ports';

/** The meeting, or 404 MEETING_NOT_FOUND. */
export async function requireMeeting(deps: SourcingDeps, id: string): Promise<Meeting> {
  const meeting = await deps.meetings.findById(id);
  if (!meeting) throw notFound('MEETING_NOT_FOUND', `No meeting has the id ${id}.`, { id });
  return meeting;
}

/** The side the caller acts for: staff act for either ('STAFF'); an enterprise for the side its business owns, else 403 NOT_PARTY. */
export async function sideOfCaller(deps: SourcingDeps, principal: Principal, meeting: Meeting): Promise<Side | 'STAFF'> {
  if (isStaff(principal)) return 'STAFF';
  const side = principal.businessId !== undefined ? meeting.sideOf(principal.businessId) : undefined;
  if (side && (await deps.businesses.mayActFor(principal, principal.businessId!))) return side;
  throw forbidden('NOT_PARTY', 'Only the two sides of a meeting and staff act on it.', { id: meeting.id });
}
