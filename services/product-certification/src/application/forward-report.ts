// Staff forward a report to a partner such as market surveillance (NEW → FORWARDED).
import { authorize, type Principal } from '@hangviet/service-kit';
import type { Report } from '../domain/report';
import { ACCESS } from './access-rules';
import { actorOf } from './business-access';
import { findReport } from './find-report';
import type { ProductCertificationDeps } from './ports';

export async function forwardReport(deps: ProductCertificationDeps, command: { principal: Principal | undefined; id: string; partner: string; note?: string }): Promise<Report> {
  const principal = authorize(command.principal, ACCESS.forwardReport);
  const report = await findReport(deps, command.id);
  report.forward(command.partner, command.note, actorOf(principal), deps.now());
  await deps.reports.save(report);
  return report;
}
