// The indicator projection end to end, against the real Kafka and database: a known set of events from the other
// services gives exactly the figures computed by hand; redelivered and replayed events change nothing; a
// revocation moves certificates.issued back; `npm run campaign:rebuild` replays the topics into a fresh
// projection with identical figures; the records behind a figure; who may ask.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { bearer, eventually, startServiceHarness } from '@hangviet/service-testing';
import { MongoClient } from 'mongodb';
import { projectEvent } from '../src/application/project-event';
import { MongoProjection } from '../src/infrastructure/mongo-projection';
import { sourceEventOf } from '../src/infrastructure/source-events';
import { campaignResultsService } from '../src/service';
import { EXPECTED_2025, EXPECTED_2026, knownSet, type PlatformEvent } from './support/platform-events';

const start = () => startServiceHarness(campaignResultsService, { label: 'campaign_indicators' });
let h: Awaited<ReturnType<typeof start>>;
const set = knownSet('k');

type Item = { code: string; value: number; previousYearValue: number; records: number };
async function figures(query: string): Promise<Record<string, Item>> {
  const res = await h.http.get(`/v1/indicators?${query}`).set(bearer(h.tokens.staff));
  expect(res.status).toBe(200);
  return Object.fromEntries((res.body.items as Item[]).map((i) => [i.code, i]));
}
const values = (items: Record<string, Item>) => Object.fromEntries(Object.entries(items).filter(([, i]) => i.value !== 0).map(([code, i]) => [code, i.value]));
const send = (e: PlatformEvent) => h.publish(e.definition, e.subject, e.data, { id: e.id, time: e.time, source: 'test' });
const canonical = (figures: Record<string, number>) => JSON.stringify(Object.entries(figures).filter(([, v]) => v !== 0).sort(([x], [y]) => x.localeCompare(y)));
/** Waits until the figures of the year are exactly `expected` (every other code 0). */
const settle = (year: number, expected: Record<string, number>) =>
  eventually(async () => {
    const now = values(await figures(`year=${year}`));
    return canonical(now) === canonical(expected) && now;
  }, `the figures of ${year} to be ${JSON.stringify(expected)}`);
const codes = Object.keys(EXPECTED_2026);

beforeAll(async () => {
  h = await start();
  for (const e of set.events) await send(e);
}, 240_000);

afterAll(async () => {
  await h?.stop();
}, 60_000);

describe('the indicator projection', () => {
  it('gives exactly the hand-computed figures of the known set, and a revocation moves certificates.issued back', async () => {
    expect(codes.length).toBeGreaterThan(15);
    await settle(2026, { ...EXPECTED_2026, 'certificates.issued': 2, 'certificates.revoked': 0 });
    await send(set.revocation);
    const after = await settle(2026, EXPECTED_2026);
    expect(after['certificates.issued']).toBe(1);
    const items = await figures('year=2026');
    expect(items['certificates.issued']).toMatchObject({ value: 1, previousYearValue: 1, records: 1 });
    expect(items['businesses.registered']).toMatchObject({ value: 1, previousYearValue: 1 });
    expect(values(await figures('year=2025'))).toEqual(EXPECTED_2025);
  });

  it('counts a redelivered event once and ignores an older version replayed after a newer one', async () => {
    await settle(2026, EXPECTED_2026);
    // Through the projection itself (below the consumer's marks): every event of the set again changes nothing.
    const outcomes = new Set<string>();
    for (const e of [...set.events, set.revocation]) {
      const source = sourceEventOf({ id: e.id, type: e.definition.type, time: e.time.toISOString(), data: e.data });
      outcomes.add(await projectEvent(h.parts, source!));
    }
    expect([...outcomes].sort()).toEqual(['duplicate', 'stale']);
    // Through Kafka, on the certificate's partition: the same deliveries again, the issued event (version 1) under a
    // new id after the revocation (version 2), then a marker of version 3 that changes no figure.
    const issued = set.events.find((e) => e.subject === set.ids.certificate2)!;
    for (const e of [issued, set.revocation, { ...issued, id: 'a-new-delivery-of-an-old-version' }]) await send(e);
    const marker = { ...set.revocation, id: 'marker', data: { ...(set.revocation.data as object), certificate: { ...(set.revocation.data as { certificate: object }).certificate, version: '3' } } };
    await send(marker);
    const records = h.service.host.db.collection('projection_records');
    await eventually(async () => (await records.findOne({ _id: `certificate:${set.ids.certificate2}` as never }))?.version === 3, 'the marker applied');
    expect(values(await figures('year=2026'))).toEqual(await settle(2026, EXPECTED_2026));
  });

  it('filters by quarter, province, ward, industry section and scheme', async () => {
    await settle(2026, EXPECTED_2026);
    expect(values(await figures('year=2026&quarter=4'))).toEqual({ 'fairs.market_sessions': 1, 'contracts.signed': 1, 'contracts.value_vnd': 250_000_000 });
    expect(values(await figures('year=2026&quarter=2'))).toEqual({ 'certificates.issued': 1, 'certificates.revoked': 1, 'reports.received': 1, 'reports.forwarded': 1, 'reports.closed': 1 });
    expect(values(await figures('year=2026&provinceCode=20'))).toEqual({ 'certificates.expired': 1 });
    expect(values(await figures('year=2026&wardCode=29299'))).toMatchObject({ 'businesses.registered': 1, 'certificates.issued': 1, 'reports.received': 1 });
    expect(values(await figures('year=2026&industrySection=G'))).toEqual({ 'certificates.expired': 1, 'booths.allocated': 1, 'fairs.participants': 1 });
    expect(values(await figures('year=2025&provinceCode=20'))).toEqual({ 'businesses.registered': 1, 'businesses.approved': 1, 'certificates.issued': 1, 'contracts.signed': 1, 'contracts.value_vnd': 40_000_000 });
    expect(values(await figures('year=2026&scheme=OCOP'))).toEqual({ 'certificates.issued': 1, 'certificates.revoked': 1 });
    expect(values(await figures('year=2026&scheme=VIETGAP'))).toEqual({ 'certificates.expired': 1 });
  });

  it('lists the records behind a figure, with links, paged', async () => {
    await settle(2026, EXPECTED_2026);
    const res = await h.http.get('/v1/indicators/certificates.issued/records?year=2026').set(bearer(h.tokens.staff));
    expect(res.status).toBe(200);
    expect(res.body.items).toEqual([expect.objectContaining({ recordId: set.ids.certificate1, kind: 'certificate', scheme: 'OCOP', stars: 4, provinceCode: '86', industrySection: 'C', day: '2026-04-01', link: `/v1/certificates/${set.ids.certificate1}` })]);
    const booths = await h.http.get('/v1/indicators/booths.allocated/records?year=2026&pageSize=1').set(bearer(h.tokens.staff));
    expect(booths.body.items).toHaveLength(1);
    expect(booths.body.nextPageToken).not.toBe('');
    const next = await h.http.get(`/v1/indicators/booths.allocated/records?year=2026&pageSize=1&pageToken=${encodeURIComponent(booths.body.nextPageToken)}`).set(bearer(h.tokens.staff));
    expect([...booths.body.items, ...next.body.items].map((r: { value: number }) => r.value).sort()).toEqual([1, 2]);
    expect(next.body.nextPageToken).toBe('');
    const mismatch = await h.http.get(`/v1/indicators/booths.allocated/records?year=2025&pageSize=1&pageToken=${encodeURIComponent(booths.body.nextPageToken)}`).set(bearer(h.tokens.staff));
    expect({ status: mismatch.status, code: mismatch.body.errors?.[0]?.code }).toEqual({ status: 422, code: 'PAGE_TOKEN_MISMATCH' });
    const unknown = await h.http.get('/v1/indicators/no.such/records?year=2026').set(bearer(h.tokens.staff));
    expect({ status: unknown.status, code: unknown.body.code }).toEqual({ status: 404, code: 'INDICATOR_NOT_FOUND' });
  });

  it('campaign:rebuild replays every topic into a fresh projection with identical figures', async () => {
    await settle(2026, EXPECTED_2026);
    const live = MongoProjection.of(h.service.host.db);
    const database = `${h.scope.databaseName}_rebuilt`;
    const url = new URL(h.scope.mongoUrl);
    url.pathname = `/${database}`;
    const run = spawnSync(process.execPath, [join(__dirname, '..', 'dist', 'cli', 'rebuild.js')], {
      env: { ...process.env, MONGO_URL: url.toString(), KAFKA_BROKERS: h.scope.kafkaBrokers.join(','), KAFKA_TOPIC_PREFIX: h.config.KAFKA_TOPIC_PREFIX, LOG_LEVEL: 'warn' },
      encoding: 'utf8',
      timeout: 120_000,
    });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/\[campaign:rebuild\] \d+ events → \d+ records, \d+ facts/);
    const client = await MongoClient.connect(url.toString());
    try {
      const rebuilt = MongoProjection.of(client.db(database));
      for (const filter of [{ year: 2026 }, { year: 2025 }, { year: 2026, provinceCode: '86' }, { year: 2026, scheme: 'OCOP' }, { year: 2026, quarter: 3 }]) {
        expect(Object.fromEntries(await rebuilt.totals(filter))).toEqual(Object.fromEntries(await live.totals(filter)));
      }
      expect(Object.fromEntries(await rebuilt.totals({ year: 2026 }))).toMatchObject({ 'certificates.issued': { sum: 1, count: 1 }, 'booths.allocated': { sum: 3, count: 2 } });
    } finally {
      await client.db(database).dropDatabase();
      await client.close();
    }
  });

  it('answers staff only: 401 without a token, 403 for an enterprise or a partner, 422 naming a bad filter', async () => {
    const anonymous = await h.http.get('/v1/indicators?year=2026');
    const enterprise = await h.http.get('/v1/indicators?year=2026').set(bearer(await h.tokens.enterprise(set.ids.B1)));
    const partner = await h.http.get('/v1/indicators/certificates.issued/records?year=2026').set(bearer(h.tokens.partner));
    const bad = await h.http.get('/v1/indicators?year=26&provinceCode=8').set(bearer(h.tokens.staff));
    expect([anonymous, enterprise, partner, bad].map((r) => [r.status, r.body.code])).toEqual([
      [401, 'TOKEN_MISSING'],
      [403, 'ROLE_REQUIRED'],
      [403, 'ROLE_REQUIRED'],
      [422, 'VALIDATION_FAILED'],
    ]);
    expect(bad.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['provinceCode', 'year']);
  });
});
