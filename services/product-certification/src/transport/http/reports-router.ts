// /v1/reports: the public files a report (rate-limited per client); staff triage. Who may call each route is
// the access table's (application/access-rules.ts).
import { accessGuard, parse } from '@hangviet/service-kit';
import { Router } from 'express';
import { ACCESS } from '../../application/access-rules';
import { closeReport } from '../../application/close-report';
import { forwardReport } from '../../application/forward-report';
import { listReports } from '../../application/list-reports';
import type { ProductCertificationDeps } from '../../application/ports';
import { submitReport } from '../../application/submit-report';
import { closeBody, forwardBody, idParams, listReportsQuery, submitReportBody } from './schemas';
import { reportView } from './views';

export function reportsRouter(deps: ProductCertificationDeps): Router {
  const router = Router();
  const idOf = (params: unknown) => parse(idParams, params, 'params').id;

  router.post('/v1/reports', accessGuard(ACCESS.submitReport), async (req, res) => {
    // The client is its address as the edge saw it (the gateway's X-Forwarded-For when trust proxy is set).
    const clientKey = req.principal?.subject ?? req.ip ?? 'unknown';
    const report = await submitReport(deps, { clientKey, report: parse(submitReportBody, req.body) });
    res.location(`/v1/reports/${report.id}`).status(201).json({ id: report.id, status: report.state.status, createTime: report.state.createTime.toISOString() });
  });

  router.get('/v1/reports', accessGuard(ACCESS.listReports), async (req, res) => {
    const query = parse(listReportsQuery, req.query, 'query');
    const page = await listReports(deps, { principal: req.principal, ...query, pageSize: query.pageSize ?? 20 });
    res.json({ items: page.items.map(reportView), nextPageToken: page.nextPageToken });
  });

  router.post('/v1/reports/:id\\:forward', accessGuard(ACCESS.forwardReport), async (req, res) => {
    res.json(reportView(await forwardReport(deps, { principal: req.principal, id: idOf(req.params), ...parse(forwardBody, req.body) })));
  });

  router.post('/v1/reports/:id\\:close', accessGuard(ACCESS.closeReport), async (req, res) => {
    res.json(reportView(await closeReport(deps, { principal: req.principal, id: idOf(req.params), ...parse(closeBody, req.body) })));
  });

  return router;
}
