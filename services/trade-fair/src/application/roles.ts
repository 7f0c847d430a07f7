// Who may run each use case: declared once here, read by the use cases (requireRoles), the route
// table the routers guard with, and the OpenAPI document built from that table.
import { requireRole, type Principal, type Role } from '@hangviet/service-kit';

const STAFF = ['admin', 'staff'] as const satisfies readonly Role[];
const APPLICANTS = ['admin', 'staff', 'enterprise'] as const satisfies readonly Role[];

export const ROLES = {
  createVenue: STAFF,
  replaceFloorPlan: STAFF,
  createFair: STAFF,
  openFair: STAFF,
  allocateFair: STAFF,
  publishFair: STAFF,
  cancelFair: STAFF,
  getAllocation: STAFF,
  fileClosingReport: STAFF,
  exportClosingReport: STAFF,
  submitApplication: APPLICANTS,
  listApplications: APPLICANTS,
  withdrawApplication: ['enterprise'],
  cancelApplication: STAFF,
  confirmOffer: ['enterprise'],
} as const satisfies Record<string, readonly Role[]>;
export type GuardedUseCase = keyof typeof ROLES;

/** The principal, when it holds one of the use case's roles; else 401/403. */
export const requireRoles = (principal: Principal | undefined, useCase: GuardedUseCase): Principal => requireRole(principal, ...ROLES[useCase]);
