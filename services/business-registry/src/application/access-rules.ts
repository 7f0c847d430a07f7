// Who may call each operation, once: the router's guards, the use cases' checks and the OpenAPI document read
// this table (keyed by the use case, which is also the operationId). Ownership and visibility need the record,
// so they stay the use case's (access.ts); the note says them in the document.
import { defineAccess } from '@hangviet/service-kit';

const STAFF = ['admin', 'staff'] as const;

export const ACCESS = defineAccess({
  registerBusiness: { roles: ['admin', 'staff', 'enterprise'], note: 'an enterprise user becomes its owner' },
  importBusinesses: STAFF,
  approveBusiness: STAFF,
  rejectBusiness: STAFF,
  suspendBusiness: STAFF,
  reinstateBusiness: STAFF,
  dissolveBusiness: STAFF,
  approveChangeBusiness: STAFF,
  rejectChangeBusiness: STAFF,
  transferBusiness: STAFF,
  withdrawBusiness: { roles: ['enterprise'], note: 'its applicant only' },
  attachRegistrationEvidence: { roles: ['admin', 'staff', 'enterprise'], note: 'an enterprise: its own registration' },
});
