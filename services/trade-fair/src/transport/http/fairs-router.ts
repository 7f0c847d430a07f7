// /v1/fairs and the calendar feeds: parse → use case → response.
import { idempotent, parse, roleGuard, type IdempotencyStore } from '@hangviet/service-kit';
import { mapPage } from '@hangviet/service-kit/paging';
import { Router } from 'express';
import { allocateFair } from '../../application/allocate-fair';
import { businessFairFeed, publicFairFeed } from '../../application/calendar-feeds';
import { cancelFair, createFair, listFairs, openFair, publishFair } from '../../application/manage-fairs';
import type { TradeFairDeps } from '../../application/ports';
import { fairSummary, getAllocation } from '../../application/read-fairs';
import { viewFair } from '../../application/view-fair';
import { calendarFeed } from './calendar-ics';
import { allocateBody, businessParams, fairBody, fairView, icsQuery, idParams, listFairsQuery, reasonBody } from './schemas';

export function fairsRouter(deps: TradeFairDeps, idempotency: IdempotencyStore): Router {
  const router = Router();
  const staffOnly = roleGuard('admin', 'staff');
  const id = (params: unknown) => parse(idParams, params, 'params').id;

  router.post('/v1/fairs', staffOnly, idempotent(idempotency), async (req, res) => {
    const fair = await createFair(deps, req.principal, parse(fairBody, req.body));
    res.location(`/v1/fairs/${fair.id}`).status(201).json(fairView(fair.state));
  });

  router.get('/v1/fairs', async (req, res) => {
    const { pageSize, pageToken, ...query } = parse(listFairsQuery, req.query, 'query');
    const page = await listFairs(deps, req.principal, query, { pageSize, ...(pageToken ? { pageToken } : {}) });
    res.json(mapPage(page, (f) => fairView(f.state)));
  });

  router.get('/v1/fairs.ics', async (req, res) => {
    const entries = await publicFairFeed(deps, parse(icsQuery, req.query, 'query'));
    res.type('text/calendar; charset=utf-8').send(calendarFeed('Hội chợ, phiên chợ hàng Việt', entries));
  });

  router.get('/v1/businesses/:businessId/fairs.ics', async (req, res) => {
    const { businessId } = parse(businessParams, req.params, 'params');
    const entries = await businessFairFeed(deps, req.principal, businessId);
    res.type('text/calendar; charset=utf-8').send(calendarFeed('Gian hàng của doanh nghiệp', entries));
  });

  router.get('/v1/fairs/:id', async (req, res) => {
    res.json(fairView((await viewFair(deps, req.principal, id(req.params))).state));
  });

  router.post('/v1/fairs/:id\\:open', staffOnly, async (req, res) => {
    res.json(fairView((await openFair(deps, req.principal, id(req.params))).state));
  });

  router.post('/v1/fairs/:id\\:allocate', staffOnly, async (req, res) => {
    const outcome = await allocateFair(deps, req.principal, id(req.params), parse(allocateBody, req.body ?? {}));
    res.json(outcome);
  });

  router.post('/v1/fairs/:id\\:publish', staffOnly, async (req, res) => {
    res.json(fairView((await publishFair(deps, req.principal, id(req.params))).state));
  });

  router.post('/v1/fairs/:id\\:cancel', staffOnly, async (req, res) => {
    const { reason } = parse(reasonBody, req.body);
    res.json(fairView((await cancelFair(deps, req.principal, id(req.params), reason)).state));
  });

  router.get('/v1/fairs/:id/allocation', staffOnly, async (req, res) => {
    const run = await getAllocation(deps, req.principal, id(req.params));
    res.json({ runId: run.id, fairId: run.fairId, createTime: run.createTime.toISOString(), state: run.state, results: run.results, support: run.support });
  });

  router.get('/v1/fairs/:id/summary', async (req, res) => {
    res.json(await fairSummary(deps, req.principal, id(req.params)));
  });

  return router;
}
