// /v1/businesses: parse → use case → response. No business rule lives here.
import { idempotent, parse, roleGuard, type IdempotencyStore } from '@hangviet/service-kit';
import express, { Router, type Request, type Response } from 'express';
import { approveBusiness } from '../../application/approve-business';
import { viewOf } from '../../application/business-view';
import { dissolveBusiness } from '../../application/dissolve-business';
import { getBusiness } from '../../application/get-business';
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
import type { Business } from '../../domain/business';
import { expectedVersion, setEtag } from './etag';
import { idParams, importQuery, listBusinessesQuery, lookupQuery, optionalReasonBody, reasonBody } from './schemas';

const IMPORT_LIMIT = '5mb';

function sendBusiness(req: Request, res: Response, business: Business, status = 200): void {
  setEtag(res, business.state.version);
  res.status(status).json(viewOf(business.state, req.principal));
}

type StatusAction = typeof approveBusiness;

function statusRoute(deps: RegistryDeps, action: StatusAction, reasonRequired: boolean) {
  return async (req: Request, res: Response): Promise<void> => {
    const { id } = parse(idParams, req.params, 'params');
    const { reason } = parse(reasonRequired ? reasonBody : optionalReasonBody, req.body ?? {});
    const business = await action(deps, req.principal, id, reason, expectedVersion(req));
    sendBusiness(req, res, business);
  };
}

export function businessesRouter(deps: RegistryDeps, idempotency: IdempotencyStore): Router {
  const router = Router();

  // Guards answer 401/403 before the body is judged; the use cases check the same rules again.
  const staffOnly = roleGuard('admin', 'staff');

  router.post('/v1/businesses', roleGuard('admin', 'staff', 'enterprise'), idempotent(idempotency), async (req, res) => {
    const body = parse(registerBusinessSchema, req.body);
    const business = await registerBusiness(deps, req.principal, body);
    res.location(`/v1/businesses/${business.id}`);
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

  router.post('/v1/businesses\\:import', staffOnly, express.text({ type: ['text/csv', 'text/plain'], limit: IMPORT_LIMIT }), async (req, res) => {
    const query = parse(importQuery, req.query, 'query');
    const csv = typeof req.body === 'string' ? req.body : '';
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

  router.post('/v1/businesses/:id\\:approve', staffOnly, statusRoute(deps, approveBusiness, false));
  router.post('/v1/businesses/:id\\:reject', staffOnly, statusRoute(deps, rejectBusiness, true));
  router.post('/v1/businesses/:id\\:suspend', staffOnly, statusRoute(deps, suspendBusiness, true));
  router.post('/v1/businesses/:id\\:reinstate', staffOnly, statusRoute(deps, reinstateBusiness, false));
  router.post('/v1/businesses/:id\\:dissolve', staffOnly, statusRoute(deps, dissolveBusiness, true));

  return router;
}
