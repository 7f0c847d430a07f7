// Counterfeit and misuse reports: anyone may file one (rate-limited per client across instances);
// staff triage them NEW → FORWARDED → CLOSED, each step an event partners can subscribe to.
import { randomUUID } from 'node:crypto';
import { requireRole, type Page, type PageRequest, type Principal } from '@hangviet/service-kit';
import { invalid, notFound, tooManyRequests } from '@hangviet/service-kit/errors';
import { checkEvidence } from '../domain/evidence';
import { Report, type ReportInput, type ReportStatus } from '../domain/report';
import { actorOf } from './business-access';
import type { ProductCertificationDeps } from './ports';

type Deps = ProductCertificationDeps;

export async function submitReport(
  deps: Deps,
  command: { clientKey: string; report: ReportInput; photo?: { contentType: string; bytes: Buffer } },
): Promise<Report> {
  if (!(await deps.reportLimiter.hit(command.clientKey, deps.now()))) {
    throw tooManyRequests('RATE_LIMITED', 'Too many reports from this client; try again later.');
  }
  const r = command.report;
  let businessId: string | undefined;
  if (r.certificateNumber) businessId = (await deps.certificates.findById(r.certificateNumber.trim().toUpperCase()))?.state.businessId;
  if (!businessId && r.productId) businessId = (await deps.products.findById(r.productId))?.state.businessId;
  const id = deps.reports.newId();
  let photo: { id: string; contentType: string; size: number } | undefined;
  if (command.photo) {
    const contentType = checkEvidence({ declaredType: command.photo.contentType, detectedType: await deps.sniff(command.photo.bytes), size: command.photo.bytes.length });
    if (contentType === 'application/pdf') throw invalid([{ field: 'photo.contentType', code: 'UNSUPPORTED_TYPE', message: 'a photo is JPEG or PNG' }]);
    photo = await deps.documents.put({ id: randomUUID(), owner: `report:${id}`, fileName: 'photo', contentType, bytes: command.photo.bytes });
  }
  const report = Report.receive({
    id,
    report: { ...r, ...(r.certificateNumber ? { certificateNumber: r.certificateNumber.trim().toUpperCase() } : {}) },
    ...(businessId ? { businessId } : {}),
    ...(photo ? { photo } : {}),
    now: deps.now(),
  });
  await deps.reports.add(report);
  return report;
}

export async function listReports(deps: Deps, principal: Principal | undefined, query: { status?: ReportStatus } & PageRequest): Promise<Page<Report>> {
  requireRole(principal, 'admin', 'staff');
  const { pageSize, pageToken, status } = query;
  return deps.reports.list(status ? { status } : {}, { pageSize, ...(pageToken ? { pageToken } : {}) });
}

async function staffReport(deps: Deps, principal: Principal | undefined, id: string): Promise<Report> {
  requireRole(principal, 'admin', 'staff');
  const report = await deps.reports.findById(id);
  if (!report) throw notFound('REPORT_NOT_FOUND', `no report ${id}`, { id });
  return report;
}

export async function forwardReport(deps: Deps, principal: Principal | undefined, command: { id: string; partner: string; note?: string }): Promise<Report> {
  const report = await staffReport(deps, principal, command.id);
  report.forward(command.partner, command.note, actorOf(principal), deps.now());
  await deps.reports.save(report);
  return report;
}

export async function closeReport(deps: Deps, principal: Principal | undefined, command: { id: string; resolution: string }): Promise<Report> {
  const report = await staffReport(deps, principal, command.id);
  report.close(command.resolution, actorOf(principal), deps.now());
  await deps.reports.save(report);
  return report;
}
