// The report a staff action is about.
import { notFound } from '@hangviet/service-kit/errors';
import type { Report } from '../domain/report';
import type { ProductCertificationDeps } from './ports';

export async function findReport(deps: Pick<ProductCertificationDeps, 'reports'>, id: string): Promise<Report> {
  const report = await deps.reports.findById(id);
  if (!report) throw notFound('REPORT_NOT_FOUND', `no report ${id}`, { id });
  return report;
}
