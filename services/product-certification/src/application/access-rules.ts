// Who may call each operation, once: the routers' guards, the use cases' checks and the OpenAPI document all
// read this table (keyed by the use case, which is also the operationId). Ownership is the use case's check
// on the data; the note says it in the document.
import { defineAccess } from '@hangviet/service-kit';

const STAFF = ['admin', 'staff'] as const;
const OWNERS = { roles: ['admin', 'staff', 'enterprise'], note: 'an enterprise: its own business only' } as const;

export const ACCESS = defineAccess({
  registerProduct: OWNERS,
  listProducts: 'public',
  getProduct: 'public',
  updateProduct: OWNERS,
  listProduct: OWNERS,
  withdrawProduct: OWNERS,
  attachEvidence: OWNERS,
  getEvidence: OWNERS,
  submitApplication: OWNERS,
  listApplications: OWNERS,
  getApplication: OWNERS,
  reviewCommune: STAFF,
  scoreApplication: STAFF,
  decideApplication: STAFF,
  rejectApplication: STAFF,
  withdrawApplication: OWNERS,
  listCertificates: 'public',
  recordCertificate: STAFF,
  verifyCertificate: 'public',
  getCertificate: 'public',
  getCertificateQr: 'public',
  getCertificateDocument: 'public',
  revokeCertificate: STAFF,
  extendCertificate: STAFF,
  getJwks: 'public',
  submitReport: 'public',
  listReports: STAFF,
  forwardReport: STAFF,
  closeReport: STAFF,
  listOcopCriteria: 'public',
  getOpenApi: 'public',
});
