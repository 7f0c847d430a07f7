// The JSON views of the aggregates. The public certificate view carries no personal data and no staff
// reason (the event catalogue's partner policy: reasons are `internal-reasons`); a product's evidence
// file names are its owner's and staff's (issue 20, findings 3 and 12).
import { isStaff, type Principal } from '@hangviet/service-kit';
import type { Application } from '../../domain/application';
import type { Certificate } from '../../domain/certificate';
import type { Product } from '../../domain/product';
import type { Report } from '../../domain/report';

const iso = (d: Date | undefined) => d?.toISOString();
/** Staff, or a token naming the business (the claim: a view has no I/O; who may act is decided by the use cases from the registry's owner). */
const namesBusiness = (p: Principal | undefined, businessId: string): boolean => isStaff(p) || (p?.roles.includes('enterprise') === true && p.businessId === businessId);

export function productView(p: Product, viewer: Principal | undefined) {
  const s = p.state;
  const documents = namesBusiness(viewer, s.businessId);
  return {
    ...s,
    evidence: s.evidence.map(({ fileName, ...e }) => ({ ...e, ...(documents ? { fileName } : {}), uploadTime: iso(e.uploadTime) })),
    createTime: iso(s.createTime),
    updateTime: iso(s.updateTime),
  };
}

export function applicationView(a: Application) {
  const s = a.state;
  return {
    ...s,
    ...(s.communeReview ? { communeReview: { ...s.communeReview, time: iso(s.communeReview.time) } } : {}),
    ...(s.decision ? { decision: { ...s.decision, date: iso(s.decision.date)?.slice(0, 10) } } : {}),
    createTime: iso(s.createTime),
    updateTime: iso(s.updateTime),
  };
}

export function certificateView(c: Certificate, viewer: Principal | undefined) {
  const s = c.state;
  return {
    number: s.number,
    scheme: s.scheme,
    status: s.status,
    businessId: s.businessId,
    businessName: s.businessName,
    ...(s.productId ? { productId: s.productId, productName: s.productName } : {}),
    stars: s.stars,
    validFrom: iso(s.validFrom),
    validUntil: iso(s.validUntil),
    decisionNumber: s.decisionNumber,
    decisionDate: iso(s.decisionDate)?.slice(0, 10),
    issuer: s.issuer,
    ...(s.previousNumber ? { previousNumber: s.previousNumber } : {}),
    ...(s.reason && isStaff(viewer) && (s.status === 'REVOKED' || s.status === 'SUSPENDED') ? { reason: s.reason } : {}),
    version: s.version,
  };
}

export function reportView(r: Report) {
  const s = r.state;
  return { ...s, createTime: iso(s.createTime), updateTime: iso(s.updateTime) };
}
