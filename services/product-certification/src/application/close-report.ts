// Staff close a report with its resolution.
import { authorize, type Principal } from '@hangviet/service-kit';
import type { Report } from '../domain/report';
import { ACCESS } from './access-rules';
import { actorOf } from './business-access';
import { findReport } from './find-report';
import type { ProductCertificationDeps } from './ports';

export async function closeReport(deps: ProductCertificationDeps, command: { principal: Principal | undefined; id: string; resolution: string }): Promise<Report> {
  const principal = authorize(command.principal, ACCESS.closeReport);
  const report = await findReport(deps, command.id);
  report.close(command.resolution, actorOf(principal), deps.now());
  await deps.reports.save(report);
  return report;
}
