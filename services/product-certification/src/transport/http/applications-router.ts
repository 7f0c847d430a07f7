// /v1/certification-applications: the OCOP flow. Staff-only actions are guarded before the body is read.
import { idempotent, parse, roleGuard, type IdempotencyStore } from '@hangviet/service-kit';
import { Router } from 'express';
import {
  decideApplication,
  getApplication,
  listApplications,
  rejectApplication,
  reviewCommune,
  scoreApplication,
  submitApplication,
  withdrawApplication,
} from '../../application/applications';
import type { ProductCertificationDeps } from '../../application/ports';
import { decideBody, idParams, listApplicationsQuery, reasonBody, reviewCommuneBody, scoreBody, submitApplicationBody } from './schemas';
import { applicationView, certificateView } from './views';

const owners = roleGuard('admin', 'staff', 'enterprise');
const staff = roleGuard('admin', 'staff');
const BASE = '/v1/certification-applications';

export function applicationsRouter(deps: ProductCertificationDeps, idempotency: IdempotencyStore): Router {
  const router = Router();
  const idOf = (params: unknown) => parse(idParams, params, 'params').id;

  router.post(BASE, owners, idempotent(idempotency), async (req, res) => {
    const { scheme: _ocop, ...body } = parse(submitApplicationBody, req.body);
    const application = await submitApplication(deps, req.principal, body);
    res.location(`${BASE}/${application.id}`).status(201).json(applicationView(application));
  });

  router.get(BASE, owners, async (req, res) => {
    const query = parse(listApplicationsQuery, req.query, 'query');
    const page = await listApplications(deps, req.principal, { ...query, pageSize: query.pageSize ?? 20 });
    res.json({ items: page.items.map(applicationView), nextPageToken: page.nextPageToken });
  });

  router.get(`${BASE}/:id`, owners, async (req, res) => {
    res.json(applicationView(await getApplication(deps, req.principal, idOf(req.params))));
  });

  router.post(`${BASE}/:id\\:reviewCommune`, staff, async (req, res) => {
    res.json(applicationView(await reviewCommune(deps, req.principal, { id: idOf(req.params), ...parse(reviewCommuneBody, req.body) })));
  });

  router.post(`${BASE}/:id\\:score`, staff, async (req, res) => {
    const { scores } = parse(scoreBody, req.body);
    res.json(applicationView(await scoreApplication(deps, req.principal, { id: idOf(req.params), scores })));
  });

  router.post(`${BASE}/:id\\:decide`, staff, async (req, res) => {
    const { application, certificate } = await decideApplication(deps, req.principal, { id: idOf(req.params), ...parse(decideBody, req.body) });
    res.json({ ...applicationView(application), ...(certificate ? { certificate: certificateView(certificate, req.principal) } : {}) });
  });

  router.post(`${BASE}/:id\\:reject`, staff, async (req, res) => {
    res.json(applicationView(await rejectApplication(deps, req.principal, { id: idOf(req.params), ...parse(reasonBody, req.body) })));
  });

  router.post(`${BASE}/:id\\:withdraw`, owners, async (req, res) => {
    res.json(applicationView(await withdrawApplication(deps, req.principal, idOf(req.params))));
  });

  return router;
}
