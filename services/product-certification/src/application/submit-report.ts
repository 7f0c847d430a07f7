// Anyone files a report of a suspected counterfeit or misuse (rate-limited per client across instances).
import { randomUUID } from 'node:crypto';
import { invalid, tooManyRequests } from '@hangviet/service-kit/errors';
import { checkEvidence } from '../domain/evidence';
import { Report, type ReportInput } from '../domain/report';
import type { ProductCertificationDeps } from './ports';

export interface SubmitReport {
  clientKey: string;
  report: ReportInput;
  photo?: { contentType: string; bytes: Buffer };
}

export async function submitReport(deps: ProductCertificationDeps, command: SubmitReport): Promise<Report> {
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
