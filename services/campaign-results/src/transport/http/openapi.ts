// The OpenAPI 3.1 document of this API, served at /v1/openapi.json: bodies and parameters from the zod schemas
// the routes validate with, who may call from the access table the guards and use cases read. openapi.test.ts
// holds the route list to the routers; npm run fuzz holds the bounds to the server.
import {
  accessDocumentation,
  jsonResponse,
  openApiDocument as document,
  openApiRouter as documentRouter,
  pathParameters,
  problemResponse,
  queryParameters,
  requestBody,
  type Json,
} from '@hangviet/service-kit';
import type { Router } from 'express';
import { ACCESS } from '../../application/access-rules';
import { INDICATOR_CODES } from '../../domain/indicators';
import { codeParams, figureBody, figureQuery, idParams, listQuery, publishBody, recordsQuery, reportParams, reportQuery, returnBody } from './schemas';

const who = (operationId: keyof typeof ACCESS): Json => ({ operationId, ...accessDocumentation(ACCESS[operationId]) });
const problems = (codes: Record<string, string>): Json => Object.fromEntries(Object.entries(codes).map(([status, text]) => [status, problemResponse(text)]));
const file = (type: string, description: string): Json => ({ description, content: { [type]: { schema: { type: 'string', format: 'binary' } } } });

const figure: Json = {
  type: 'object',
  required: ['code', 'value', 'unit', 'titleVi', 'titleEn', 'previousYearValue'],
  properties: {
    code: { type: 'string', enum: [...INDICATOR_CODES] },
    value: { type: 'number' },
    unit: { type: 'string', enum: ['count', 'vnd', 'percent'] },
    titleVi: { type: 'string' },
    titleEn: { type: 'string' },
    section: { type: 'string' },
    sources: { type: 'array', items: { type: 'string', enum: ['events', 'submissions'] } },
    records: { type: 'integer', description: 'How many records the figure counts' },
    previousYearValue: { type: 'number', description: 'The same period and filter, the year before' },
    change: { type: 'number' },
  },
};
const record: Json = {
  type: 'object',
  required: ['recordId', 'kind', 'code', 'value', 'link'],
  properties: {
    recordId: { type: 'string' },
    kind: { type: 'string', enum: ['business', 'product', 'certificate', 'report', 'fair', 'booth_application', 'contract', 'submission'] },
    code: { type: 'string' },
    label: { type: 'string' },
    day: { type: 'string', description: 'YYYY-MM-DD (Vietnam time); empty for a submitted figure of a year or quarter' },
    year: { type: 'integer' },
    quarter: { type: 'integer', description: '1–4; 0 for a whole year' },
    provinceCode: { type: 'string' },
    wardCode: { type: 'string' },
    industrySection: { type: 'string' },
    scheme: { type: 'string' },
    stars: { type: 'integer' },
    value: { type: 'number' },
    link: { type: 'string', description: 'Where the record is read on the platform' },
  },
};
const submission: Json = { type: 'object', required: ['id', 'indicatorCode', 'value', 'status', 'history', 'version'] };
const list = (items: Json): Json => ({ type: 'object', required: ['items', 'nextPageToken'], properties: { items: { type: 'array', items }, nextPageToken: { type: 'string' } } });
const FILTERS = 'Filters: a year (required), a quarter, a province (2025 code), a commune/ward, a VSIC section (of the business), a certification scheme (only certificate figures carry one).';

export function openApiDocument(): Json {
  return document({
    title: 'hangviet campaign-results',
    description:
      'The campaign "Người Việt Nam ưu tiên dùng hàng Việt Nam" counted: indicators from the platform\'s events and units\' approved submissions, the records behind each figure, and the yearly report. Errors are RFC 9457 problem+json with a stable `code`.',
    paths: {
      '/v1/indicators': {
        get: { ...who('getIndicators'), summary: 'Every indicator of the catalogue for a period and filter, with the year before', description: FILTERS, parameters: queryParameters(figureQuery), responses: { '200': jsonResponse('The figures', { type: 'object', required: ['items'], properties: { year: { type: 'integer' }, items: { type: 'array', items: figure } } }) } },
      },
      '/v1/indicators/{code}/records': {
        get: { ...who('listIndicatorRecords'), summary: 'The records a figure counts (ids and links), paged', parameters: [...pathParameters(codeParams), ...queryParameters(recordsQuery)], responses: { '200': jsonResponse('The records', list(record)), ...problems({ '404': 'INDICATOR_NOT_FOUND' }) } },
      },
      '/v1/campaign-reports/{year}.xlsx': {
        get: { ...who('getReport'), summary: 'The yearly report as an XLSX workbook: a summary, then one sheet per section with the records', parameters: [...pathParameters(reportParams), ...queryParameters(reportQuery)], responses: { '200': file('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'The workbook') } },
      },
      '/v1/campaign-reports/{year}.pdf': {
        get: { ...who('getReport'), summary: 'The yearly report as a PDF (Vietnamese), with the year before and charts', parameters: [...pathParameters(reportParams), ...queryParameters(reportQuery)], responses: { '200': file('application/pdf', 'The report') } },
      },
      '/v1/campaign-reports/{year}:publish': {
        post: { ...who('publishReport'), summary: "Publish a year's figures (for a province, or all): partners receive hangviet.campaign.report.published.v1", parameters: pathParameters(reportParams), requestBody: requestBody(publishBody, { required: false }), responses: { '200': jsonResponse('Published') } },
      },
      '/v1/submissions': {
        post: { ...who('submitFigure'), summary: 'Submit a figure the platform cannot see, with evidence (SUBMITTED)', requestBody: requestBody(figureBody), responses: { '201': jsonResponse('Submitted', submission), '409': { description: 'IDEMPOTENCY_IN_FLIGHT' } } },
        get: { ...who('listSubmissions'), summary: 'Submissions, newest first (the review queue: status=SUBMITTED)', parameters: queryParameters(listQuery), responses: { '200': jsonResponse('A page', list(submission)) } },
      },
      '/v1/submissions/{id}': {
        get: { ...who('getSubmission'), summary: 'One submission with its audit history', parameters: pathParameters(idParams), responses: { '200': jsonResponse('The submission', submission), ...problems({ '404': 'SUBMISSION_NOT_FOUND' }) } },
      },
      '/v1/submissions/{id}:approve': {
        post: { ...who('approveSubmission'), summary: 'Approve a submitted figure: it counts from now on', parameters: pathParameters(idParams), responses: { '200': jsonResponse('Approved', submission), ...problems({ '403': 'SELF_REVIEW or ROLE_REQUIRED', '404': 'SUBMISSION_NOT_FOUND', '409': 'SUBMISSION_NOT_SUBMITTED' }) } },
      },
      '/v1/submissions/{id}:return': {
        post: { ...who('returnSubmission'), summary: 'Return a submitted figure to its unit with a reason', parameters: pathParameters(idParams), requestBody: requestBody(returnBody), responses: { '200': jsonResponse('Returned', submission), ...problems({ '403': 'SELF_REVIEW or ROLE_REQUIRED', '404': 'SUBMISSION_NOT_FOUND', '409': 'SUBMISSION_NOT_SUBMITTED' }) } },
      },
      '/v1/submissions/{id}:revise': {
        post: { ...who('reviseSubmission'), summary: 'Correct a returned figure and submit it again', parameters: pathParameters(idParams), requestBody: requestBody(figureBody), responses: { '200': jsonResponse('Submitted again', submission), ...problems({ '404': 'SUBMISSION_NOT_FOUND', '409': 'SUBMISSION_NOT_RETURNED' }) } },
      },
      '/v1/openapi.json': { get: { ...who('getOpenApi'), summary: 'This document', responses: { '200': jsonResponse() } } },
    },
  });
}

export const openApiRouter = (): Router => documentRouter(openApiDocument());
