// Driving the OCOP flow over REST, as enterprise and staff would.
import { OCOP_CRITERIA } from '../../src/domain/ocop-criteria';
import type { CriterionScore } from '../../src/domain/score-sheet';
import { bearer } from '@hangviet/service-testing';
import type { Harness } from './start-certification';

/** A full sheet totalling `total`: every criterion at its maximum (they sum to 100), less the shortfall from the first ones. */
export function sheetOf(total: number): CriterionScore[] {
  let shortfall = 100 - total;
  return OCOP_CRITERIA.map((c) => {
    const cut = Math.min(c.max, shortfall);
    shortfall -= cut;
    return { criterion: c.code, points: c.max - cut, scorer: 'Hội đồng OCOP tỉnh' };
  });
}

export async function expectOk<T extends { status: number; body: unknown }>(res: T, status = 200): Promise<T> {
  if (res.status !== status) throw new Error(`expected ${status}, got ${res.status}: ${JSON.stringify(res.body)}`);
  return res;
}

/** Registers a product of `businessId` as its owner and applies for OCOP; returns the ids. */
export async function productAndApplication(h: Harness, businessId: string, name = 'Kẹo dừa sáp Bến Tre') {
  const owner = await h.token({ role: 'enterprise', businessId, subject: `owner-${businessId}` });
  const product = await expectOk(
    await h.http.post('/v1/products').set(bearer(owner)).send({ businessId, name, group: 'FOOD', gtin: '8934563138165', rawMaterialOrigin: { localPercent: 80, domesticPercent: 20, importedPercent: 0 } }),
    201,
  );
  const application = await expectOk(
    await h.http.post('/v1/certification-applications').set(bearer(owner)).send({ productId: product.body.id, scheme: 'OCOP', round: { year: 2026, number: 1 } }),
    201,
  );
  return { owner, productId: product.body.id as string, applicationId: application.body.id as string };
}

/** Staff review and score an application up to the decision. */
export async function reviewAndScore(h: Harness, applicationId: string, total: number) {
  const staff = await h.token({ role: 'staff', subject: 'secretariat-1' });
  const base = `/v1/certification-applications/${applicationId}`;
  await expectOk(await h.http.post(`${base}:reviewCommune`).set(bearer(staff)).send({ reviewer: 'UBND phường An Hội', localRawMaterial: true, localLabour: true, localIdea: true }));
  return expectOk(await h.http.post(`${base}:score`).set(bearer(staff)).send({ scores: sheetOf(total) }));
}

export async function decide(h: Harness, applicationId: string, decisionNumber = '5445/QĐ-UBND') {
  const staff = await h.token({ role: 'staff', subject: 'secretariat-1' });
  return h.http.post(`/v1/certification-applications/${applicationId}:decide`).set(bearer(staff)).send({ decisionNumber, decisionDate: '2026-11-20' });
}
