// Staff list the reports, by status.
import { authorize, type Page, type PageRequest, type Principal } from '@hangviet/service-kit';
import type { Report, ReportStatus } from '../domain/report';
import { ACCESS } from './access-rules';
import type { ProductCertificationDeps } from './ports';

export async function listReports(deps: ProductCertificationDeps, command: { principal: Principal | undefined; status?: ReportStatus } & PageRequest): Promise<Page<Report>> {
  authorize(command.principal, ACCESS.listReports);
  const { pageSize, pageToken, status } = command;
  return deps.reports.list(status ? { status } : {}, { pageSize, ...(pageToken ? { pageToken } : {}) });
}
