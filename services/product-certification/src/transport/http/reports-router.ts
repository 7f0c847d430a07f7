// /v1/reports: the public files a report (rate-limited per client); staff triage.
import { parse, roleGuard } from '@hangviet/service-kit';
import { Router } from 'express';
import type { ProductCertificationDeps } from '../../application/ports';
import { closeReport, forwardReport, listReports, submitReport } from '../../application/reports';
import { closeBody, forwardBody, idParams, listReportsQuery, submitReportBody } from './schemas';
import { reportView } from './views';

const staff = roleGuard('admin', 'staff');

export function reportsRouter(deps: ProductCertificationDeps): Router {
  const router = Router();
  const idOf = (params: unknown) => parse(idParams, params, 'params').id;

  router.post('/v1/reports', async (req, res) => {
    // The client is its address as the edge saw it (the gateway's X-Forwarded-For when trust proxy is set).
    const clientKey = req.principal?.subject ?? req.ip ?? 'unknown';
    const report = await submitReport(deps, { clientKey, report: parse(submitReportBody, req.body) });
    res.location(`/v1/reports/${report.id}`).status(201).json({ id: report.id, status: report.state.status, createTime: report.state.createTime.toISOString() });
  });

  router.get('/v1/reports', staff, async (req, res) => {
    const query = parse(listReportsQuery, req.query, 'query');
    const page = await listReports(deps, req.principal, { ...query, pageSize: query.pageSize ?? 20 });
    res.json({ items: page.items.map(reportView), nextPageToken: page.nextPageToken });
  });

  router.post('/v1/reports/:id\\:forward', staff, async (req, res) => {
    res.json(reportView(await forwardReport(deps, req.principal, { id: idOf(req.params), ...parse(forwardBody, req.body) })));
  });

  router.post('/v1/reports/:id\\:close', staff, async (req, res) => {
    res.json(reportView(await closeReport(deps, req.principal, { id: idOf(req.params), ...parse(closeBody, req.body) })));
  });

  return router;
}
