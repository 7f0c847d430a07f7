// Staff file the fair's closing report once it has closed: checked against the fair's allocation,
// stored on the fair and published with its figures (hangviet.tradefair.fair.report_filed.v1), which
// campaign results counts. Filing again corrects it (a new event with the whole report).
import type { Principal } from '@hangviet/service-kit';
import { invalid } from '@hangviet/service-kit/errors';
import { validateClosingReport, type ClosingReport } from '../domain/closing-report';
import type { Fair } from '../domain/fair';
import { changeFair, getFair } from './get-fair';
import type { TradeFairDeps } from './ports';
import { requireRoles } from './roles';

export interface FileClosingReportCommand {
  fairId: string;
  report: Omit<ClosingReport, 'fileTime'>;
}

export async function fileClosingReport(deps: TradeFairDeps, principal: Principal | undefined, { fairId, report }: FileClosingReportCommand): Promise<Fair> {
  const actor = requireRoles(principal, 'fileClosingReport');
  await getFair(deps, fairId);
  const holders = new Map((await deps.applications.allocatedOfFair(fairId)).flatMap((a) => a.state.booths.map((code) => [code, a.state.businessId] as const)));
  const errors = validateClosingReport(report, holders);
  if (errors.length > 0) throw invalid(errors);
  return changeFair(deps, fairId, (f) => f.fileReport(report, actor.subject, deps.now()));
}
