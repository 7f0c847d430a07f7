// The business as a caller may see it: the representative's personal data and the owner's
// subject only for staff and the owner (the owner's subject also for other services). Timestamps are named `createTime`/`updateTime` (AIP-142),
// as in the gRPC contract and everywhere else on the platform.
import { isStaff, type Principal } from '@hangviet/service-kit';
import type { BusinessState } from '../domain/business';
import { canSeeEverything, isService } from './access';

export type BusinessView = Omit<BusinessState, 'representative' | 'ownerSubject' | 'createdAt' | 'updatedAt' | 'statusReason' | 'audit' | 'taxCodeReleased' | 'pendingChange'> &
  Partial<Pick<BusinessState, 'representative' | 'ownerSubject' | 'statusReason'>> & {
    /** Staff only: ownership transfers of disputed registrations. */
    audit?: { action: string; actor: string; time: string; reason: string; from?: string; to?: string }[];
    /** Staff and the owner: the material change awaiting review (the fields above are the approved ones). */
    pendingChange?: { changes: Record<string, unknown>; clears: string[]; requestedBy: string; requestTime: string };
    createTime: string;
    updateTime: string;
  };

export function viewOf(state: Readonly<BusinessState>, p: Principal | undefined): BusinessView {
  const { createdAt, updatedAt, representative, ownerSubject, statusReason, audit, taxCodeReleased: _released, pendingChange, ...rest } = state;
  const view: BusinessView = { ...rest, createTime: createdAt.toISOString(), updateTime: updatedAt.toISOString() };
  // Internal reasons (why rejected or suspended) are for staff, the owner and other services, not the public.
  if (statusReason !== undefined && (canSeeEverything(p, state) || isService(p))) view.statusReason = statusReason;
  if (audit?.length && isStaff(p)) view.audit = audit.map((a) => ({ ...a, time: new Date(a.time).toISOString() }));
  if (pendingChange && canSeeEverything(p, state)) {
    view.pendingChange = { changes: { ...pendingChange.changes }, clears: [...pendingChange.clears], requestedBy: pendingChange.requestedBy, requestTime: new Date(pendingChange.requestTime).toISOString() };
  }
  if (canSeeEverything(p, state)) {
    if (representative !== undefined) view.representative = representative;
  }
  // Other services decide who may act for the business from its owner (issue 20, finding 1).
  if (ownerSubject !== undefined && (canSeeEverything(p, state) || isService(p))) view.ownerSubject = ownerSubject;
  return view;
}
