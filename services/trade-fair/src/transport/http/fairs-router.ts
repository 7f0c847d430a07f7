// /v1/fairs and the calendar feeds: parse → use case → response. Roles from application/roles.ts (the
// same table the route table and the OpenAPI document read).
import { idempotent, parse, type IdempotencyStore } from '@hangviet/service-kit';
import { mapPage } from '@hangviet/service-kit/paging';
import { Router } from 'express';
import { allocateFair } from '../../application/allocate-fair';
import { businessFairFeed } from '../../application/business-fair-feed';
import { cancelFair } from '../../application/cancel-fair';
import { createFair } from '../../application/create-fair';
import { fairSummary } from '../../application/fair-summary';
import { fileClosingReport } from '../../application/file-closing-report';
import { getAllocation } from '../../application/get-allocation';
import { getClosingReport } from '../../application/get-closing-report';
import { viewFair } from '../../application/view-fair';
import { listFairs } from '../../application/list-fairs';
import { openFair } from '../../application/open-fair';
import type { TradeFairDeps } from '../../application/ports';
import { publicFairFeed } from '../../application/public-fair-feed';
import { publishFair } from '../../application/publish-fair';
import { renderClosingReportPdf } from '../../infrastructure/closing-report-pdf';
import { renderClosingReportXlsx } from '../../infrastructure/closing-report-xlsx';
import { calendarFeed } from './calendar-ics';
import { guard } from './guard';
import { allocateBody, businessParams, closingReportBody, fairBody, fairView, icsQuery, idParams, listFairsQuery, reasonBody } from './schemas';

export const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export function fairsRouter(deps: TradeFairDeps, idempotency: IdempotencyStore): Router {
  const router = Router();
  const fairId = (params: unknown) => parse(idParams, params, 'params').id;

  router.post('/v1/fairs', guard('createFair'), idempotent(idempotency), async (req, res) => {
    const fair = await createFair(deps, req.principal, parse(fairBody, req.body));
    res.location(`/v1/fairs/${fair.id}`).status(201).json(fairView(fair.state));
  });

  router.get('/v1/fairs', async (req, res) => {
    const { pageSize, pageToken, ...query } = parse(listFairsQuery, req.query, 'query');
    const page = await listFairs(deps, req.principal, { query, page: { pageSize, ...(pageToken ? { pageToken } : {}) } });
    res.json(mapPage(page, (f) => fairView(f.state)));
  });

  router.get('/v1/fairs.ics', async (req, res) => {
    const entries = await publicFairFeed(deps, parse(icsQuery, req.query, 'query'));
    res.type('text/calendar; charset=utf-8').send(calendarFeed('Hội chợ, phiên chợ hàng Việt', entries));
  });

  router.get('/v1/businesses/:businessId/fairs.ics', async (req, res) => {
    const entries = await businessFairFeed(deps, req.principal, parse(businessParams, req.params, 'params'));
    res.type('text/calendar; charset=utf-8').send(calendarFeed('Gian hàng của doanh nghiệp', entries));
  });

  router.get('/v1/fairs/:id', async (req, res) => {
    res.json(fairView((await viewFair(deps, req.principal, fairId(req.params))).state));
  });

  router.post('/v1/fairs/:id\\:open', guard('openFair'), async (req, res) => {
    res.json(fairView((await openFair(deps, req.principal, { fairId: fairId(req.params) })).state));
  });

  router.post('/v1/fairs/:id\\:allocate', guard('allocateFair'), async (req, res) => {
    res.json(await allocateFair(deps, req.principal, { fairId: fairId(req.params), ...parse(allocateBody, req.body ?? {}) }));
  });

  router.post('/v1/fairs/:id\\:publish', guard('publishFair'), async (req, res) => {
    res.json(fairView((await publishFair(deps, req.principal, { fairId: fairId(req.params) })).state));
  });

  router.post('/v1/fairs/:id\\:cancel', guard('cancelFair'), async (req, res) => {
    const { reason } = parse(reasonBody, req.body);
    res.json(fairView((await cancelFair(deps, req.principal, { fairId: fairId(req.params), reason })).state));
  });

  router.get('/v1/fairs/:id/allocation', guard('getAllocation'), async (req, res) => {
    const run = await getAllocation(deps, req.principal, { fairId: fairId(req.params) });
    res.json({ runId: run.id, fairId: run.fairId, createTime: run.createTime.toISOString(), state: run.state, results: run.results, support: run.support });
  });

  router.get('/v1/fairs/:id/summary', async (req, res) => {
    res.json(await fairSummary(deps, req.principal, { fairId: fairId(req.params) }));
  });

  router.post('/v1/fairs/:id/report', guard('fileClosingReport'), async (req, res) => {
    const fair = await fileClosingReport(deps, req.principal, { fairId: fairId(req.params), report: parse(closingReportBody, req.body) });
    res.json(fairView(fair.state));
  });

  router.get('/v1/fairs/:id/report.xlsx', guard('exportClosingReport'), async (req, res) => {
    const view = await getClosingReport(deps, req.principal, { fairId: fairId(req.params) });
    res.attachment(`bao-cao-hoi-cho-${view.fair.id}.xlsx`).type(XLSX).send(await renderClosingReportXlsx(view));
  });

  router.get('/v1/fairs/:id/report.pdf', guard('exportClosingReport'), async (req, res) => {
    const view = await getClosingReport(deps, req.principal, { fairId: fairId(req.params) });
    res.attachment(`bao-cao-hoi-cho-${view.fair.id}.pdf`).type('application/pdf').send(await renderClosingReportPdf(view));
  });

  return router;
}
