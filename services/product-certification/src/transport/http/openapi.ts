// The OpenAPI 3.1 document of this API. Request schemas come from the same zod schemas the routes
// validate with, so the two cannot drift; openapi.test.ts checks the route list against the routers.
import { Router } from 'express';
import { z } from 'zod';
import { ALLOWED_FROM, APPLICATION_STATUSES } from '../../domain/application';
import { CERTIFICATE_STATUSES, SCHEMES } from '../../domain/certificate';
import { EVIDENCE_MAX_BYTES, EVIDENCE_TYPES } from '../../domain/evidence';
import { OCOP_CRITERIA, OCOP_CRITERIA_SOURCE, PART_MAXIMA } from '../../domain/ocop-criteria';
import { PRODUCT_STATUSES } from '../../domain/product';
import { REPORT_STATUSES } from '../../domain/report';
import * as S from './schemas';
import { withPlatformResponses } from '@hangviet/service-kit';

type Json = Record<string, unknown>;
const schemaOf = (schema: z.ZodType): Json => z.toJSONSchema(schema, { target: 'draft-2020-12', io: 'input', unrepresentable: 'any' }) as Json;
const problem = (description: string): Json => ({ description, content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } } });
const ok = (description = 'OK', schema: Json = { type: 'object' }): Json => ({ description, content: { 'application/json': { schema } } });
const body = (schema: z.ZodType): Json => ({ required: true, content: { 'application/json': { schema: schemaOf(schema) } } });
const param = (name: string): Json => ({ name, in: 'path', required: true, schema: { type: 'string' } });
const query = (schema: z.ZodObject): Json[] =>
  Object.entries((schemaOf(schema).properties ?? {}) as Record<string, Json>).map(([name, s]) => ({ name, in: 'query', required: false, schema: s }));
const bearer = [{ bearer: [] }];
const anyone = [{}, { bearer: [] }];
const common = { '401': problem('Missing or invalid token'), '403': problem('ROLE_REQUIRED or NOT_OWNER'), '422': problem('Invalid input; errors[] names each field') };

function op(operationId: string, summary: string, extra: Json = {}): Json {
  return { operationId, summary, security: bearer, responses: { '200': ok(), ...common }, ...extra };
}

function action(id: string, name: string, summary: string, schema?: z.ZodType, tag = 'applications'): Json {
  return { post: op(name, summary, { tags: [tag], parameters: [param(id)], ...(schema ? { requestBody: body(schema) } : {}), responses: { '200': ok(), ...common, '404': problem('Not found'), '409': problem('ILLEGAL_STATUS_TRANSITION') } }) };
}

const from = (a: keyof typeof ALLOWED_FROM) => `Allowed from ${ALLOWED_FROM[a].join(', ')}.`;

export function openApiDocument(): Json {
  return {
    openapi: '3.1.0',
    info: {
      title: 'hangviet product certification',
      version: '1.0.0',
      description:
        'Products of enterprises, the OCOP evaluation flow (Decision 148/QĐ-TTg as amended by 1489/QĐ-TTg), certificates of OCOP, VietGAP and HVNCLC, signed QR verification, and counterfeit reports. Errors are RFC 9457 problem+json with a stable `code`.',
    },
    servers: [{ url: '/' }],
    components: {
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } },
      schemas: {
        Problem: { type: 'object', properties: { type: { type: 'string' }, title: { type: 'string' }, status: { type: 'integer' }, code: { type: 'string' }, detail: { type: 'string' }, errors: { type: 'array' } } },
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
          description: `The score sheet's criteria (${OCOP_CRITERIA_SOURCE}); part maxima A ${PART_MAXIMA.A}, B ${PART_MAXIMA.B}, C ${PART_MAXIMA.C}.`,
          examples: [OCOP_CRITERIA],
        },
      },
    },
    paths: withPlatformResponses({
      '/v1/products': {
        post: op('registerProduct', 'Register a product of an ACTIVE business (enterprise: its own; staff: any)', { tags: ['products'], requestBody: body(S.registerProductBody), responses: { '201': ok('Created'), ...common, '404': problem('The business or product named is not found') } }),
        get: op('listProducts', 'Products; the public sees LISTED products of ACTIVE businesses', { tags: ['products'], security: anyone, parameters: query(S.listProductsQuery) }),
      },
      '/v1/products/{id}': {
        get: op('getProduct', 'One product (404 when not visible to the caller); evidence file names only to its owner and staff', { tags: ['products'], security: anyone, parameters: [param('id')] }),
        patch: op('updateProduct', 'Change a product’s details (owner or staff)', { tags: ['products'], parameters: [param('id')], requestBody: body(S.updateProductBody) }),
      },
      '/v1/products/{id}:list': action('id', 'listProduct', 'List the product publicly (DRAFT → LISTED)', undefined, 'products'),
      '/v1/products/{id}:withdraw': action('id', 'withdrawProduct', 'Withdraw the product (terminal)', undefined, 'products'),
      '/v1/products/{id}/documents': {
        post: op('attachEvidence', `Attach an evidence document: the body is the file (${EVIDENCE_TYPES.join(', ')}, at most ${EVIDENCE_MAX_BYTES} bytes), Content-Type its declared type, checked against the content`, {
          tags: ['products'],
          parameters: [param('id'), { name: 'X-File-Name', in: 'header', required: false, schema: { type: 'string' } }],
          requestBody: { required: true, content: Object.fromEntries(EVIDENCE_TYPES.map((t) => [t, { schema: { type: 'string', format: 'binary' } }])) },
          responses: { '201': ok('Stored'), ...common },
        }),
      },
      '/v1/products/{id}/documents/{documentId}': {
        get: op('getEvidence', 'Download an evidence document (owner or staff)', { tags: ['products'], parameters: [param('id'), param('documentId')], responses: { '200': { description: 'The file' }, ...common } }),
      },
      '/v1/certification-applications': {
        post: op('submitApplication', 'Apply for OCOP certification of a product in an evaluation round', { tags: ['applications'], requestBody: body(S.submitApplicationBody), responses: { '201': ok('Created'), ...common, '404': problem('The business or product named is not found') } }),
        get: op('listApplications', 'Applications (an enterprise sees its own)', { tags: ['applications'], parameters: query(S.listApplicationsQuery) }),
      },
      '/v1/certification-applications/{id}': { get: op('getApplication', 'One application (owner or staff)', { tags: ['applications'], parameters: [param('id')] }) },
      '/v1/certification-applications/{id}:reviewCommune': action('id', 'reviewCommune', `The commune/ward's review (staff). ${from('reviewCommune')}`, S.reviewCommuneBody),
      '/v1/certification-applications/{id}:score': action('id', 'scoreApplication', `The provincial council's score sheet (staff); stars are derived, ≥ 90 goes to NATIONAL_PENDING. ${from('score')}`, S.scoreBody),
      '/v1/certification-applications/{id}:decide': action('id', 'decideApplication', `Record the decision (staff); 3–5★ issues one certificate. ${from('decide')}`, S.decideBody),
      '/v1/certification-applications/{id}:reject': action('id', 'rejectApplication', `Reject with a reason (staff). ${from('reject')}`, S.reasonBody),
      '/v1/certification-applications/{id}:withdraw': action('id', 'withdrawApplication', `Withdraw (owner or staff). ${from('withdraw')}`),
      '/v1/certificates': {
        get: op('listCertificates', 'Certificates (public view), e.g. of a business', { tags: ['certificates'], security: anyone, parameters: query(S.listCertificatesQuery) }),
        post: op('recordCertificate', 'Record a VietGAP certificate or an HVNCLC title from the issuing body’s decision (staff)', { tags: ['certificates'], requestBody: body(S.recordCertificateBody), responses: { '201': ok('Created'), ...common, '404': problem('The business or product named is not found') } }),
      },
      '/v1/certificates:verify': {
        post: op('verifyCertificate', 'Is this QR token genuine, and what is the certificate’s status now?', { tags: ['certificates'], security: anyone, requestBody: body(S.verifyBody) }),
      },
      '/v1/certificates/{number}': { get: op('getCertificate', 'A certificate’s public view (no personal data; the reason for a suspension or revocation only to staff)', { tags: ['certificates'], security: anyone, parameters: [param('number')] }) },
      '/v1/certificates/{number}/qr.svg': {
        get: op('getCertificateQr', 'The QR code: a verification URL carrying a compact JWS (ES256)', { tags: ['certificates'], security: anyone, parameters: [param('number')], responses: { '200': { description: 'SVG', content: { 'image/svg+xml': {} } } } }),
      },
      '/v1/certificates/{number}/document.pdf': {
        get: op('getCertificateDocument', 'The printable certificate (A4 PDF)', { tags: ['certificates'], security: anyone, parameters: [param('number')], responses: { '200': { description: 'PDF', content: { 'application/pdf': {} } } } }),
      },
      '/v1/certificates/{number}:revoke': action('number', 'revokeCertificate', 'Revoke with a reason (staff)', S.reasonBody, 'certificates'),
      '/v1/certificates/{number}:extend': action('number', 'extendCertificate', 'Extend a VietGAP certificate once, by at most 3 months (staff)', S.extendBody, 'certificates'),
      '/.well-known/jwks.json': { get: op('getJwks', 'The public keys QR tokens are signed with', { tags: ['certificates'], security: anyone }) },
      '/v1/reports': {
        post: op('submitReport', 'Report a suspected counterfeit or misuse (anyone; rate-limited per client)', { tags: ['reports'], security: anyone, requestBody: body(S.submitReportBody), responses: { '201': ok('Received'), '422': common['422'], '429': problem('RATE_LIMITED') } }),
        get: op('listReports', 'Reports (staff)', { tags: ['reports'], parameters: query(S.listReportsQuery) }),
      },
      '/v1/reports/{id}:forward': action('id', 'forwardReport', 'Forward to a partner such as market surveillance (staff)', S.forwardBody, 'reports'),
      '/v1/reports/{id}:close': action('id', 'closeReport', 'Close with a resolution (staff)', S.closeBody, 'reports'),
      '/v1/openapi.json': { get: { operationId: 'getOpenApi', summary: 'This document', tags: ['meta'], security: anyone, responses: { '200': ok() } } },
    }),
  };
}

export function openApiRouter(): Router {
  const router = Router();
  const document = openApiDocument();
  router.get('/v1/openapi.json', (_req, res) => {
    res.json(document);
  });
  return router;
}
