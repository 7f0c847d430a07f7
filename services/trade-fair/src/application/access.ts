import { requireRole, type Principal } from '@hangviet/service-kit';

/** Centre staff (and admins) decide: venues, fairs, allocation. */
export const requireStaff = (principal: Principal | undefined): Principal => requireRole(principal, 'admin', 'staff');
