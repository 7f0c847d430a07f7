// The demo directory main.ts seeds into an empty database.
import { parseTaxCode } from '@hangviet/vn';
import { DEMO_BUSINESSES, seedDemoDirectory } from '../src/infrastructure/seed-data';
import { bearer } from '@hangviet/service-testing';
import { startRegistry, type Harness } from './support/start-registry';

let h: Harness;

beforeAll(async () => {
  h = await startRegistry('registry_seed', { SEED_DEMO_DATA: 'true' });
}, 120_000);

afterAll(async () => {
  await h?.stop();
}, 60_000);

interface Item {
  taxCode: string;
  type: string;
  status: string;
  address: { provinceCode: string };
  legacyAddress?: { provinceName: string };
}

describe('the demo directory', () => {
  it('is seeded at start-up with valid synthetic tax codes and mapped Bến Tre addresses', async () => {
    const res = await h.http.get('/v1/businesses').query({ pageSize: 100 }).set(bearer(h.tokens.staff));
    const items = res.body.items as Item[];
    expect(items).toHaveLength(DEMO_BUSINESSES.length);
    expect(items.length).toBeGreaterThanOrEqual(40);
    for (const b of items) {
      expect(parseTaxCode(b.taxCode, { allowPersonalId: b.type === 'HOUSEHOLD' })).toMatchObject({ ok: true, value: b.taxCode });
    }
    const formerBenTre = items.filter((b) => b.legacyAddress?.provinceName === 'Bến Tre');
    expect(formerBenTre.length).toBeGreaterThanOrEqual(4);
    expect(formerBenTre.every((b) => b.address.provinceCode === '86')).toBe(true);
    expect(items.filter((b) => b.address.provinceCode === '20').length).toBeGreaterThanOrEqual(8);
    expect(new Set(items.map((b) => b.status))).toEqual(new Set(['ACTIVE', 'PENDING_REVIEW', 'SUSPENDED']));
  });

  it('is public for the ACTIVE part and seeds nothing twice', async () => {
    const candy = await h.http.get('/v1/businesses').query({ q: 'keo dua' });
    expect(candy.body.items.length).toBeGreaterThanOrEqual(3);
    expect(await seedDemoDirectory(h.parts)).toBe(0);
  });
});
