// Who may call each operation, once: the router's guards, the use cases' checks and the OpenAPI document read
// this table (keyed by the use case, which is also the operationId). Ownership is the use case's check.
import { defineAccess, type Role } from '@hangviet/service-kit';

const STAFF = ['admin', 'staff'] as const satisfies readonly Role[];
const PEOPLE = ['admin', 'staff', 'enterprise'] as const satisfies readonly Role[];

export const ACCESS = defineAccess({
  submitSourcingRequest: { roles: PEOPLE, note: 'an enterprise: for its own business as buyer; staff: for any, or for an outside buyer' },
  listSourcingRequests: { roles: 'public', note: 'published ones for anyone; staff see all, a buyer its own in every status' },
  getSourcingRequest: { roles: 'public', note: 'published, closed or expired ones for anyone; under review or rejected: the buyer and staff' },
  publishSourcingRequest: STAFF,
  rejectSourcingRequest: STAFF,
  renewSourcingRequest: { roles: PEOPLE, note: 'the buyer, or staff' },
  closeSourcingRequest: { roles: PEOPLE, note: 'the buyer, or staff' },
  matchSuppliers: { roles: PEOPLE, note: 'the buyer, or staff' },
  respondToRequest: { roles: PEOPLE, note: 'an enterprise: for its own business as supplier' },
  editResponse: { roles: PEOPLE, note: 'the supplier that responded, once' },
  listResponses: { roles: PEOPLE, note: 'the buyer and staff; a supplier sees only its own' },
  shortlistResponse: { roles: PEOPLE, note: 'the buyer, or staff' },
  recordOutcome: { roles: PEOPLE, note: 'the buyer or a supplier that responded, or staff' },
  listOutcomes: { roles: PEOPLE, note: 'the buyer and staff; a supplier its own' },
  setMeetingProgramme: STAFF,
  getMeetingProgramme: 'public',
  requestMeeting: { roles: PEOPLE, note: 'an enterprise: for its own business, as buyer or supplier' },
  acceptMeeting: { roles: PEOPLE, note: 'the side that was asked, or staff' },
  declineMeeting: { roles: PEOPLE, note: 'the side that was asked, or staff' },
  cancelMeeting: { roles: PEOPLE, note: 'either side, or staff' },
  listMeetings: { roles: PEOPLE, note: 'staff see all; an enterprise its own business’s' },
  getMeeting: { roles: PEOPLE, note: 'either side, or staff' },
  getMeetingCalendar: { roles: PEOPLE, note: 'either side (its own calendar), or staff' },
  getOpenApi: 'public',
});
