// Demo data for a fresh local install (`npm start`, SEED_DEMO_DATA=true): a 4★ OCOP coconut candy of the
// registry's demo business "Kẹo dừa Thanh Long" (former Bến Tre, now Vĩnh Long), taken through the real
// flow so every event is published (the registry shows the badge), and its HVNCLC title for the year.
// The registry seeds its directory at the same start: until it answers, the job tries again.
import type { Principal } from '@hangviet/service-kit';
import { generateTaxCode } from '@hangviet/vn';
import { OCOP_CRITERIA } from '../domain/ocop-criteria';
import { decideApplication } from './decide-application';
import { listProduct } from './list-product';
import type { ProductCertificationDeps } from './ports';
import { recordCertificate } from './record-certificate';
import { registerProduct } from './register-product';
import { reviewCommune } from './review-commune';
import { scoreApplication } from './score-application';
import { submitApplication } from './submit-application';

/** The registry's first demo row (its seed-data.ts: demo tax codes are generateTaxCode(n + 1, '13')). */
export const DEMO_TAX_CODE = generateTaxCode(1, '13');
const SEED: Principal = { subject: 'seed', roles: ['staff'] };

/** The council's sheet for the demo: 82 points (every criterion at its maximum but the first ones). */
function demoSheet(total: number) {
  let shortfall = 100 - total;
  return OCOP_CRITERIA.map((c) => {
    const cut = Math.min(c.max, shortfall);
    shortfall -= cut;
    return { criterion: c.code, points: c.max - cut, scorer: 'Hội đồng đánh giá OCOP tỉnh Vĩnh Long (dữ liệu mẫu)' };
  });
}

/** Seeds once; returns what it did. 'waiting' when the registry does not know the demo business yet. */
export async function seedDemoCertificates(deps: ProductCertificationDeps): Promise<'seeded' | 'present' | 'waiting'> {
  const business = await deps.registry.findByTaxCode(DEMO_TAX_CODE);
  if (!business || business.status !== 'ACTIVE') return 'waiting';
  await deps.businesses.record(business);
  if ((await deps.products.list({ businessId: business.id, publicOnly: false }, { pageSize: 1 })).items.length > 0) return 'present';

  const product = await registerProduct(deps, {
    principal: SEED,
    businessId: business.id,
    details: {
      name: 'Kẹo dừa sáp Thanh Long',
      englishName: 'Thanh Long soft coconut candy',
      group: 'FOOD',
      description: 'Kẹo dừa truyền thống Mỏ Cày từ cơm dừa sáp, mạch nha và đường thốt nốt; không chất bảo quản.',
      specification: 'Hộp 400 g, 20 gói x 20 g',
      gtin: '8934563138165',
      rawMaterialOrigin: { localPercent: 85, domesticPercent: 15, importedPercent: 0 },
    },
  });
  await listProduct(deps, { principal: SEED, id: product.id });
  const application = await submitApplication(deps, { principal: SEED, productId: product.id, round: { year: 2025, number: 2 }, dossier: 'Hồ sơ mẫu' });
  await reviewCommune(deps, { principal: SEED, id: application.id, reviewer: 'UBND xã Mỏ Cày', localRawMaterial: true, localLabour: true, localIdea: true, note: 'Đề nghị xét (dữ liệu mẫu)' });
  await scoreApplication(deps, { principal: SEED, id: application.id, scores: demoSheet(82) });
  await decideApplication(deps, { principal: SEED, id: application.id, decisionNumber: '5445/QĐ-UBND', decisionDate: new Date('2025-12-15T00:00:00Z') });
  const year = deps.now().getUTCFullYear();
  await recordCertificate(deps, {
    principal: SEED,
    scheme: 'HVNCLC',
    businessId: business.id,
    decisionNumber: `12/QĐ-HVNCLC`,
    decisionDate: new Date(Date.UTC(year, 0, 10)),
    issuer: 'Hội Doanh nghiệp Hàng Việt Nam chất lượng cao',
    year,
  });
  return 'seeded';
}
