// The certification port. Products come from this service's copy of the certification service's
// product events; certificates are asked fresh over gRPC (ListCertificates, with a deadline) and, when
// that service does not answer, read from the copy kept from its certificate events.
import type * as grpc from '@grpc/grpc-js';
import { CertificateStatus, CertificationScheme, type Certificate } from '@hangviet/contracts/hangviet/certification/v1/certificate';
import type { ProductCertificationServiceClient } from '@hangviet/contracts/hangviet/certification/v1/product_certification_service';
import { callUnary } from '@hangviet/service-kit';
import { isDuplicateKey } from '@hangviet/service-kit/mongo-errors';
import type { Logger } from '@hangviet/service-kit';
import type { BusinessProduct, CertificationPort } from '../application/ports';
import type { Collections, KnownProductDocument } from './models';

type HeldCertificate = NonNullable<KnownProductDocument['certificates']>[string];
const keyOf = (number: string) => number.replace(/[.$]/g, '_');
export const VALID_CERTIFICATE = new Set([CertificateStatus.CERTIFICATE_STATUS_VALID, CertificateStatus.CERTIFICATE_STATUS_EXPIRING]);

export const heldCertificate = (c: Certificate): HeldCertificate => ({
  number: c.number,
  scheme: CertificationScheme[c.scheme]?.replace(/^CERTIFICATION_SCHEME_/, '') ?? 'UNSPECIFIED',
  ocopStars: c.scheme === CertificationScheme.CERTIFICATION_SCHEME_OCOP ? c.stars : 0,
});

/** Calls in flight to the certification service while ranking. */
const FRESH_CONCURRENCY = 32;

export class ProjectedCertifications implements CertificationPort {
  constructor(
    private readonly c: Collections,
    private readonly client?: ProductCertificationServiceClient,
    private readonly logger?: Logger,
  ) {}

  async productsOf(businessId: string, opts: { fresh?: boolean } = {}): Promise<BusinessProduct[]> {
    return (await this.productsOfMany([businessId], opts)).get(businessId) ?? [];
  }

  async productsOfMany(businessIds: readonly string[], opts: { fresh?: boolean } = {}): Promise<Map<string, BusinessProduct[]>> {
    const ids = [...new Set(businessIds)];
    const docs = await this.c.products.find({ businessId: { $in: ids }, status: { $ne: 'WITHDRAWN' } }).toArray();
    const byBusiness = new Map<string, KnownProductDocument[]>();
    for (const d of docs) byBusiness.set(d.businessId, [...(byBusiness.get(d.businessId) ?? []), d]);
    const fresh = new Map<string, Map<string, HeldCertificate[]>>();
    if (opts.fresh) {
      // Bounded concurrency; after the first call that gets no answer, the rest read the copy (a service that
      // is down would otherwise cost every business a deadline).
      let answering = true;
      const asking = [...byBusiness.keys()];
      const worker = async () => {
        for (let id = asking.shift(); id !== undefined && answering; id = asking.shift()) {
          const held = await this.askCertificates(id);
          if (held) fresh.set(id, held);
          else answering = false;
        }
      };
      await Promise.all(Array.from({ length: Math.min(FRESH_CONCURRENCY, asking.length) }, worker));
    }
    const result = new Map<string, BusinessProduct[]>(ids.map((id) => [id, []]));
    for (const [businessId, products] of byBusiness) {
      const asked = fresh.get(businessId);
      result.set(businessId, products.map((d) => {
        const certificates = asked ? (asked.get(d._id) ?? []) : Object.values(d.certificates ?? {});
        return { id: d._id, name: d.name, certified: certificates.length > 0, ocopStars: Math.max(0, ...certificates.map((c) => c.ocopStars)) };
      }));
    }
    return result;
  }

  /** The business's valid certificates by product, or undefined when the certification service cannot say. */
  private async askCertificates(businessId: string): Promise<Map<string, HeldCertificate[]> | undefined> {
    if (!this.client) return undefined;
    const byProduct = new Map<string, HeldCertificate[]>();
    try {
      let pageToken = '';
      for (let page = 0; page < 20; page++) {
        const res = await callUnary(this.client, this.client.listCertificates, { businessId, pageSize: 100, pageToken, scheme: 0, status: 0 });
        for (const cert of res.certificates) {
          if (!VALID_CERTIFICATE.has(cert.status)) continue;
          byProduct.set(cert.productId, [...(byProduct.get(cert.productId) ?? []), heldCertificate(cert)]);
        }
        pageToken = res.nextPageToken;
        if (!pageToken) break;
      }
      return byProduct;
    } catch (err) {
      this.logger?.warn({ code: (err as grpc.ServiceError).code, businessId }, 'certification service did not answer: using the certificates known from events');
      return undefined;
    }
  }

  /** A product registered, changed, listed or withdrawn; guarded by its version, so replays change nothing. */
  async recordProduct(p: { id: string; businessId: string; name: string; status?: string; version?: number }): Promise<void> {
    try {
      await this.c.products.updateOne(
        { _id: p.id, version: { $lt: p.version ?? 0 } },
        { $set: { businessId: p.businessId, name: p.name, status: p.status ?? 'LISTED', version: p.version ?? 0 } },
        { upsert: true },
      );
    } catch (err) {
      if (!isDuplicateKey(err)) throw err; // else an as-new or newer version is stored
    }
  }

  /** A certificate issued or restored (valid) or expired, suspended, revoked (not): set by number, never counted. */
  async recordCertificate(productId: string, businessId: string, productName: string, cert: HeldCertificate, valid: boolean): Promise<void> {
    await this.recordProduct({ id: productId, businessId, name: productName, version: -1 });
    const field = `certificates.${keyOf(cert.number)}`;
    await this.c.products.updateOne({ _id: productId }, valid ? { $set: { [field]: cert } } : { $unset: { [field]: '' } });
  }
}
