// Over ~300 lines on purpose: the whole contract reads as one document, next to the schemas it reuses.
// The OpenAPI 3.1 document of this API. Request schemas come from the same zod schemas the
// routes validate with, so the two cannot drift; test/openapi.test.ts checks the route list.
import { LOCALES } from '@hangviet/vn/locale';
import { ACCESS } from '../../application/access-rules';
import { BADGE_SCHEMES } from '../../application/certificate-badges';
import { BUSINESS_STATUSES, BUSINESS_TYPES, EMPLOYEE_RANGES } from '../../domain/business';
import { registerBusinessSchema, updateBusinessSchema } from '../../application/profile-schema';
import { EVIDENCE_MAX_BYTES, EVIDENCE_MEDIA_TYPES } from '../../domain/evidence';
import { idParams, importQuery, industriesQuery, listBusinessesQuery, lookupQuery, optionalReasonBody, provinceParams, reasonBody, transferBody } from './schemas';
import { accessDocumentation, jsonSchemaOf as jsonSchema, openApiDocument as document, pathParameters, queryParameters, openApiRouter as documentRouter, problemResponse as problem, ref, type Json } from '@hangviet/service-kit';
import type { Router } from 'express';

const json = (schema: Json, description = 'OK', headers?: Json): Json => ({
  description,
  content: { 'application/json': { schema } },
  ...(headers ? { headers } : {}),
});

const etagHeader = { ETag: { description: 'The business version; send it back in If-Match.', schema: { type: 'string' } } };
const [idParam] = pathParameters(idParams);
const ifMatch = {
  name: 'If-Match',
  in: 'header',
  required: false,
  schema: { type: 'string', pattern: '^("v[0-9]{1,15}"|\\*)$', examples: ['"v3"'] },
  description: 'The ETag of the version being changed (`"v3"`) or `*`; 412 VERSION_MISMATCH when stale, 422 when not such a tag.',
};
const bearer = [{ bearer: [] }];
const anyone = [{}, { bearer: [] }];

const common = {
  '401': problem('Missing or invalid token'),
  '422': problem('Invalid input; errors[] names each field'),
};

/** Who may call: the access table the router's guard and the use case read. */
const who = (operationId: keyof typeof ACCESS): Json => ({ operationId, ...accessDocumentation(ACCESS[operationId]) });

function statusAction(action: string, summary: string, reasonRequired: boolean): Json {
  return {
    post: {
      ...who(`${action}Business` as keyof typeof ACCESS),
      summary: `${summary} (staff)`,
      tags: ['businesses'],
      parameters: [idParam, ifMatch],
      requestBody: {
        required: reasonRequired,
        content: { 'application/json': { schema: jsonSchema(reasonRequired ? reasonBody : optionalReasonBody) } },
      },
      responses: {
        '200': json(ref('Business'), 'The business after the change', etagHeader),
        ...common,
        '403': problem('Not staff'),
        '404': problem('BUSINESS_NOT_FOUND'),
        '409': problem('ILLEGAL_STATUS_TRANSITION: not allowed from the current status; EVIDENCE_MISSING (approve a self-registration without its certificate)'),
        '412': problem('VERSION_MISMATCH: If-Match is stale'),
      },
    },
  };
}

const businessSchema: Json = {
  type: 'object',
  required: ['id', 'taxCode', 'type', 'status', 'legalName', 'address', 'industries', 'contact', 'preferredLocale', 'version', 'createTime', 'updateTime'],
  properties: {
    id: { type: 'string' },
    taxCode: { type: 'string', examples: ['0100233488', '0314409058-002'] },
    type: { enum: [...BUSINESS_TYPES] },
    status: { enum: [...BUSINESS_STATUSES] },
    statusReason: { type: 'string' },
    legalName: { type: 'string' },
    tradeName: { type: 'string' },
    englishName: { type: 'string' },
    address: {
      type: 'object',
      properties: { provinceCode: { type: 'string' }, provinceName: { type: 'string' }, wardCode: { type: 'string' }, wardName: { type: 'string' }, street: { type: 'string' } },
    },
    legacyAddress: {
      type: 'object',
      description: 'The pre-2025 address as registered; `address` holds its mapping onto the 2025 units.',
      properties: { provinceName: { type: 'string' }, districtName: { type: 'string' }, wardName: { type: 'string' }, wardCode: { type: 'string' }, street: { type: 'string' } },
    },
    industries: {
      type: 'array',
      items: { type: 'object', properties: { edition: { enum: ['2018', '2025'] }, code: { type: 'string' }, name: { type: 'string' }, main: { type: 'boolean' } } },
    },
    contact: { type: 'object', properties: { email: { type: 'string' }, phone: { type: 'string', description: 'E.164' } } },
    representative: {
      type: 'object',
      description: 'Only for staff and the owner.',
      properties: { fullName: { type: 'string' }, position: { type: 'string' }, email: { type: 'string' }, phone: { type: 'string' } },
    },
    ownerSubject: { type: 'string', description: 'Only for staff and the owner.' },
    pendingChange: {
      type: 'object',
      description: 'Staff and the owner only: material changes (names, address, industries) the owner asked for on a listed business, awaiting staff; the fields above stay the approved values meanwhile.',
      required: ['changes', 'clears', 'requestedBy', 'requestTime'],
      properties: { changes: { type: 'object' }, clears: { type: 'array', items: { type: 'string' } }, requestedBy: { type: 'string' }, requestTime: { type: 'string', format: 'date-time' } },
    },
    audit: {
      type: 'array',
      description: 'Staff only: ownership transfers of disputed registrations.',
      items: {
        type: 'object',
        required: ['action', 'actor', 'time', 'reason'],
        properties: { action: { enum: ['ownership_transferred', 'change_approved', 'change_rejected'] }, actor: { type: 'string' }, time: { type: 'string', format: 'date-time' }, reason: { type: 'string' }, from: { type: 'string' }, to: { type: 'string' } },
      },
    },
    website: { type: 'string' },
    description: { type: 'string' },
    foundingDate: { type: 'string', format: 'date' },
    employeeRange: { enum: [...EMPLOYEE_RANGES] },
    preferredLocale: { enum: [...LOCALES] },
    version: { type: 'integer' },
    createTime: { type: 'string', format: 'date-time' },
    updateTime: { type: 'string', format: 'date-time' },
    badges: {
      type: 'array',
      description: 'Certificates in force (GET of one business only), from the certification service.',
      items: {
        type: 'object',
        properties: { number: { type: 'string' }, scheme: { enum: [...BADGE_SCHEMES] }, stars: { type: 'integer' }, status: { type: 'string' }, validUntil: { type: 'string', format: 'date-time' }, productId: { type: 'string' }, productName: { type: 'string' } },
      },
    },
  },
};

export function openApiDocument(): Json {
  return document({
    title: 'hangviet business registry',
    description: 'The directory of enterprises: registration, review, status and search. Errors are RFC 9457 problem+json with a stable `code`.',
    schemas: {
      Business: businessSchema,
      RegisterBusiness: jsonSchema(registerBusinessSchema),
      UpdateBusiness: jsonSchema(updateBusinessSchema),
    },
    paths: {
      '/v1/businesses': {
        post: {
          ...who('registerBusiness'),
          summary: 'Register a business (staff, or an enterprise user who becomes its owner)',
          tags: ['businesses'],
          parameters: [{ name: 'Idempotency-Key', in: 'header', required: false, schema: { type: 'string', maxLength: 255 } }],
          requestBody: { required: true, content: { 'application/json': { schema: ref('RegisterBusiness') } } },
          responses: {
            '201': json(ref('Business'), 'Registered, PENDING_REVIEW', etagHeader),
            ...common,
            '403': problem('ROLE_REQUIRED'),
            '409': problem(
              'DUPLICATE_TAX_CODE (to staff the detail names the record holding the code; to others only that it is taken), ALREADY_OWNS_BUSINESS, IDEMPOTENCY_IN_FLIGHT',
            ),
          },
        },
        get: {
          operationId: 'listBusinesses',
          summary: 'Search the directory (public: ACTIVE only)',
          tags: ['businesses'],
          security: anyone,
          parameters: queryParameters(listBusinessesQuery, {
            q: 'Diacritic-insensitive, prefix-aware, over legal, trade and English names',
            industry: 'VSIC section letter or code prefix',
            status: 'Other than ACTIVE: staff only',
            scheme: 'Holding a certificate in force of this scheme',
            minStars: 'Holding an OCOP certificate in force of at least this many stars',
            pageToken: 'nextPageToken of the previous page, with the other parameters unchanged (422 PAGE_TOKEN_MISMATCH otherwise, PAGE_TOKEN_INVALID for a token not issued here)',
          }),
          responses: {
            '200': json({
              type: 'object',
              required: ['items', 'nextPageToken'],
              properties: { items: { type: 'array', items: ref('Business') }, nextPageToken: { type: 'string', description: 'Empty on the last page' } },
            }),
            ...common,
            '403': problem('STATUS_FILTER_FORBIDDEN'),
          },
        },
      },
      '/v1/businesses:lookup': {
        get: {
          operationId: 'lookupBusinessByTaxCode',
          summary: 'Find a business by tax code',
          tags: ['businesses'],
          security: anyone,
          parameters: queryParameters(lookupQuery),
          responses: { '200': json(ref('Business'), 'Found', etagHeader), ...common, '404': problem('BUSINESS_NOT_FOUND') },
        },
      },
      '/v1/businesses:import': {
        post: {
          ...who('importBusinesses'),
          summary: 'Import a CSV of enterprises (staff); re-running the same file creates nothing twice',
          tags: ['businesses'],
          parameters: queryParameters(importQuery, { approve: 'Register rows as ACTIVE at once' }),
          requestBody: {
            required: true,
            description: 'UTF-8, UTF-16 with a BOM, or a declared/detected Windows-1258 (`text/csv; charset=windows-1258`); otherwise 422 CSV_ENCODING_* naming what was found. Text holding U+FFFD is refused (REPLACEMENT_CHARACTER).',
            content: { 'text/csv': { schema: { type: 'string' } }, 'text/plain': { schema: { type: 'string' } } },
          },
          responses: {
            '200': json({
              type: 'object',
              properties: {
                summary: { type: 'object', properties: { total: { type: 'integer' }, created: { type: 'integer' }, duplicate: { type: 'integer' }, invalid: { type: 'integer' } } },
                rows: {
                  type: 'array',
                  items: {
                    type: 'object',
                    properties: {
                      line: { type: 'integer' },
                      taxCode: { type: 'string' },
                      outcome: { enum: ['created', 'duplicate', 'invalid'] },
                      id: { type: 'string' },
                      existingId: { type: 'string' },
                      errors: { type: 'array', items: { type: 'object' } },
                    },
                  },
                },
              },
            }),
            ...common,
            '403': problem('Not staff'),
          },
        },
      },
      '/v1/businesses/{id}': {
        get: {
          operationId: 'getBusiness',
          summary: 'Get a business (public: ACTIVE only, no representative data)',
          tags: ['businesses'],
          security: anyone,
          parameters: [idParam],
          responses: { '200': json(ref('Business'), 'Found', etagHeader), '401': common['401'], '404': problem('BUSINESS_NOT_FOUND') },
        },
        patch: {
          operationId: 'updateBusinessProfile',
          summary: 'Change the profile (owner or staff); null clears an optional field',
          tags: ['businesses'],
          security: bearer,
          parameters: [idParam, ifMatch],
          requestBody: { required: true, content: { 'application/json': { schema: ref('UpdateBusiness') }, 'application/merge-patch+json': { schema: ref('UpdateBusiness') } } },
          responses: {
            '200': json(ref('Business'), 'Updated', etagHeader),
            ...common,
            '403': problem('NOT_OWNER'),
            '404': problem('BUSINESS_NOT_FOUND'),
            '409': problem('BUSINESS_NOT_EDITABLE'),
            '412': problem('VERSION_MISMATCH'),
          },
        },
      },
      '/v1/businesses/{id}:approve': statusAction('approve', 'Approve a registration under review', false),
      '/v1/businesses/{id}:reject': statusAction('reject', 'Reject a registration under review (reason required)', true),
      '/v1/businesses/{id}:suspend': statusAction('suspend', 'Suspend an ACTIVE business (reason required)', true),
      '/v1/businesses/{id}:reinstate': statusAction('reinstate', 'Reinstate a SUSPENDED business', false),
      '/v1/businesses/{id}:dissolve': statusAction('dissolve', 'Dissolve a business (reason required; terminal)', true),
      '/v1/provinces': {
        get: { operationId: 'listProvinces', summary: 'The 34 provinces (2025 units)', tags: ['reference'], security: anyone, responses: { '200': json({ type: 'object' }) } },
      },
      '/v1/provinces/{code}/wards': {
        get: {
          operationId: 'listWards',
          summary: 'The wards and communes of a province (2025 units)',
          tags: ['reference'],
          security: anyone,
          parameters: pathParameters(provinceParams),
          responses: { '200': json({ type: 'object' }), '404': problem('PROVINCE_NOT_FOUND'), '422': common['422'] },
        },
      },
      '/v1/industries': {
        get: {
          operationId: 'listIndustries',
          summary: 'VSIC industries by code prefix or name (sections when q is absent)',
          tags: ['reference'],
          security: anyone,
          parameters: queryParameters(industriesQuery),
          responses: { '200': json({ type: 'object' }), '422': common['422'] },
        },
      },
      '/v1/businesses/{id}:approveChange': statusAction('approveChange', "Apply the owner's pending material change (409 NO_PENDING_CHANGE without one)", false),
      '/v1/businesses/{id}:rejectChange': statusAction('rejectChange', "Refuse the owner's pending material change, with a reason", true),
      '/v1/businesses/{id}:withdraw': {
        post: {
          ...who('withdrawBusiness'),
          summary: 'Withdraw a registration under review (its applicant): it ends DISSOLVED and frees its tax code',
          tags: ['businesses'],
          parameters: [idParam, ifMatch],
          requestBody: { required: false, content: { 'application/json': { schema: jsonSchema(optionalReasonBody) } } },
          responses: {
            '200': json(ref('Business'), 'Withdrawn', etagHeader),
            '403': problem('ROLE_REQUIRED, NOT_OWNER'),
            '404': problem('BUSINESS_NOT_FOUND'),
            '409': problem('ILLEGAL_STATUS_TRANSITION: only a registration under review'),
            '412': problem('VERSION_MISMATCH'),
          },
        },
      },
      '/v1/businesses/{id}:transfer': {
        post: {
          ...who('transferBusiness'),
          summary: 'Resolve a disputed registration under review: pass it to the rightful account, with an audit entry (staff)',
          tags: ['businesses'],
          parameters: [idParam, ifMatch],
          requestBody: { required: true, content: { 'application/json': { schema: jsonSchema(transferBody) } } },
          responses: {
            '200': json(ref('Business'), 'Transferred', etagHeader),
            '403': problem('ROLE_REQUIRED'),
            '404': problem('BUSINESS_NOT_FOUND'),
            '409': problem('ILLEGAL_STATUS_TRANSITION: only a registration under review'),
            '412': problem('VERSION_MISMATCH'),
          },
        },
      },
      '/v1/businesses/{id}/evidence': {
        put: {
          ...who('attachRegistrationEvidence'),
          summary: `Attach the registration certificate (owner or staff, under review; PDF, PNG or JPEG up to ${EVIDENCE_MAX_BYTES / 1024 / 1024} MB); staff approve a self-registration only with it`,
          tags: ['businesses'],
          parameters: [idParam],
          requestBody: { required: true, content: Object.fromEntries(EVIDENCE_MEDIA_TYPES.map((t) => [t, { schema: { type: 'string', contentMediaType: t } }])) },
          responses: {
            '200': json({
              type: 'object',
              required: ['mediaType', 'sha256', 'sizeBytes', 'uploadedBy', 'uploadTime'],
              properties: { mediaType: { enum: [...EVIDENCE_MEDIA_TYPES] }, sha256: { type: 'string' }, sizeBytes: { type: 'integer' }, uploadedBy: { type: 'string' }, uploadTime: { type: 'string', format: 'date-time' } },
            }),
            '403': problem('ROLE_REQUIRED, NOT_OWNER'),
            '404': problem('BUSINESS_NOT_FOUND'),
            '409': problem('BUSINESS_NOT_UNDER_REVIEW'),
          },
        },
        get: {
          operationId: 'getRegistrationEvidence',
          summary: 'The registration certificate (staff or the owner)',
          tags: ['businesses'],
          security: bearer,
          parameters: [idParam],
          responses: {
            '200': { description: 'The document', content: Object.fromEntries(EVIDENCE_MEDIA_TYPES.map((t) => [t, { schema: { type: 'string', contentMediaType: t } }])) },
            '404': problem('BUSINESS_NOT_FOUND'),
            '409': problem('EVIDENCE_MISSING'),
          },
        },
      },
      '/v1/openapi.json': {
        get: { operationId: 'getOpenApi', summary: 'This document', tags: ['meta'], security: anyone, responses: { '200': json({ type: 'object' }) } },
      },
    },
  });
}

export const openApiRouter = (): Router => documentRouter(openApiDocument());
