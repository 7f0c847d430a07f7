// /v1/certification-applications: the OCOP flow. Who may call each route is the access table's
// (application/access-rules.ts), guarded before the body is read.
import { accessGuard, idempotent, parse, type IdempotencyStore } from '@hangviet/service-kit';
import { Router } from 'express';
import { ACCESS } from '../../application/access-rules';
import { decideApplication } from '../../application/decide-application';
import { getApplication } from '../../application/get-application';
import { listApplications } from '../../application/list-applications';
import type { ProductCertificationDeps } from '../../application/ports';
import { rejectApplication } from '../../application/reject-application';
import { reviewCommune } from '../../application/review-commune';
import { scoreApplication } from '../../application/score-application';
import { submitApplication } from '../../application/submit-application';
import { withdrawApplication } from '../../application/withdraw-application';
import { decideBody, idParams, listApplicationsQuery, reasonBody, reviewCommuneBody, scoreBody, submitApplicationBody } from './schemas';
import { applicationView, certificateView } from './views';

const BASE = '/v1/certification-applications';

export function applicationsRouter(deps: ProductCertificationDeps, idempotency: IdempotencyStore): Router {
  const router = Router();
  const idOf = (params: unknown) => parse(idParams, params, 'params').id;

  router.post(BASE, accessGuard(ACCESS.submitApplication), idempotent(idempotency), async (req, res) => {
    const { scheme: _ocop, ...body } = parse(submitApplicationBody(deps.now()), req.body);
    const application = await submitApplication(deps, { principal: req.principal, ...body });
    res.location(`${BASE}/${application.id}`).status(201).json(applicationView(application));
  });

  router.get(BASE, accessGuard(ACCESS.listApplications), async (req, res) => {
    const query = parse(listApplicationsQuery, req.query, 'query');
    const page = await listApplications(deps, { principal: req.principal, ...query, pageSize: query.pageSize ?? 20 });
    res.json({ items: page.items.map(applicationView), nextPageToken: page.nextPageToken });
  });

  router.get(`${BASE}/:id`, accessGuard(ACCESS.getApplication), async (req, res) => {
    res.json(applicationView(await getApplication(deps, { principal: req.principal, id: idOf(req.params) })));
  });

  router.post(`${BASE}/:id\\:reviewCommune`, accessGuard(ACCESS.reviewCommune), async (req, res) => {
    res.json(applicationView(await reviewCommune(deps, { principal: req.principal, id: idOf(req.params), ...parse(reviewCommuneBody, req.body) })));
  });

  router.post(`${BASE}/:id\\:score`, accessGuard(ACCESS.scoreApplication), async (req, res) => {
    const { scores } = parse(scoreBody, req.body);
    res.json(applicationView(await scoreApplication(deps, { principal: req.principal, id: idOf(req.params), scores })));
  });

  router.post(`${BASE}/:id\\:decide`, accessGuard(ACCESS.decideApplication), async (req, res) => {
    const { application, certificate } = await decideApplication(deps, { principal: req.principal, id: idOf(req.params), ...parse(decideBody, req.body) });
    res.json({ ...applicationView(application), ...(certificate ? { certificate: certificateView(certificate, req.principal) } : {}) });
  });

  router.post(`${BASE}/:id\\:reject`, accessGuard(ACCESS.rejectApplication), async (req, res) => {
    res.json(applicationView(await rejectApplication(deps, { principal: req.principal, id: idOf(req.params), ...parse(reasonBody, req.body) })));
  });

  router.post(`${BASE}/:id\\:withdraw`, accessGuard(ACCESS.withdrawApplication), async (req, res) => {
    res.json(applicationView(await withdrawApplication(deps, { principal: req.principal, id: idOf(req.params) })));
  });

  return router;
}
