// The business as a caller may see it: the representative's personal data and the owner's
// subject only for staff and the owner.
import type { Principal } from '@hangviet/service-kit';
import type { BusinessState } from '../domain/business';
import { canSeeEverything } from './access';

export type BusinessView = Omit<BusinessState, 'representative' | 'ownerSubject'> &
  Partial<Pick<BusinessState, 'representative' | 'ownerSubject'>>;

export function viewOf(state: Readonly<BusinessState>, p: Principal | undefined): BusinessView {
  if (canSeeEverything(p, state)) return { ...state };
  const { representative: _r, ownerSubject: _o, ...publicPart } = state;
  return publicPart;
}
