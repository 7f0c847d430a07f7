// Who acted, for the records' audit fields. Whether a caller may act for a business is decided by
// deps.businesses (@hangviet/known-businesses): the registry's owner, not the token's claim alone.
import type { Principal } from '@hangviet/service-kit';

export const actorOf = (principal: Principal | undefined): { subject: string } => ({ subject: principal?.subject ?? 'anonymous' });
