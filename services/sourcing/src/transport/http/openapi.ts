// The OpenAPI 3.1 document of this API, served at /v1/openapi.json: bodies and parameters from the zod schemas
// the routes validate with, who may call from the access table the guards and use cases read. openapi.test.ts
// holds the route list to the routers; npm run fuzz holds the bounds to the server.
import { accessDocumentation, jsonResponse, openApiDocument as document, openApiRouter as documentRouter, pathParameters, problemResponse, queryParameters, requestBody, type Json } from '@hangviet/service-kit';
import type { Router } from 'express';
import { ACCESS } from '../../application/access-rules';
import {
  editResponseBody, emptyBody, fairParams, idParams, listQuery, matchesQuery, meetingBody, meetingsQuery, outcomeBody, programmeBody, rejectBody, renewBody, respondBody, responseParams, submitBody,
} from './schemas';

const who = (operationId: keyof typeof ACCESS): Json => ({ operationId, ...accessDocumentation(ACCESS[operationId]) });
const id = pathParameters(idParams);
const action = (operationId: keyof typeof ACCESS, summary: string, body: Parameters<typeof requestBody>[0] = emptyBody, extra: Json = {}): Json => ({
  post: { ...who(operationId), summary, parameters: id, requestBody: requestBody(body, { required: body !== emptyBody }), responses: { '200': jsonResponse(), ...extra } },
});

/**
 * Every operation on a stored thing may answer 404 (no such request, meeting, programme or business) and 409 (a
 * state that refuses it, a duplicate, a concurrent change): said once here rather than on each operation.
 */
function withStateResponses(paths: Record<string, Json>): Record<string, Json> {
  return Object.fromEntries(
    Object.entries(paths).map(([path, ops]) => [
      path,
      Object.fromEntries(
        Object.entries(ops as Record<string, Json>).map(([method, op]) => {
          const plain = path === '/v1/openapi.json' || (method === 'get' && (path === '/v1/sourcing-requests' || path === '/v1/sourcing-meetings'));
          const responses = op.responses as Json;
          return [method, plain ? op : { ...op, responses: { '404': problemResponse('Not found'), '409': problemResponse('Refused in this state, or a duplicate'), ...responses } }];
        }),
      ),
    ]),
  );
}

export function openApiDocument(): Json {
  return document({
    title: 'hangviet sourcing',
    description:
      'Supply-chain connection ("kết nối cung cầu"): sourcing requests, suppliers matched from the directory, responses, meetings at fairs and outcomes. Errors are RFC 9457 problem+json with a stable `code`.',
    paths: withStateResponses({
      '/v1/sourcing-requests': {
        post: { ...who('submitSourcingRequest'), summary: 'File a sourcing request (PENDING_REVIEW)', requestBody: requestBody(submitBody), responses: { '201': jsonResponse('Filed'), '409': { description: 'IDEMPOTENCY_IN_FLIGHT' } } },
        get: { ...who('listSourcingRequests'), summary: 'Sourcing requests, newest first', parameters: queryParameters(listQuery), responses: { '200': jsonResponse() } },
      },
      '/v1/sourcing-requests/{id}': { get: { ...who('getSourcingRequest'), summary: 'One sourcing request', parameters: id, responses: { '200': jsonResponse(), '404': { description: 'SOURCING_REQUEST_NOT_FOUND' } } } },
      '/v1/sourcing-requests/{id}:publish': action('publishSourcingRequest', 'Publish a request under review; the matched suppliers are told', emptyBody, { '412': { description: 'REQUEST_STATUS' } }),
      '/v1/sourcing-requests/{id}:reject': action('rejectSourcingRequest', 'Reject a request under review, with a reason', rejectBody),
      '/v1/sourcing-requests/{id}:renew': action('renewSourcingRequest', 'Renew an expired request until a new closing time', renewBody),
      '/v1/sourcing-requests/{id}:close': action('closeSourcingRequest', 'Close a published request'),
      '/v1/sourcing-requests/{id}/matches': {
        get: {
          ...who('matchSuppliers'),
          summary: 'Suppliers of the directory that fit, best first, each explained ({items:[{businessId, score, local, certified, reasons, products}]})',
          parameters: [...id, ...queryParameters(matchesQuery)],
          responses: { '200': jsonResponse() },
        },
      },
      '/v1/sourcing-requests/{id}/responses': {
        post: { ...who('respondToRequest'), summary: "A supplier's one response", parameters: id, requestBody: requestBody(respondBody), responses: { '201': jsonResponse('Responded'), '409': { description: 'RESPONSE_EXISTS' } } },
        get: { ...who('listResponses'), summary: 'The responses (buyer and staff; a supplier its own)', parameters: id, responses: { '200': jsonResponse() } },
      },
      '/v1/sourcing-requests/{id}/responses/{supplierBusinessId}': {
        patch: { ...who('editResponse'), summary: 'The one edit of a response', parameters: pathParameters(responseParams), requestBody: requestBody(editResponseBody), responses: { '200': jsonResponse(), '409': { description: 'RESPONSE_EDITED' } } },
      },
      '/v1/sourcing-requests/{id}/responses/{supplierBusinessId}:shortlist': {
        post: { ...who('shortlistResponse'), summary: 'Shortlist a response', parameters: pathParameters(responseParams), requestBody: requestBody(emptyBody, { required: false }), responses: { '200': jsonResponse() } },
      },
      '/v1/sourcing-requests/{id}/outcomes': {
        post: { ...who('recordOutcome'), summary: 'Record an MOU or a contract (once per supplier and kind)', parameters: id, requestBody: requestBody(outcomeBody), responses: { '201': jsonResponse('Recorded'), '409': { description: 'OUTCOME_EXISTS' } } },
        get: { ...who('listOutcomes'), summary: "The request's outcomes", parameters: id, responses: { '200': jsonResponse() } },
      },
      '/v1/meeting-programmes/{fairId}': {
        put: { ...who('setMeetingProgramme'), summary: "Set a fair's meeting slots and tables", parameters: pathParameters(fairParams), requestBody: requestBody(programmeBody), responses: { '200': jsonResponse(), '404': { description: 'FAIR_NOT_FOUND' }, '409': { description: 'FAIR_NOT_OPEN_FOR_MEETINGS (the fair is not PUBLISHED or RUNNING)' } } },
        get: { ...who('getMeetingProgramme'), summary: "A fair's meeting slots and tables", parameters: pathParameters(fairParams), responses: { '200': jsonResponse(), '404': { description: 'MEETING_PROGRAMME_NOT_FOUND' } } },
      },
      '/v1/sourcing-meetings': {
        post: { ...who('requestMeeting'), summary: 'Ask the other side for a meeting at a fair', requestBody: requestBody(meetingBody), responses: { '201': jsonResponse('Requested'), '404': { description: 'FAIR_NOT_FOUND, MEETING_PROGRAMME_NOT_FOUND' }, '409': { description: 'FAIR_NOT_OPEN_FOR_MEETINGS' } } },
        get: { ...who('listMeetings'), summary: 'Meetings, newest first', parameters: queryParameters(meetingsQuery), responses: { '200': jsonResponse() } },
      },
      '/v1/sourcing-meetings/{id}': { get: { ...who('getMeeting'), summary: 'One meeting', parameters: id, responses: { '200': jsonResponse() } } },
      '/v1/sourcing-meetings/{id}/calendar.ics': {
        get: { ...who('getMeetingCalendar'), summary: "The caller's side's calendar of the meeting (RFC 5545)", parameters: id, responses: { '200': { description: 'text/calendar', content: { 'text/calendar': { schema: { type: 'string' } } } } } },
      },
      '/v1/sourcing-meetings/{id}:accept': action('acceptMeeting', 'Accept: scheduled into the first slot both sides are free, at a free table', emptyBody, { '412': { description: 'NO_FREE_SLOT' }, '409': { description: 'FAIR_NOT_OPEN_FOR_MEETINGS (closed or cancelled since)' } }),
      '/v1/sourcing-meetings/{id}:decline': action('declineMeeting', 'Decline'),
      '/v1/sourcing-meetings/{id}:cancel': action('cancelMeeting', 'Cancel; the slot and table are free again'),
      '/v1/openapi.json': { get: { ...who('getOpenApi'), summary: 'This document', responses: { '200': jsonResponse() } } },
    }),
  });
}

export const openApiRouter = (): Router => documentRouter(openApiDocument());
