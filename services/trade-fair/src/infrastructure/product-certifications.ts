// The certification port over this service's copy of a business's products and their valid
// certificates, kept from the certification service's events (consumers/certificate.consumer.ts).
import type { BusinessProduct, CertificationPort } from '../application/ports';
import type { Collections, KnownProductDocument } from './models';

export class ProjectedCertifications implements CertificationPort {
  constructor(private readonly c: Collections) {}

  async productsOf(businessId: string): Promise<BusinessProduct[]> {
    const docs = await this.c.products.find({ businessId }).toArray();
    return docs.map((d) => {
      const certificates = d.certificates ?? [];
      return { id: d._id, name: d.name, certified: certificates.length > 0, ocopStars: Math.max(0, ...certificates.map((c) => c.ocopStars)) };
    });
  }

  /** Records a product, or a certificate granted or withdrawn; idempotent (sets, never increments). */
  async recordProduct(p: { id: string; businessId: string; name: string }): Promise<void> {
    await this.c.products.updateOne({ _id: p.id }, { $set: { businessId: p.businessId, name: p.name } }, { upsert: true });
  }

  async recordCertificate(productId: string, businessId: string, productName: string, cert: KnownProductDocument['certificates'][number], valid: boolean): Promise<void> {
    await this.recordProduct({ id: productId, businessId, name: productName });
    await this.c.products.updateOne({ _id: productId }, { $pull: { certificates: { number: cert.number } } });
    if (valid) await this.c.products.updateOne({ _id: productId }, { $push: { certificates: cert } });
  }
}
