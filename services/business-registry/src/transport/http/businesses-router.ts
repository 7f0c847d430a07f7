// /v1/businesses: parse → use case → response. No business rule lives here.
import { accessGuard, idempotent, parse, rateLimit, resourcePath, type IdempotencyStore, type RateLimitStore } from '@hangviet/service-kit';
import { unsupportedMediaType } from '@hangviet/service-kit/errors';
import express, { Router, type Request, type Response } from 'express';
import { ACCESS } from '../../application/access-rules';
import { approveBusiness } from '../../application/approve-business';
import { viewOf } from '../../application/business-view';
import { dissolveBusiness } from '../../application/dissolve-business';
import { getBusiness } from '../../application/get-business';
import { decodeCsv } from '../../application/csv-encoding';
import { approveChangeRequest, rejectChangeRequest } from '../../application/decide-change-request';
import { importBusinesses } from '../../application/import-businesses';
import { lookupBusinessByTaxCode } from '../../application/lookup-business-by-tax-code';
import type { RegistryDeps } from '../../application/ports';
import { registerBusinessSchema, updateBusinessSchema } from '../../application/profile-schema';
import { registerBusiness } from '../../application/register-business';
import { reinstateBusiness } from '../../application/reinstate-business';
import { rejectBusiness } from '../../application/reject-business';
import { searchBusinesses } from '../../application/search-businesses';
import { suspendBusiness } from '../../application/suspend-business';
import { updateBusinessProfile } from '../../application/update-business-profile';
import { attachEvidence, readEvidence } from '../../application/registration-evidence';
import { EVIDENCE_MAX_BYTES, EVIDENCE_MEDIA_TYPES } from '../../domain/evidence';
import { transferBusiness } from '../../application/transfer-business';
import { withdrawBusiness } from '../../application/withdraw-business';
import type { Business } from '../../domain/business';
import { expectedVersion, setEtag } from './etag';
import { idParams, importQuery, listBusinessesQuery, lookupQuery, optionalReasonBody, reasonBody, transferBody } from './schemas';

const IMPORT_LIMIT = '5mb';

function charsetOf(contentType: string | undefined): string | undefined {
  return /;\s*charset="?([^";\s]+)"?/i.exec(contentType ?? '')?.[1];
}

function sendBusiness(req: Request, res: Response, business: Business, status = 200): void {
  setEtag(res, business.state.version);
  res.status(status).json(viewOf(business.state, req.principal));
}

type StatusAction = typeof approveBusiness;

function statusRoute(deps: RegistryDeps, action: StatusAction, reasonRequired: boolean) {
  return async (req: Request, res: Response): Promise<void> => {
    const { id } = parse(idParams, req.params, 'params');
    const { reason } = parse(reasonRequired ? reasonBody : optionalReasonBody, req.body ?? {});
    const version = expectedVersion(req);
    const business = await action(deps, req.principal, { id, ...(reason !== undefined ? { reason } : {}), ...(version !== undefined ? { expectedVersion: version } : {}) });
    sendBusiness(req, res, business);
  };
}

export interface RegistrationLimits {
  store: RateLimitStore;
  /** Registrations one enterprise account may submit per day (0: no limit). */
  perAccountPerDay: number;
}

export function businessesRouter(deps: RegistryDeps, idempotency: IdempotencyStore, limits?: RegistrationLimits): Router {
  const router = Router();
  // Per account (subject and business id): a squatter cannot loop register → rejected → register.
  const registrations = limits
    ? rateLimit(limits.store, [
        { name: 'registrations', limit: limits.perAccountPerDay, windowMs: 86_400_000, key: (req) => (req.principal?.roles.includes('enterprise') ? `${req.principal.subject}\u0000${req.principal.businessId ?? ''}` : undefined) },
      ])
    : (_req: Request, _res: Response, next: () => void) => next();

  // Guards answer 401/403 before the body is judged; the use cases check the same rules (one table) again.

  router.post('/v1/businesses', accessGuard(ACCESS.registerBusiness), registrations, idempotent(idempotency), async (req, res) => {
    const body = parse(registerBusinessSchema, req.body);
    const business = await registerBusiness(deps, req.principal, body);
    res.location(resourcePath('/v1/businesses', business.id));
    sendBusiness(req, res, business, 201);
  });

  router.get('/v1/businesses', async (req, res) => {
    const query = parse(listBusinessesQuery, req.query, 'query');
    const result = await searchBusinesses(deps, req.principal, {
      ...(query.q ? { q: query.q } : {}),
      ...(query.province ? { provinceCode: query.province } : {}),
      ...(query.ward ? { wardCode: query.ward } : {}),
      ...(query.industry ? { industryCode: query.industry.toUpperCase() } : {}),
      ...(query.type ? { type: query.type } : {}),
      ...(query.status ? { status: query.status } : {}),
      ...(query.scheme ? { scheme: query.scheme } : {}),
      ...(query.minStars ? { minStars: query.minStars } : {}),
      ...(query.pageSize ? { pageSize: query.pageSize } : {}),
      ...(query.pageToken ? { pageToken: query.pageToken } : {}),
    });
    res.json({ items: result.items.map((b) => viewOf(b, req.principal)), nextPageToken: result.nextPageToken });
  });

  router.get('/v1/businesses\\:lookup', async (req, res) => {
    const { taxCode } = parse(lookupQuery, req.query, 'query');
    sendBusiness(req, res, await lookupBusinessByTaxCode(deps, req.principal, taxCode));
  });

  // Raw bytes, not express.text: a Windows export is not UTF-8, and decoding it as UTF-8 stored U+FFFD.
  router.post('/v1/businesses\\:import', accessGuard(ACCESS.importBusinesses), express.raw({ type: ['text/csv', 'text/plain'], limit: IMPORT_LIMIT }), async (req, res) => {
    const query = parse(importQuery, req.query, 'query');
    if (!Buffer.isBuffer(req.body)) throw unsupportedMediaType('UNSUPPORTED_MEDIA_TYPE', 'The import takes text/csv.');
    const csv = decodeCsv(req.body, charsetOf(req.get('content-type'))).text;
    const report = await importBusinesses(deps, req.principal, csv, { approve: query.approve === 'true' });
    res.json(report);
  });

  router.get('/v1/businesses/:id', async (req, res) => {
    const { id } = parse(idParams, req.params, 'params');
    const business = await getBusiness(deps, req.principal, id);
    setEtag(res, business.state.version);
    // The profile shows the certificates in force (certificate.* events of the certification service).
    res.json({ ...viewOf(business.state, req.principal), badges: (await deps.badges?.ofBusiness(id)) ?? [] });
  });

  router.patch('/v1/businesses/:id', async (req, res) => {
    const { id } = parse(idParams, req.params, 'params');
    const body = parse(updateBusinessSchema, req.body ?? {});
    sendBusiness(req, res, await updateBusinessProfile(deps, req.principal, id, body, expectedVersion(req)));
  });

  router.post('/v1/businesses/:id\\:approve', accessGuard(ACCESS.approveBusiness), statusRoute(deps, approveBusiness, false));
  router.post('/v1/businesses/:id\\:reject', accessGuard(ACCESS.rejectBusiness), statusRoute(deps, rejectBusiness, true));
  router.post('/v1/businesses/:id\\:suspend', accessGuard(ACCESS.suspendBusiness), statusRoute(deps, suspendBusiness, true));
  router.post('/v1/businesses/:id\\:reinstate', accessGuard(ACCESS.reinstateBusiness), statusRoute(deps, reinstateBusiness, false));
  router.post('/v1/businesses/:id\\:dissolve', accessGuard(ACCESS.dissolveBusiness), statusRoute(deps, dissolveBusiness, true));
  router.post('/v1/businesses/:id\\:approveChange', accessGuard(ACCESS.approveChangeBusiness), statusRoute(deps, approveChangeRequest, false));
  router.post('/v1/businesses/:id\\:rejectChange', accessGuard(ACCESS.rejectChangeBusiness), statusRoute(deps, rejectChangeRequest, true));
  router.post('/v1/businesses/:id\\:withdraw', accessGuard(ACCESS.withdrawBusiness), async (req, res) => {
    const { id } = parse(idParams, req.params, 'params');
    parse(optionalReasonBody, req.body ?? {});
    sendBusiness(req, res, await withdrawBusiness(deps, req.principal, id, expectedVersion(req)));
  });
  router.post('/v1/businesses/:id\\:transfer', accessGuard(ACCESS.transferBusiness), async (req, res) => {
    const { id } = parse(idParams, req.params, 'params');
    const body = parse(transferBody, req.body ?? {});
    const version = expectedVersion(req);
    sendBusiness(req, res, await transferBusiness(deps, req.principal, { id, ...body, ...(version !== undefined ? { expectedVersion: version } : {}) }));
  });

  router.put(
    '/v1/businesses/:id/evidence',
    accessGuard(ACCESS.attachRegistrationEvidence),
    express.raw({ type: [...EVIDENCE_MEDIA_TYPES], limit: EVIDENCE_MAX_BYTES }),
    async (req, res) => {
      const { id } = parse(idParams, req.params, 'params');
      const content = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
      const summary = await attachEvidence(deps, req.principal, { id, mediaType: req.is(EVIDENCE_MEDIA_TYPES as unknown as string[]) || String(req.get('content-type') ?? ''), content });
      res.json({ mediaType: summary.mediaType, sha256: summary.sha256, sizeBytes: summary.sizeBytes, uploadedBy: summary.uploadedBy, uploadTime: summary.uploadTime.toISOString() });
    },
  );
  router.get('/v1/businesses/:id/evidence', async (req, res) => {
    const { id } = parse(idParams, req.params, 'params');
    const doc = await readEvidence(deps, req.principal, id);
    res.setHeader('Content-Disposition', 'attachment');
    res.setHeader('X-Content-SHA256', doc.sha256);
    res.type(doc.mediaType).send(doc.content);
  });

  return router;
}
