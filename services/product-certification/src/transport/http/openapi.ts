// The OpenAPI 3.1 document of this API. Bodies and parameters come from the zod schemas the routes validate
// with, who may call from the access table the guards and use cases read (application/access-rules.ts); the
// parity test holds the route list to the routers, and npm run fuzz the bounds to the server.
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
import { z } from 'zod';
import { ACCESS } from '../../application/access-rules';
import { ALLOWED_FROM, APPLICATION_STATUSES } from '../../domain/application';
import { CERTIFICATE_STATUSES, SCHEMES } from '../../domain/certificate';
import { EVIDENCE_MAX_BYTES, EVIDENCE_TYPES } from '../../domain/evidence';
import { OCOP_CRITERIA_SOURCE, PART_MAXIMA } from '../../domain/ocop-criteria';
import { PRODUCT_STATUSES } from '../../domain/product';
import { REPORT_STATUSES } from '../../domain/report';
import * as S from './schemas';

type OperationId = keyof typeof ACCESS;

function op(operationId: OperationId, summary: string, extra: Json = {}): Json {
  const access = ACCESS[operationId];
  const note = 'note' in access && access.note ? ` (${access.note})` : '';
  return { operationId, summary: summary + note, ...accessDocumentation(access), responses: { '200': jsonResponse() }, ...extra };
}

const conflict = { '409': problemResponse('ILLEGAL_STATUS_TRANSITION') };

function action(name: OperationId, params: z.ZodObject, summary: string, schema: z.ZodType | undefined, tag: string): Json {
  return { post: op(name, summary, { tags: [tag], parameters: pathParameters(params), ...(schema ? { requestBody: requestBody(schema) } : {}), responses: { '200': jsonResponse(), ...conflict } }) };
}

const from = (a: keyof typeof ALLOWED_FROM) => `Allowed from ${ALLOWED_FROM[a].join(', ')}.`;
const unknownBusiness = { '404': problemResponse('The business or product named is not found') };

export function openApiDocument(now: Date = new Date()): Json {
  return document({
    title: 'hangviet product certification',
    description:
      'Products of enterprises, the OCOP evaluation flow (Decision 148/QĐ-TTg as amended by 1489/QĐ-TTg), certificates of OCOP, VietGAP and HVNCLC, signed QR verification, and counterfeit reports. Errors are RFC 9457 problem+json with a stable `code`. `x-roles` names the roles an operation takes.',
    schemas: {
      Enums: {
        type: 'object',
        properties: {
          productStatus: { enum: [...PRODUCT_STATUSES] },
          applicationStatus: { enum: [...APPLICATION_STATUSES] },
          certificateStatus: { enum: [...CERTIFICATE_STATUSES] },
          scheme: { enum: [...SCHEMES] },
          reportStatus: { enum: [...REPORT_STATUSES] },
        },
      },
      OcopCriteria: {
        type: 'object',
        required: ['source', 'parts', 'nationalThreshold', 'items'],
        properties: {
          source: { type: 'string' },
          parts: { type: 'array', items: { type: 'object', required: ['part', 'title', 'max'], properties: { part: { enum: Object.keys(PART_MAXIMA) }, title: { $ref: '#/components/schemas/LocalisedText' }, max: { type: 'integer' } } } },
          nationalThreshold: { type: 'integer', description: 'A total at or above it goes to the central council (NATIONAL_PENDING)' },
          items: {
            type: 'array',
            items: { type: 'object', required: ['code', 'part', 'title', 'max'], properties: { code: { type: 'string' }, part: { enum: Object.keys(PART_MAXIMA) }, title: { $ref: '#/components/schemas/LocalisedText' }, max: { type: 'number' } } },
          },
        },
      },
      LocalisedText: { type: 'object', required: ['vi', 'en'], properties: { vi: { type: 'string' }, en: { type: 'string' } } },
    },
    paths: {
      '/v1/products': {
        post: op('registerProduct', 'Register a product of an ACTIVE business', { tags: ['products'], requestBody: requestBody(S.registerProductBody), responses: { '201': jsonResponse('Created'), ...unknownBusiness } }),
        get: op('listProducts', 'Products; the public sees LISTED products of ACTIVE businesses', { tags: ['products'], parameters: queryParameters(S.listProductsQuery) }),
      },
      '/v1/products/{id}': {
        get: op('getProduct', 'One product (404 when not visible to the caller); evidence file names only to its owner and staff', { tags: ['products'], parameters: pathParameters(S.idParams) }),
        patch: op('updateProduct', 'Change a product’s details', { tags: ['products'], parameters: pathParameters(S.idParams), requestBody: requestBody(S.updateProductBody) }),
      },
      '/v1/products/{id}:list': action('listProduct', S.idParams, 'List the product publicly (DRAFT → LISTED)', undefined, 'products'),
      '/v1/products/{id}:withdraw': action('withdrawProduct', S.idParams, 'Withdraw the product (terminal)', undefined, 'products'),
      '/v1/products/{id}/documents': {
        post: op('attachEvidence', `Attach an evidence document: the body is the file (${EVIDENCE_TYPES.join(', ')}, at most ${EVIDENCE_MAX_BYTES} bytes), Content-Type its declared type, checked against the content`, {
          tags: ['products'],
          parameters: [...pathParameters(S.idParams), { name: 'X-File-Name', in: 'header', required: false, schema: { type: 'string', maxLength: 300 } }],
          requestBody: { required: true, content: Object.fromEntries(EVIDENCE_TYPES.map((t) => [t, { schema: { type: 'string', format: 'binary', maxLength: EVIDENCE_MAX_BYTES } }])) },
          responses: { '201': jsonResponse('Stored') },
        }),
      },
      '/v1/products/{id}/documents/{documentId}': {
        get: op('getEvidence', 'Download an evidence document', { tags: ['products'], parameters: pathParameters(S.documentParams), responses: { '200': { description: 'The file' } } }),
      },
      '/v1/certification-applications': {
        post: op('submitApplication', 'Apply for OCOP certification of a product in an evaluation round', {
          tags: ['applications'],
          requestBody: requestBody(S.submitApplicationBody(now)),
          responses: { '201': jsonResponse('Created'), ...unknownBusiness, '409': problemResponse('PRODUCT_WITHDRAWN, IDEMPOTENCY_IN_FLIGHT') },
        }),
        get: op('listApplications', 'Applications (an enterprise sees its own)', { tags: ['applications'], parameters: queryParameters(S.listApplicationsQuery) }),
      },
      '/v1/certification-applications/{id}': { get: op('getApplication', 'One application', { tags: ['applications'], parameters: pathParameters(S.idParams) }) },
      '/v1/certification-applications/{id}:reviewCommune': action('reviewCommune', S.idParams, `The commune/ward's review. ${from('reviewCommune')}`, S.reviewCommuneBody, 'applications'),
      '/v1/certification-applications/{id}:score': action(
        'scoreApplication',
        S.idParams,
        `The provincial council's score sheet (criteria: GET /v1/ocop-criteria); stars are derived, ≥ 90 goes to NATIONAL_PENDING. ${from('score')}`,
        S.scoreBody,
        'applications',
      ),
      '/v1/certification-applications/{id}:decide': action('decideApplication', S.idParams, `Record the decision; 3★–5★ issues the certificate. ${from('decide')}`, S.decideBody, 'applications'),
      '/v1/certification-applications/{id}:reject': action('rejectApplication', S.idParams, `Reject with a reason. ${from('reject')}`, S.reasonBody, 'applications'),
      '/v1/certification-applications/{id}:withdraw': action('withdrawApplication', S.idParams, `Withdraw. ${from('withdraw')}`, undefined, 'applications'),
      '/v1/ocop-criteria': {
        get: op('listOcopCriteria', `The OCOP score sheet's criteria (${OCOP_CRITERIA_SOURCE}); part maxima A ${PART_MAXIMA.A}, B ${PART_MAXIMA.B}, C ${PART_MAXIMA.C}`, {
          tags: ['applications'],
          responses: { '200': jsonResponse('The criteria', { $ref: '#/components/schemas/OcopCriteria' }) },
        }),
      },
      '/v1/certificates': {
        get: op('listCertificates', 'Certificates (public view), e.g. of a business', { tags: ['certificates'], parameters: queryParameters(S.listCertificatesQuery) }),
        post: op('recordCertificate', 'Record a VietGAP certificate or an HVNCLC title from the issuing body’s decision', { tags: ['certificates'], requestBody: requestBody(S.recordCertificateBody), responses: { '201': jsonResponse('Created'), ...unknownBusiness } }),
      },
      '/v1/certificates:verify': {
        post: op('verifyCertificate', 'Is this QR token genuine, and what is the certificate’s status now?', { tags: ['certificates'], requestBody: requestBody(S.verifyBody) }),
      },
      '/v1/certificates/{number}': { get: op('getCertificate', 'A certificate’s public view (no personal data; the reason for a suspension or revocation only to staff)', { tags: ['certificates'], parameters: pathParameters(S.numberParams) }) },
      '/v1/certificates/{number}/qr.svg': {
        get: op('getCertificateQr', 'The QR code: a verification URL carrying a compact JWS (ES256)', { tags: ['certificates'], parameters: pathParameters(S.numberParams), responses: { '200': { description: 'SVG', content: { 'image/svg+xml': {} } } } }),
      },
      '/v1/certificates/{number}/document.pdf': {
        get: op('getCertificateDocument', 'The printable certificate (A4 PDF)', { tags: ['certificates'], parameters: pathParameters(S.numberParams), responses: { '200': { description: 'PDF', content: { 'application/pdf': {} } } } }),
      },
      '/v1/certificates/{number}:revoke': action('revokeCertificate', S.numberParams, 'Revoke with a reason', S.reasonBody, 'certificates'),
      '/v1/certificates/{number}:extend': action('extendCertificate', S.numberParams, 'Extend a VietGAP certificate once, by at most 3 months', S.extendBody, 'certificates'),
      '/.well-known/jwks.json': { get: op('getJwks', 'The public keys QR tokens are signed with', { tags: ['certificates'] }) },
      '/v1/reports': {
        post: op('submitReport', 'Report a suspected counterfeit or misuse (rate-limited per client)', { tags: ['reports'], requestBody: requestBody(S.submitReportBody), responses: { '201': jsonResponse('Received') } }),
        get: op('listReports', 'Reports', { tags: ['reports'], parameters: queryParameters(S.listReportsQuery) }),
      },
      '/v1/reports/{id}:forward': action('forwardReport', S.idParams, 'Forward to a partner such as market surveillance', S.forwardBody, 'reports'),
      '/v1/reports/{id}:close': action('closeReport', S.idParams, 'Close with a resolution', S.closeBody, 'reports'),
      '/v1/openapi.json': { get: op('getOpenApi', 'This document', { tags: ['meta'] }) },
    },
  });
}

/** Rebuilt once a day: the round's last year follows the calendar. */
export const openApiRouter = (clock: () => Date = () => new Date()): Router => documentRouter(openApiDocument, clock);
