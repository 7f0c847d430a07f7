// Certification's product and certificate events → the supplier copy's listed products (group, declared
// inputs) and certificates (scheme, stars, valid or not). Idempotent: each guarded by its own version.
import { CertificateStatus, CertificationScheme, type Certificate } from '@hangviet/contracts/hangviet/certification/v1/certificate';
import { OcopProductGroup, ProductStatus, type ProductSnapshot } from '@hangviet/contracts/hangviet/certification/v1/product';
import { defineConsumer } from '@hangviet/events';
import {
  CertificateExpired, CertificateExtended, CertificateIssued, CertificateRestored, CertificateRevoked, CertificateSuspended,
  ProductListed, ProductRegistered, ProductUpdated, ProductWithdrawn,
} from '@hangviet/events/catalog';
import { SERVICE_NAME } from '../config';
import type { MongoSupplierDirectory } from '../infrastructure/mongo-suppliers';

const VALID = new Set([CertificateStatus.CERTIFICATE_STATUS_VALID, CertificateStatus.CERTIFICATE_STATUS_EXPIRING]);
const name = (enumeration: Record<number, string>, value: number, prefix: string) => (enumeration[value] ?? '').replace(prefix, '');

export function certificationConsumer(suppliers: MongoSupplierDirectory, { groupPrefix = '' } = {}) {
  return defineConsumer({
    name: 'certification',
    group: `${groupPrefix}${SERVICE_NAME}.certification`,
    events: [ProductRegistered, ProductUpdated, ProductListed, ProductWithdrawn, CertificateIssued, CertificateRestored, CertificateExtended, CertificateExpired, CertificateSuspended, CertificateRevoked],
    handle: async (event) => {
      const data = event.data as { product?: ProductSnapshot; certificate?: Certificate };
      const time = new Date(event.time);
      if (event.type.startsWith('hangviet.certification.product.')) {
        const p = data.product;
        if (!p) throw new Error(`${event.type} ${event.id} carries no product`);
        const origin = p.rawMaterialOrigin;
        await suppliers.recordProduct(
          {
            businessId: p.businessId,
            id: p.id,
            name: p.name,
            group: p.group === OcopProductGroup.OCOP_PRODUCT_GROUP_UNSPECIFIED ? '' : name(OcopProductGroup, p.group, 'OCOP_PRODUCT_GROUP_'),
            status: name(ProductStatus, p.status, 'PRODUCT_STATUS_'),
            domesticPercent: origin ? origin.localPercent + origin.domesticPercent : 0,
            version: Number(p.version),
          },
          time,
        );
        return;
      }
      const c = data.certificate;
      if (!c) throw new Error(`${event.type} ${event.id} carries no certificate`);
      await suppliers.recordCertificate(
        {
          businessId: c.businessId,
          number: c.number,
          scheme: name(CertificationScheme, c.scheme, 'CERTIFICATION_SCHEME_'),
          stars: c.scheme === CertificationScheme.CERTIFICATION_SCHEME_OCOP ? c.stars : 0,
          productId: c.productId,
          productName: c.productName,
          valid: VALID.has(c.status),
          version: Number(c.version),
        },
        time,
      );
    },
  });
}
