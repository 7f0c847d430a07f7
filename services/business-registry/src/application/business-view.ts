// The business as a caller may see it: the representative's personal data and the owner's
// subject only for staff and the owner. Timestamps are named `createTime`/`updateTime` (AIP-142),
// as in the gRPC contract and everywhere else on the platform.
import type { Principal } from '@hangviet/service-kit';
import type { BusinessState } from '../domain/business';
import { canSeeEverything } from './access';

export type BusinessView = Omit<BusinessState, 'representative' | 'ownerSubject' | 'createdAt' | 'updatedAt'> &
  Partial<Pick<BusinessState, 'representative' | 'ownerSubject'>> & {
    createTime: string;
    updateTime: string;
  };

export function viewOf(state: Readonly<BusinessState>, p: Principal | undefined): BusinessView {
  const { createdAt, updatedAt, representative, ownerSubject, ...rest } = state;
  const view: BusinessView = { ...rest, createTime: createdAt.toISOString(), updateTime: updatedAt.toISOString() };
  if (canSeeEverything(p, state)) {
    if (representative !== undefined) view.representative = representative;
    if (ownerSubject !== undefined) view.ownerSubject = ownerSubject;
  }
  return view;
}
