// The certification service's product and certificate events → this service's copy of each business's
// products and valid certificates (used when that service cannot be asked). Idempotent: products
// guarded by version, certificates set by number (never counted).
import type { Certificate } from '@hangviet/contracts/hangviet/certification/v1/certificate';
import { ProductStatus, type ProductSnapshot } from '@hangviet/contracts/hangviet/certification/v1/product';
import { defineConsumer } from '@hangviet/events';
import {
  CertificateExpired, CertificateIssued, CertificateRestored, CertificateRevoked, CertificateSuspended,
  ProductListed, ProductRegistered, ProductUpdated, ProductWithdrawn,
} from '@hangviet/events/catalog';
import { SERVICE_NAME } from '../config';
import { heldCertificate, VALID_CERTIFICATE, type ProjectedCertifications } from '../infrastructure/product-certifications';

export function certificationConsumer(certifications: ProjectedCertifications, { groupPrefix = '' } = {}) {
  return defineConsumer({
    name: 'certification',
    group: `${groupPrefix}${SERVICE_NAME}.certification`,
    events: [ProductRegistered, ProductUpdated, ProductListed, ProductWithdrawn, CertificateIssued, CertificateRestored, CertificateExpired, CertificateSuspended, CertificateRevoked],
    handle: async (event) => {
      const data = event.data as { product?: ProductSnapshot; certificate?: Certificate };
      if (event.type.startsWith('hangviet.certification.product.')) {
        const p = data.product;
        if (!p) throw new Error(`${event.type} ${event.id} carries no product`); // retried, then dead-lettered
        await certifications.recordProduct({ id: p.id, businessId: p.businessId, name: p.name, status: ProductStatus[p.status]?.replace(/^PRODUCT_STATUS_/, '') ?? 'UNSPECIFIED', version: Number(p.version) });
        return;
      }
      const c = data.certificate;
      if (!c) throw new Error(`${event.type} ${event.id} carries no certificate`);
      await certifications.recordCertificate(c.productId, c.businessId, c.productName, heldCertificate(c), VALID_CERTIFICATE.has(c.status));
    },
  });
}
