// The OpenAPI 3.1 document, built from one table of routes (who may call each, its body schema from the
// same zod shapes the routes parse). The parity test holds it to the routers; the authorization test
// reads the roles from it.
import { SECURITY, jsonSchemaOf, openApiDocument as document, openApiRouter as documentRouter, pathParameters, problemResponse as problem, queryParameters, type Json, type Role } from '@hangviet/service-kit';
import type { Router } from 'express';
import type { z } from 'zod';
import { ROLES } from '../../application/roles';
import { allocateBody, applicationBody, applicationParams, businessParams, closingReportBody, fairBody, floorPlanQuery, gridBody, icsQuery, idParams, importBody, listFairsQuery, listQuery, reasonBody, venueBody } from './schemas';

export interface RouteSpec {
  method: 'get' | 'post';
  path: string;
  operationId: string;
  summary: string;
  /** Roles allowed; 'public' needs no token; 'owner' = staff, admin, or the enterprise of that business. */
  access: readonly Role[] | 'public' | 'owner';
  body?: z.ZodType;
  query?: z.ZodObject;
  produces?: string;
  errors?: Record<string, string>;
}

export const ROUTES: readonly RouteSpec[] = [
  { method: 'post', path: '/v1/venues', operationId: 'createVenue', summary: 'Create a venue (address through the 2025 units), optionally with a JSON plan', access: ROLES.createVenue, body: venueBody },
  { method: 'get', path: '/v1/venues/{id}', operationId: 'getVenue', summary: 'A venue and its booths', access: 'public', errors: { '404': 'VENUE_NOT_FOUND' } },
  { method: 'post', path: '/v1/venues/{id}/booths:generate', operationId: 'generateBooths', summary: 'Replace the plan with a rows × columns grid (corners marked)', access: ROLES.replaceFloorPlan, body: gridBody, errors: { '409': 'VENUE_IN_USE' } },
  { method: 'post', path: '/v1/venues/{id}/booths:import', operationId: 'importBooths', summary: 'Replace the plan with a JSON plan', access: ROLES.replaceFloorPlan, body: importBody, errors: { '409': 'VENUE_IN_USE' } },
  { method: 'get', path: '/v1/venues/{id}/floor-plan', operationId: 'getFloorPlanJson', summary: 'The plan as JSON: each booth with its state and holder for ?fairId= (the console\'s interactive plan; a draft fair: staff only, else 404 FAIR_NOT_FOUND)', access: 'public', query: floorPlanQuery, errors: { '404': 'VENUE_NOT_FOUND' } },
  { method: 'get', path: '/v1/venues/{id}/floor-plan.svg', operationId: 'getFloorPlan', summary: 'The plan as SVG, with booth states and holders for ?fairId= (a draft fair: staff only, else 404 FAIR_NOT_FOUND)', access: 'public', query: floorPlanQuery, produces: 'image/svg+xml' },
  { method: 'post', path: '/v1/fairs', operationId: 'createFair', summary: 'Create a fair (DRAFT); its days are held at the venue. Days and times lie in the years 1900–2100 (422 DATE_OUT_OF_RANGE)', access: ROLES.createFair, body: fairBody, errors: { '409': 'FAIR_OVERLAP: names the other fair' } },
  { method: 'get', path: '/v1/fairs', operationId: 'listFairs', summary: 'Fairs by ?from&to (days) and provinceCode; drafts for staff only', access: 'public', query: listFairsQuery },
  { method: 'get', path: '/v1/fairs.ics', operationId: 'fairsCalendar', summary: 'Published fairs as an RFC 5545 feed (Asia/Ho_Chi_Minh)', access: 'public', query: icsQuery, produces: 'text/calendar' },
  { method: 'get', path: '/v1/businesses/{businessId}/fairs.ics', operationId: 'businessFairsCalendar', summary: 'The fairs where the business holds booths', access: 'owner', produces: 'text/calendar' },
  { method: 'get', path: '/v1/fairs/{id}', operationId: 'getFair', summary: 'A fair; a draft only to staff (to anyone else 404, as a fair that does not exist)', access: 'public', errors: { '404': 'FAIR_NOT_FOUND' } },
  { method: 'post', path: '/v1/fairs/{id}:open', operationId: 'openFair', summary: 'DRAFT → OPEN: take applications inside the window', access: ROLES.openFair, errors: { '409': 'FAIR_STATUS_CONFLICT' } },
  { method: 'post', path: '/v1/fairs/{id}:allocate', operationId: 'allocateFair', summary: 'Rank and allocate (dryRun to preview; applied in bulk, a crashed run resumed by a job); one run per fair at a time', access: ROLES.allocateFair, body: allocateBody, errors: { '409': 'ALLOCATION_RUNNING, ALLOCATION_DONE, FAIR_STATUS_CONFLICT' } },
  { method: 'post', path: '/v1/fairs/{id}:publish', operationId: 'publishFair', summary: 'ALLOCATING → PUBLISHED (then RUNNING on the opening day and CLOSED after the closing day, by a job, Vietnam calendar)', access: ROLES.publishFair, errors: { '409': 'ALLOCATION_MISSING, FAIR_STATUS_CONFLICT' } },
  { method: 'post', path: '/v1/fairs/{id}:cancel', operationId: 'cancelFair', summary: 'Cancel the fair, free its days and its applications', access: ROLES.cancelFair, body: reasonBody },
  { method: 'get', path: '/v1/fairs/{id}/allocation', operationId: 'getAllocation', summary: 'The latest run: every application with rank, rule scores, booths or waitlist place', access: ROLES.getAllocation },
  { method: 'get', path: '/v1/fairs/{id}/summary', operationId: 'getFairSummary', summary: 'Booths, businesses, certified share, total support in VND (a draft fair: staff only, else 404 FAIR_NOT_FOUND)', access: 'public' },
  { method: 'post', path: '/v1/fairs/{id}/applications', operationId: 'submitApplication', summary: 'Apply for booths for the own ACTIVE business, inside the window', access: ROLES.submitApplication, body: applicationBody, errors: { '409': 'APPLICATION_EXISTS, APPLICATION_WINDOW_CLOSED, APPLICATION_WINDOW_NOT_OPEN, FAIR_NOT_OPEN' } },
  { method: 'get', path: '/v1/fairs/{id}/applications', operationId: 'listApplications', summary: 'Applications (staff: all; an enterprise: its own); statuses SUBMITTED, ALLOCATED, WAITLISTED, OFFERED, OFFER_LAPSED, REJECTED, WITHDRAWN, CANCELLED', access: ROLES.listApplications, query: listQuery },
  { method: 'post', path: '/v1/fairs/{id}/applications/{applicationId}:withdraw', operationId: 'withdrawApplication', summary: 'The enterprise withdraws; its booths go to the waitlist', access: ROLES.withdrawApplication },
  { method: 'post', path: '/v1/fairs/{id}/applications/{applicationId}:cancel', operationId: 'cancelApplication', summary: 'Staff cancel, with a reason; its booths go to the waitlist', access: ROLES.cancelApplication, body: reasonBody },
  { method: 'post', path: '/v1/fairs/{id}/applications/{applicationId}:confirm', operationId: 'confirmOffer', summary: 'The enterprise confirms booths offered from the waitlist before the deadline (after it the offer is OFFER_LAPSED)', access: ROLES.confirmOffer, errors: { '409': 'OFFER_EXPIRED, APPLICATION_STATUS_CONFLICT' } },
  { method: 'post', path: '/v1/fairs/{id}/report', operationId: 'fileClosingReport', summary: "File (or correct) the closed fair's report: visitors, sales, contracts/MOUs, product shortfalls, commendations; published as report_filed", access: ROLES.fileClosingReport, body: closingReportBody, errors: { '409': 'FAIR_NOT_CLOSED' } },
  { method: 'get', path: '/v1/fairs/{id}/report.xlsx', operationId: 'exportClosingReportXlsx', summary: 'The closing report as an XLSX workbook', access: ROLES.exportClosingReport, produces: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', errors: { '404': 'REPORT_NOT_FOUND' } },
  { method: 'get', path: '/v1/fairs/{id}/report.pdf', operationId: 'exportClosingReportPdf', summary: 'The closing report as a PDF (Vietnamese)', access: ROLES.exportClosingReport, produces: 'application/pdf', errors: { '404': 'REPORT_NOT_FOUND' } },
  { method: 'get', path: '/v1/openapi.json', operationId: 'getOpenApi', summary: 'This document', access: 'public' },
];

/** The zod object a route parses its path with, by the parameters it names. */
const PATH_PARAMS: Record<string, z.ZodObject> = { id: idParams, 'id,applicationId': applicationParams, businessId: businessParams };

export function openApiDocument(): Json {
  const paths: Record<string, Record<string, Json>> = {};
  for (const r of ROUTES) {
    const names = [...r.path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).join(',');
    const params = [...(names ? pathParameters(PATH_PARAMS[names]!) : []), ...(r.query ? queryParameters(r.query) : [])];
    const responses: Record<string, Json> = {
      [r.method === 'post' && r.operationId.startsWith('create') ? '201' : '200']: { description: 'OK', content: { [r.produces ?? 'application/json']: {} } },
      '422': problem('Invalid input; errors[] names each field and rule'),
      ...Object.fromEntries(Object.entries(r.errors ?? {}).map(([status, d]) => [status, problem(d)])),
    };
    if (r.access !== 'public') Object.assign(responses, { '401': problem('TOKEN_MISSING or invalid'), '403': problem('ROLE_REQUIRED or NOT_OWNER') });
    (paths[r.path] ??= {})[r.method] = {
      operationId: r.operationId,
      summary: r.summary,
      ...(r.access === 'public' ? { security: SECURITY.anyone } : { security: SECURITY.bearer, 'x-roles': r.access === 'owner' ? ['admin', 'staff', 'enterprise (own business)'] : r.access }),
      ...(params.length ? { parameters: params } : {}),
      ...(r.body ? { requestBody: { required: r.operationId !== 'allocateFair', content: { 'application/json': { schema: jsonSchemaOf(r.body) } } } } : {}),
      responses,
    };
  }
  return document({
    title: 'hangviet trade-fair',
    description: 'Venues and floor plans, fairs, booth applications, explainable allocation with a waitlist, support funding, calendar feeds. Errors are RFC 9457 problem+json with a stable `code`.',
    paths,
  });
}

export const openApiRouter = (): Router => documentRouter(openApiDocument());
