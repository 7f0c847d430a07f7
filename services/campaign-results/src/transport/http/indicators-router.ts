// /v1/indicators and /v1/campaign-reports: parse → use case → response. No business rule lives here.
import { accessGuard, parse } from '@hangviet/service-kit';
import { Router } from 'express';
import { ACCESS } from '../../application/access-rules';
import { buildReport } from '../../application/build-report';
import { getIndicators } from '../../application/get-indicators';
import { listIndicatorRecords } from '../../application/list-indicator-records';
import type { CampaignResultsDeps } from '../../application/ports';
import { publishReport } from '../../application/publish-report';
import { renderReportPdf } from '../../infrastructure/report-pdf';
import { renderReportXlsx } from '../../infrastructure/report-xlsx';
import { codeParams, figureQuery, publishBody, recordsQuery, reportParams, reportQuery } from './schemas';
import { factView } from './views';

export const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export function indicatorsRouter(deps: CampaignResultsDeps): Router {
  const router = Router();

  router.get('/v1/indicators', accessGuard(ACCESS.getIndicators), async (req, res) => {
    const filter = parse(figureQuery, req.query, 'query');
    res.json({ year: filter.year, items: await getIndicators(deps, req.principal, filter) });
  });

  router.get('/v1/indicators/:code/records', accessGuard(ACCESS.listIndicatorRecords), async (req, res) => {
    const { code } = parse(codeParams, req.params, 'params');
    const query = parse(recordsQuery, req.query, 'query');
    const page = await listIndicatorRecords(deps, req.principal, { ...query, code, pageSize: query.pageSize ?? 20 });
    res.json({ items: page.items.map(factView), nextPageToken: page.nextPageToken });
  });

  router.get('/v1/campaign-reports/:year.xlsx', accessGuard(ACCESS.getReport), async (req, res) => {
    const { year } = parse(reportParams, req.params, 'params');
    const report = await buildReport(deps, req.principal, { ...parse(reportQuery, req.query, 'query'), year });
    res.attachment(`ket-qua-cuoc-van-dong-${year}.xlsx`).type(XLSX).send(await renderReportXlsx(report));
  });

  router.get('/v1/campaign-reports/:year.pdf', accessGuard(ACCESS.getReport), async (req, res) => {
    const { year } = parse(reportParams, req.params, 'params');
    const report = await buildReport(deps, req.principal, { ...parse(reportQuery, req.query, 'query'), year });
    res.attachment(`ket-qua-cuoc-van-dong-${year}.pdf`).type('application/pdf').send(await renderReportPdf(report));
  });

  router.post('/v1/campaign-reports/:year\\:publish', accessGuard(ACCESS.publishReport), async (req, res) => {
    const { year } = parse(reportParams, req.params, 'params');
    const body = parse(publishBody, req.body ?? {});
    res.json(await publishReport(deps, req.principal, { year, ...body }));
  });

  return router;
}
