// With the real registry beside it: the full OCOP flow from product to certificate ends with the badge
// on the business's directory profile (and the directory filters by it); suspending the business
// suspends its certificates, reinstating restores them, dissolving revokes them.
import { randomUUID } from 'node:crypto';
import { seedDemoDirectory } from '@hangviet/business-registry/dist/infrastructure/seed-data';
import { DEMO_TAX_CODE, seedDemoCertificates } from '../src/application/seed-demo';
import { bearer, eventually } from '@hangviet/service-testing';
import { startCertification, type Harness } from './support/start-certification';
import { decide, expectOk, productAndApplication, reviewAndScore } from './support/ocop';
import { startRegistryBeside } from './support/registry';

let h: Harness;
let registry: Awaited<ReturnType<typeof startRegistryBeside>>;
const REGISTRATION_CERTIFICATE = Buffer.from('%PDF-1.7\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');
let taxSeq = 700_000 + Math.floor(Math.random() * 200_000);

beforeAll(async () => {
  const { testScope } = await import('@hangviet/testing');
  const prefix = testScope('cert-flow-topics').topic('');
  registry = await startRegistryBeside('cert-flow-registry', prefix);
  h = await startCertification('cert-flow', { KAFKA_TOPIC_PREFIX: prefix, BUSINESS_REGISTRY_GRPC_ADDRESS: registry.grpcAddress, REGISTRY_DEADLINE_MS: '3000' }, { keys: registry.keys });
  await h.listen('hangviet.certification.certificate');
}, 120_000);

afterAll(async () => {
  await h?.stop();
  await registry?.stop();
}, 60_000);

/**
 * A business registered by its owner and approved by staff in the registry; with `transferTo`, registered by
 * `squatter-<id>` and transferred by staff to that subject before the approval (issue 20, finding 1).
 */
async function activeBusiness(opts: { transferTo?: string } = {}): Promise<string> {
  const { generateTaxCode } = await import('@hangviet/vn');
  const id = randomUUID();
  const owner = await registry.token({ role: 'enterprise', businessId: id, subject: opts.transferTo ? `squatter-${id}` : `owner-${id}` });
  const staff = await registry.token({ role: 'staff', subject: 'registry-staff' });
  await expectOk(
    await registry.http
      .post('/v1/businesses')
      .set(bearer(owner))
      .send({
        taxCode: generateTaxCode(++taxSeq, '83'),
        type: 'COOPERATIVE',
        legalName: 'Hợp tác xã Kẹo dừa Thanh Long',
        tradeName: 'HTX Kẹo dừa Thanh Long',
        address: { provinceCode: '86', wardCode: '28903', street: '12 Quốc lộ 60' },
        industries: [{ edition: '2018', code: '1073' }],
        contact: { email: 'lienhe@example.vn', phone: '0912 345 678' },
      }),
    201,
  );
  // Staff approve a self-registration only with its registration certificate attached (issue 12).
  await expectOk(await registry.http.put(`/v1/businesses/${id}/evidence`).set(bearer(owner)).set('Content-Type', 'application/pdf').send(REGISTRATION_CERTIFICATE));
  if (opts.transferTo) {
    await expectOk(await registry.http.post(`/v1/businesses/${id}:transfer`).set(bearer(staff)).send({ toSubject: opts.transferTo, reason: 'Giấy chứng nhận ĐKKD đứng tên chủ thật' }));
  }
  await expectOk(await registry.http.post(`/v1/businesses/${id}:approve`).set(bearer(staff)).send({}));
  return id;
}

const certStatus = async (number: string) => (await h.http.get(`/v1/certificates/${number}`)).body.status as string;

describe('with the registry', () => {
  it('runs the full OCOP flow from product to certificate, and the badge appears on the directory profile', async () => {
    const businessId = await activeBusiness();
    // The registry answers over gRPC before (or without) its approval event arriving.
    const { applicationId, owner } = await productAndApplication(h, businessId);
    expect((await h.http.get(`/v1/certification-applications/${applicationId}`).set(bearer(owner))).body).toMatchObject({ status: 'SUBMITTED', businessId });
    const scored = await reviewAndScore(h, applicationId, 81);
    expect(scored.body).toMatchObject({ status: 'PROVINCIAL_SCORED', score: { total: 81, stars: 4 } });
    const decided = await expectOk(await decide(h, applicationId));
    const number = decided.body.certificate.number as string;
    expect(decided.body).toMatchObject({ status: 'DECIDED', decision: { number: '5445/QĐ-UBND', certificateNumber: number } });
    expect(decided.body.certificate).toMatchObject({ scheme: 'OCOP', stars: 4, status: 'VALID', businessName: 'HTX Kẹo dừa Thanh Long', productName: 'Kẹo dừa sáp Bến Tre' });

    const profile = await eventually(async () => { const b = await (await registry.http.get(`/v1/businesses/${businessId}`)).body; return (Array.isArray(b.badges) && b.badges.length > 0) && b; }, 'Array.isArray(b.badges) && b.badges.length > 0');
    expect(profile.badges).toEqual([expect.objectContaining({ number, scheme: 'OCOP', stars: 4, status: 'VALID', productName: 'Kẹo dừa sáp Bến Tre' })]);
    const fourStars = await registry.http.get('/v1/businesses').query({ minStars: 4 });
    expect(fourStars.body.items.map((b: { id: string }) => b.id)).toContain(businessId);
    const fiveStars = await registry.http.get('/v1/businesses').query({ minStars: 5 });
    expect(fiveStars.body.items.map((b: { id: string }) => b.id)).not.toContain(businessId);
    const vietgap = await registry.http.get('/v1/businesses').query({ scheme: 'VIETGAP' });
    expect(vietgap.body.items.map((b: { id: string }) => b.id)).not.toContain(businessId);
  });

  it('suspends the certificates with the business, restores them on reinstatement, and revokes them on dissolution', async () => {
    const businessId = await activeBusiness();
    const staff = await registry.token({ role: 'staff', subject: 'registry-staff' });
    const numbers: string[] = [];
    for (const total of [72, 85]) {
      const { applicationId } = await productAndApplication(h, businessId);
      await reviewAndScore(h, applicationId, total);
      numbers.push((await expectOk(await decide(h, applicationId))).body.certificate.number);
    }
    await expectOk(await registry.http.post(`/v1/businesses/${businessId}:suspend`).set(bearer(staff)).send({ reason: 'Kiểm tra an toàn thực phẩm' }));
    for (const n of numbers) await eventually(async () => { const s = await certStatus(n); return (s === 'SUSPENDED') && s; }, 's === \'SUSPENDED\'');
    // A suspended business cannot apply or add products.
    const owner = await h.token({ role: 'enterprise', businessId, subject: `owner-${businessId}` });
    const refused = await h.http.post('/v1/products').set(bearer(owner)).send({ businessId, name: 'Bánh tráng', group: 'FOOD' });
    expect(refused.status).toBe(422);
    expect(refused.body.errors[0]).toMatchObject({ field: 'businessId', code: 'BUSINESS_NOT_ACTIVE' });

    await expectOk(await registry.http.post(`/v1/businesses/${businessId}:reinstate`).set(bearer(staff)).send({ reason: 'Đạt yêu cầu' }));
    for (const n of numbers) await eventually(async () => { const s = await certStatus(n); return (s === 'VALID') && s; }, 's === \'VALID\'');

    await expectOk(await registry.http.post(`/v1/businesses/${businessId}:dissolve`).set(bearer(staff)).send({ reason: 'Giải thể' }));
    for (const n of numbers) await eventually(async () => { const s = await certStatus(n); return (s === 'REVOKED') && s; }, 's === \'REVOKED\'');
    const types = (n: string) => h.received.filter((e) => e.subject === n).map((e) => e.type.replace('hangviet.certification.certificate.', ''));
    // The status is read over REST as soon as it is written; the event reaches this listener through Kafka a little later.
    for (const n of numbers) await eventually(async () => { const t = await types(n); return t.includes('revoked.v1') && t; }, 't.includes("revoked.v1")');
    for (const n of numbers) expect(types(n)).toEqual(['issued.v1', 'suspended.v1', 'restored.v1', 'revoked.v1']);
    // And the profile shows no badge of a revoked certificate.
    const profile = await eventually(async () => { const b = await (await registry.http.get(`/v1/businesses/${businessId}`).set(bearer(staff))).body; return (Array.isArray(b.badges) && b.badges.length === 0) && b; }, 'Array.isArray(b.badges) && b.badges.length === 0');
    expect(profile.status).toBe('DISSOLVED');
  });

  it('seeds a 4★ OCOP coconut candy of the demo Bến Tre business once the registry has its demo directory', async () => {
    expect(await seedDemoCertificates(h.parts)).toBe('waiting');
    await seedDemoDirectory(registry.parts);
    expect(await seedDemoCertificates(h.parts)).toBe('seeded');
    expect(await seedDemoCertificates(h.parts)).toBe('present');
    const demo = await eventually(async () => { const items = await ((await registry.http.get('/v1/businesses').query({ q: 'Kẹo dừa Thanh Long', minStars: 4 })).body.items as { id: string; taxCode: string }[]).filter((b) => b.taxCode === DEMO_TAX_CODE); return (items.length === 1) && items; }, 'items.length === 1');
    const profile = await eventually(async () => { const b = await (await registry.http.get(`/v1/businesses/${demo[0]!.id}`)).body; return (Array.isArray(b.badges) && b.badges.length === 2) && b; }, 'Array.isArray(b.badges) && b.badges.length === 2');
    expect(profile.badges).toEqual([
      expect.objectContaining({ scheme: 'OCOP', stars: 4, productName: 'Kẹo dừa sáp Thanh Long', status: 'VALID' }),
      expect.objectContaining({ scheme: 'HVNCLC', stars: 0 }),
    ]);
  });

  it('a squatter whose registration staff transferred and approved is refused with its old token; the rightful owner is not (issue 20, finding 1)', async () => {
    const rightfulSubject = `rightful-${randomUUID()}`;
    const businessId = await activeBusiness({ transferTo: rightfulSubject });
    // The copy hears of the approval (owner and all) from the registry's event.
    await eventually(async () => { const b = await h.parts.businesses.stored(businessId); return b?.status === 'ACTIVE' && b.ownerSubject === rightfulSubject && b; }, 'b?.status === "ACTIVE" && b.ownerSubject === rightfulSubject');
    const squatter = await h.token({ role: 'enterprise', businessId, subject: `squatter-${businessId}` });
    const rightful = await h.token({ role: 'enterprise', businessId, subject: rightfulSubject });
    const product = { businessId, name: 'Kẹo dừa sáp', group: 'FOOD', rawMaterialOrigin: { localPercent: 80, domesticPercent: 20, importedPercent: 0 } };

    const squatted = await h.http.post('/v1/products').set(bearer(squatter)).send(product);
    expect({ status: squatted.status, code: squatted.body.code }).toEqual({ status: 403, code: 'NOT_OWNER' });
    const own = await expectOk(await h.http.post('/v1/products').set(bearer(rightful)).send(product), 201);
    const listing = await h.http.post(`/v1/products/${own.body.id}:list`).set(bearer(squatter)).send({});
    expect({ status: listing.status, code: listing.body.code }).toEqual({ status: 403, code: 'NOT_OWNER' });
    const ocop = { productId: own.body.id, scheme: 'OCOP', round: { year: 2026, number: 1 } };
    const applied = await h.http.post('/v1/certification-applications').set(bearer(squatter)).send(ocop);
    expect({ status: applied.status, code: applied.body.code }).toEqual({ status: 403, code: 'NOT_OWNER' });
    expect((await h.http.get(`/v1/products/${own.body.id}`).set(bearer(squatter))).status).toBe(404);

    await expectOk(await h.http.post(`/v1/products/${own.body.id}:list`).set(bearer(rightful)).send({}));
    const application = await expectOk(await h.http.post('/v1/certification-applications').set(bearer(rightful)).send(ocop), 201);
    const theirs = await h.http.get('/v1/certification-applications').set(bearer(squatter));
    expect(theirs.body.items).toEqual([]);
    expect((await h.http.get(`/v1/certification-applications/${application.body.id}`).set(bearer(squatter))).status).toBe(404);
  });
});
