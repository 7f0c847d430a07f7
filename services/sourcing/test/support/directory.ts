// Test support: the directory's and certification's events that fill the service's supplier copy, as
// business-registry and product-certification publish them.
import { CertificateStatus, CertificationScheme } from '@hangviet/contracts/hangviet/certification/v1/certificate';
import { CertificateIssued as CertificateIssuedMessage, ProductListed as ProductListedMessage } from '@hangviet/contracts/hangviet/certification/v1/events';
import { OcopProductGroup, ProductStatus } from '@hangviet/contracts/hangviet/certification/v1/product';
import { BusinessStatus, IndustryEdition } from '@hangviet/contracts/hangviet/registry/v1/business';
import { BusinessApproved as BusinessApprovedMessage } from '@hangviet/contracts/hangviet/registry/v1/events';
import { BusinessApproved, CertificateIssued, ProductListed } from '@hangviet/events/catalog';
import { eventually, type ServiceHarness } from '@hangviet/service-testing';
import type { MongoSupplierDirectory } from '../../src/infrastructure/mongo-suppliers';

type Harness = Pick<ServiceHarness<unknown, unknown>, 'publish'> & { parts: { supplierDirectory: MongoSupplierDirectory } };

export interface DirectoryEntry {
  id: string;
  name: string;
  provinceCode: string;
  wardCode?: string;
  industry: string;
  /** Secondary industries (VSIC 2018 codes) the snapshot lists after the main one. */
  secondary?: string[];
  status?: BusinessStatus;
  /** A listed FOOD product, with its declared domestic share, and an OCOP certificate of these stars on it. */
  product?: { name: string; domesticPercent?: number; ocopStars?: number };
}

export async function publishEntry(h: Harness, e: DirectoryEntry): Promise<void> {
  const business = {
    id: e.id,
    tradeName: e.name,
    status: e.status ?? BusinessStatus.BUSINESS_STATUS_ACTIVE,
    version: '2',
    address: { provinceCode: e.provinceCode, wardCode: e.wardCode ?? '' },
    mainIndustry: { edition: IndustryEdition.INDUSTRY_EDITION_VSIC_2018, code: e.industry, name: '', main: true },
    industries: [
      { edition: IndustryEdition.INDUSTRY_EDITION_VSIC_2018, code: e.industry, name: '', main: true },
      ...(e.secondary ?? []).map((code) => ({ edition: IndustryEdition.INDUSTRY_EDITION_VSIC_2018, code, name: '', main: false })),
    ],
    contactEmail: `${e.id}@example.vn`,
    preferredLocale: 'vi',
    ownerSubject: `owner-${e.id}`,
  };
  await h.publish(BusinessApproved, e.id, BusinessApprovedMessage.fromPartial({ business }), { source: 'business-registry' });
  if (!e.product) return;
  const productId = `${e.id}-p`;
  const domestic = e.product.domesticPercent ?? 0;
  await h.publish(
    ProductListed,
    productId,
    ProductListedMessage.fromPartial({
      product: {
        id: productId,
        businessId: e.id,
        name: e.product.name,
        group: OcopProductGroup.OCOP_PRODUCT_GROUP_FOOD,
        status: ProductStatus.PRODUCT_STATUS_LISTED,
        rawMaterialOrigin: { localPercent: domestic, domesticPercent: 0, importedPercent: 100 - domestic },
        version: '2',
      },
    }),
    { source: 'product-certification' },
  );
  if (e.product.ocopStars) {
    await h.publish(
      CertificateIssued,
      `OCOP-${e.id}`,
      CertificateIssuedMessage.fromPartial({
        certificate: {
          number: `OCOP-${e.id}`,
          scheme: CertificationScheme.CERTIFICATION_SCHEME_OCOP,
          businessId: e.id,
          productId,
          productName: e.product.name,
          stars: e.product.ocopStars,
          status: CertificateStatus.CERTIFICATE_STATUS_VALID,
          version: '1',
        },
      }),
      { source: 'product-certification' },
    );
  }
}

/** Publishes the entries and waits until the service's copy holds each as published. */
export async function publishDirectory(h: Harness, entries: readonly DirectoryEntry[]): Promise<void> {
  for (const e of entries) await publishEntry(h, e);
  await eventually(async () => {
    for (const e of entries) {
      const s = await h.parts.supplierDirectory.find(e.id);
      if (!s || s.status === 'UNKNOWN') return false;
      if (e.product && s.products.length === 0) return false;
      if (e.product?.ocopStars && s.certificates.length === 0) return false;
    }
    return true;
  }, 'every directory entry copied');
}
