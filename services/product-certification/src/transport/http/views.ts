// The JSON views of the aggregates. The public certificate view carries no personal data.
import type { Application } from '../../domain/application';
import type { Certificate } from '../../domain/certificate';
import type { Product } from '../../domain/product';
import type { Report } from '../../domain/report';

const iso = (d: Date | undefined) => d?.toISOString();

export function productView(p: Product) {
  const s = p.state;
  return { ...s, evidence: s.evidence.map((e) => ({ ...e, uploadTime: iso(e.uploadTime) })), createTime: iso(s.createTime), updateTime: iso(s.updateTime) };
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

export function certificateView(c: Certificate) {
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
    ...(s.reason && (s.status === 'REVOKED' || s.status === 'SUSPENDED') ? { reason: s.reason } : {}),
    version: s.version,
  };
}

export function reportView(r: Report) {
  const s = r.state;
  return { ...s, createTime: iso(s.createTime), updateTime: iso(s.updateTime) };
}
