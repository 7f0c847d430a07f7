// Who may call each operation, once: the router's guards, the use cases' checks and the OpenAPI document read
// this table (keyed by the use case, which is also the operationId). Ownership is the use case's check.
import { defineAccess } from '@hangviet/service-kit';

export const ACCESS = defineAccess({
  openSourcingRequest: { roles: ['admin', 'staff', 'enterprise'], note: 'an enterprise: for its own business' },
  getSourcingRequest: 'public',
  getOpenApi: 'public',
});
