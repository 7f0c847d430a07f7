// Who may call each operation, once: the router's guards, the use cases' checks and the OpenAPI document read
// this table (keyed by the use case, which is also the operationId). The campaign's figures are the centre's
// working material: staff only, until the centre publishes a year (hangviet.campaign.report.published.v1).
import { defineAccess } from '@hangviet/service-kit';

const STAFF = ['admin', 'staff'] as const;

export const ACCESS = defineAccess({
  getIndicators: { roles: STAFF },
  listIndicatorRecords: { roles: STAFF },
  getReport: { roles: STAFF },
  publishReport: { roles: STAFF },
  submitFigure: { roles: STAFF, note: "a unit's staff (market surveillance, a ward's economic office)" },
  reviseSubmission: { roles: STAFF },
  approveSubmission: { roles: STAFF, note: 'the centre: not the person who submitted it' },
  returnSubmission: { roles: STAFF, note: 'the centre: not the person who submitted it' },
  getSubmission: { roles: [...STAFF, 'service'] },
  listSubmissions: { roles: STAFF },
  getOpenApi: 'public',
});
