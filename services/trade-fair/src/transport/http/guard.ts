// The route guard of a use case: its roles from application/roles.ts, the one place they are declared.
import { roleGuard } from '@hangviet/service-kit';
import { ROLES, type GuardedUseCase } from '../../application/roles';

export const guard = (useCase: GuardedUseCase) => roleGuard(...ROLES[useCase]);
