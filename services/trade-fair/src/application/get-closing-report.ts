// The fair's closing report with its totals and the names of the businesses it mentions (staff), for the
// XLSX and PDF exports.
import type { Principal } from '@hangviet/service-kit';
import { notFound } from '@hangviet/service-kit/errors';
import { reportTotals, type ClosingReport, type ReportTotals } from '../domain/closing-report';
import type { FairState } from '../domain/fair';
import { getFair } from './get-fair';
import type { TradeFairDeps } from './ports';
import { requireRoles } from './roles';

export interface ClosingReportView {
  fair: Readonly<FairState>;
  report: ClosingReport;
  totals: ReportTotals;
  /** Business id → name, from the fair's applications. */
  businessNames: Record<string, string>;
}

export async function getClosingReport(deps: TradeFairDeps, principal: Principal | undefined, { fairId }: { fairId: string }): Promise<ClosingReportView> {
  requireRoles(principal, 'exportClosingReport');
  const fair = await getFair(deps, fairId);
  const report = fair.state.report;
  if (!report) throw notFound('REPORT_NOT_FOUND', 'No closing report has been filed for this fair yet.', { fairId });
  const businessNames = Object.fromEntries((await deps.applications.allocatedOfFair(fairId)).map((a) => [a.state.businessId, a.state.businessName]));
  return { fair: fair.state, report, totals: reportTotals(report), businessNames };
}
