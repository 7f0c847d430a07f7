// /v1/fairs/{id}/applications: parse → use case → response.
import { idempotent, parse, type IdempotencyStore } from '@hangviet/service-kit';
import { mapPage } from '@hangviet/service-kit/paging';
import { Router } from 'express';
import { cancelApplication } from '../../application/cancel-application';
import { confirmOffer } from '../../application/confirm-offer';
import { listApplications } from '../../application/list-applications';
import type { TradeFairDeps } from '../../application/ports';
import { submitApplication } from '../../application/submit-application';
import { withdrawApplication } from '../../application/withdraw-application';
import { guard } from './guard';
import { applicationBody, applicationParams, applicationView, idParams, listQuery, reasonBody } from './schemas';

export function applicationsRouter(deps: TradeFairDeps, idempotency: IdempotencyStore): Router {
  const router = Router();
  const ids = (params: unknown) => parse(applicationParams, params, 'params');

  router.post('/v1/fairs/:id/applications', guard('submitApplication'), idempotent(idempotency), async (req, res) => {
    const { id } = parse(idParams, req.params, 'params');
    const app = await submitApplication(deps, req.principal, { fairId: id, ...parse(applicationBody, req.body) });
    res.location(`/v1/fairs/${id}/applications/${app.id}`).status(201).json(applicationView(app.state));
  });

  router.get('/v1/fairs/:id/applications', async (req, res) => {
    const { id } = parse(idParams, req.params, 'params');
    const { pageSize, pageToken } = parse(listQuery, req.query, 'query');
    const page = await listApplications(deps, req.principal, { fairId: id, page: { pageSize, ...(pageToken ? { pageToken } : {}) } });
    res.json(mapPage(page, (a) => applicationView(a.state)));
  });

  router.post('/v1/fairs/:id/applications/:applicationId\\:withdraw', guard('withdrawApplication'), async (req, res) => {
    const { id, applicationId } = ids(req.params);
    res.json(applicationView((await withdrawApplication(deps, req.principal, { fairId: id, applicationId })).state));
  });

  router.post('/v1/fairs/:id/applications/:applicationId\\:cancel', guard('cancelApplication'), async (req, res) => {
    const { id, applicationId } = ids(req.params);
    const { reason } = parse(reasonBody, req.body);
    res.json(applicationView((await cancelApplication(deps, req.principal, { fairId: id, applicationId, reason })).state));
  });

  router.post('/v1/fairs/:id/applications/:applicationId\\:confirm', guard('confirmOffer'), async (req, res) => {
    const { id, applicationId } = ids(req.params);
    res.json(applicationView((await confirmOffer(deps, req.principal, { fairId: id, applicationId })).state));
  });

  return router;
}
