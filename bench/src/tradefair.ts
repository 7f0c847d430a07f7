// npm run bench:tradefair — the trade-fair service's two goals, in one run:
//   allocation: BENCH_APPLICATIONS (2,000) applications for BENCH_BOOTHS (500) booths. The pure allocateBooths
//               (ranking, preferences, explanations) BENCH_REPEAT times, min and median; then the whole
//               `POST /v1/fairs/{id}:allocate` once, end to end (reads, the run document, the applications and
//               their outbox entries in bulk writes, the relay publishing them to Kafka in batches)
//   submission: `POST /v1/fairs/{id}/applications` at BENCH_RATE (100) requests/s for BENCH_SECONDS (10), p50/p99,
//               against a bare express handler doing the same reads and the same single-document insert
//               (fair, business, products; state + outbox entry, unique live key) through the raw driver, in the same run
// Scratch database bench_tradefair (dropped at the start and the end); topics under a random prefix.
// BENCH_AWAIT_PUBLISH=false runs the service with AWAIT_PUBLISH=false (answers once state and outbox are
// durable, the relay publishing behind it), to compare the two.
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import http from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureDevKeys, loadConfig, mintDevToken, startService } from '@hangviet/service-kit';
import { requireEnv } from '@hangviet/testing';
import { configSchema } from '@hangviet/trade-fair/dist/config';
import { allocateBooths, type AllocationCandidate } from '@hangviet/trade-fair/dist/domain/allocation';
import { generateGrid } from '@hangviet/trade-fair/dist/domain/booth';
import { service } from '@hangviet/trade-fair/dist/service';
import express from 'express';
import { MongoClient } from 'mongodb';
import { atFixedRate, formatMs, nowMs, printTable, summarize, sized } from './stats';

const num = (name: string, fallback: number) => {
  const v = Number(process.env[name] || fallback);
  if (!Number.isFinite(v) || v <= 0) throw new Error(`${name} expects a positive number`);
  return v;
};
const APPLICATIONS = num('BENCH_APPLICATIONS', sized(2000, 20));
const BOOTHS = num('BENCH_BOOTHS', sized(500, 50));
const REPEAT = num('BENCH_REPEAT', sized(5, 1));
const RATE = num('BENCH_RATE', 100);
const SECONDS = num('BENCH_SECONDS', sized(10, 2));
const DB = 'bench_tradefair';

function candidates(n: number): AllocationCandidate[] {
  const t0 = Date.parse('2027-01-01T00:00:00Z');
  return Array.from({ length: n }, (_, i) => ({
    applicationId: `app-${i}`, businessId: `biz-${i}`, boothsWanted: 1 + (i % 3 === 0 ? 1 : 0), preferredBooths: i % 5 === 0 ? [`B${String((i % 20) + 1).padStart(2, '0')}`] : [],
    ...(i % 4 === 0 ? { preferredZone: 'C' } : {}), wantsCorner: i % 7 === 0, submitTime: new Date(t0 + i * 997), bestOcopStars: i % 6 === 0 ? 3 + (i % 3) : 0,
    certifiedProducts: i % 6 === 0 ? 1 : 0, local: i % 2 === 0, firstParticipation: i % 3 !== 0,
  }));
}

async function main(): Promise<void> {
  const kafkaBrokers = requireEnv('KAFKA_BROKERS');
  const url = new URL(requireEnv('MONGO_URL'));
  url.pathname = `/${DB}`;
  const mongoUrl = url.toString();
  const client = await MongoClient.connect(mongoUrl);
  const db = client.db(DB);
  await db.dropDatabase();

  // 1. The pure allocation.
  const booths = generateGrid({ rows: 25, columns: BOOTHS / 25 });
  const input = candidates(APPLICATIONS);
  const pure: number[] = [];
  for (let r = 0; r < REPEAT; r++) {
    const start = nowMs();
    const results = allocateBooths({ booths, rules: { eligibility: 'OPEN', maxBoothsPerBusiness: 2, certifiedProducts: 'PREFERRED' }, candidates: input });
    pure.push(nowMs() - start);
    if (results.length !== APPLICATIONS) throw new Error('allocation lost applications');
  }
  pure.sort((a, b) => a - b);

  // 2. The service, in-process, on the scratch database.
  const keys = await mkdtemp(join(tmpdir(), 'bench-tradefair-'));
  await ensureDevKeys(keys);
  const config = {
    ...loadConfig(configSchema, { MONGO_URL: mongoUrl, KAFKA_BROKERS: kafkaBrokers, KAFKA_TOPIC_PREFIX: `bench${randomBytes(3).toString('hex')}.`, AUTH_JWKS_FILE: join(keys, 'jwks.json'), LOG_LEVEL: 'warn', RATE_LIMIT_PER_CLIENT: '0', RATE_LIMIT_PER_PRINCIPAL: '0', SEED_DEMO_DATA: 'false', AWAIT_PUBLISH: process.env.BENCH_AWAIT_PUBLISH === 'false' ? 'false' : 'true', BUSINESS_REGISTRY_GRPC_ADDRESS: '127.0.0.1:1', PRODUCT_CERTIFICATION_GRPC_ADDRESS: '127.0.0.1:1', CERTIFICATION_DEADLINE_MS: '200' }),
    HTTP_PORT: 0,
    GRPC_PORT: 0,
  };
  const running = await startService(service(), { config });
  const base = `http://127.0.0.1:${running.httpPort}`;
  const staff = await mintDevToken({ role: 'staff', subject: 'bench' }, keys);
  const call = async (path: string, body: unknown, token = staff) => {
    const res = await fetch(`${base}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify(body) });
    if (!res.ok) throw new Error(`${path}: ${res.status} ${await res.text()}`);
    return res.json() as Promise<{ id: string }>;
  };
  try {
    const need = APPLICATIONS + Math.ceil(RATE * SECONDS) * 2;
    const ids = Array.from({ length: need }, () => randomUUID());
    for (let i = 0; i < need; i += 1000) {
      const slice = ids.slice(i, i + 1000);
      await db.collection<{ _id: string }>('known_businesses').insertMany(slice.map((id, j) => ({ _id: id, name: `Cơ sở ${i + j}`, status: 'ACTIVE', provinceCode: j % 2 ? '86' : '79', ownerSubject: `o-${id}`, version: 1, updateTime: new Date() })));
      await db.collection<{ _id: string }>('known_products').insertMany(slice.map((id) => ({ _id: `p-${id}`, businessId: id, name: 'Kẹo dừa', status: 'LISTED', version: 1 })));
    }
    const venue = await call('/v1/venues', { name: 'Trung tâm Hội chợ Triển lãm', address: { provinceCode: '86', wardCode: '28756' } });
    await call(`/v1/venues/${venue.id}/booths:generate`, { rows: 25, columns: BOOTHS / 25 });
    const fairBody = (n: number) => ({
      name: `Hội chợ bench ${n}`, kind: 'TRADE_FAIR', venueId: venue.id,
      days: { setUpDay: `2027-0${n}-01`, openingDay: `2027-0${n}-02`, closingDay: `2027-0${n}-06`, tearDownDay: `2027-0${n}-07` },
      applicationOpenTime: new Date(Date.now() - 86_400_000).toISOString(), applicationCloseTime: new Date(Date.now() + 86_400_000).toISOString(),
      boothFeeVnd: 3_000_000, rules: { maxBoothsPerBusiness: 2 }, supportPolicy: { firstParticipationPercent: 100, laterParticipationPercent: 50, capPerBusinessPerYearVnd: 0 },
    });
    const allocFair = await call('/v1/fairs', fairBody(1));
    await call(`/v1/fairs/${allocFair.id}:open`, {});
    const tokens = new Map<string, string>();
    const tokenOf = async (id: string) => tokens.get(id) ?? (tokens.set(id, await mintDevToken({ role: 'enterprise', businessId: id, subject: `o-${id}` }, keys)), tokens.get(id)!);
    const applyBody = (id: string) => ({ businessId: id, boothsWanted: 1, productIds: [`p-${id}`], catalogueEntry: 'Kẹo dừa truyền thống' });
    // Applications for the allocation, straight through the API, 20 at a time.
    for (let i = 0; i < APPLICATIONS; i += 20) {
      await Promise.all(ids.slice(i, Math.min(i + 20, APPLICATIONS)).map(async (id) => call(`/v1/fairs/${allocFair.id}/applications`, applyBody(id), await tokenOf(id))));
    }
    const startAlloc = nowMs();
    await call(`/v1/fairs/${allocFair.id}:allocate`, {});
    const wholeRun = nowMs() - startAlloc;

    // 3. Submission latency: the service, then the bare handler, at the same rate, on the same database.
    const subFair = await call('/v1/fairs', fairBody(3));
    await call(`/v1/fairs/${subFair.id}:open`, {});
    const count = Math.ceil(RATE * SECONDS);
    const serviceIds = ids.slice(APPLICATIONS, APPLICATIONS + count);
    const bareIds = ids.slice(APPLICATIONS + count, APPLICATIONS + 2 * count);
    for (const id of serviceIds) await tokenOf(id);
    const measure = async (url: string, list: string[], withToken: boolean) => {
      const latencies: number[] = [];
      let failed = 0;
      await atFixedRate(RATE, list.length, async (i) => {
        const id = list[i]!;
        const start = nowMs();
        const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...(withToken ? { authorization: `Bearer ${tokens.get(id)}` } : {}) }, body: JSON.stringify(applyBody(id)) });
        await res.arrayBuffer();
        latencies.push(nowMs() - start);
        if (res.status !== 201) failed++;
      });
      return { ...summarize(latencies), failed };
    };
    const viaService = await measure(`${base}/v1/fairs/${subFair.id}/applications`, serviceIds, true);

    const bare = express();
    bare.use(express.json());
    const apps = db.collection<{ _id: string }>('booth_applications');
    bare.post('/apply', async (req, res) => {
      const body = req.body as { businessId: string; productIds: string[] };
      const [fair, business, products] = await Promise.all([
        db.collection<{ _id: string }>('fairs').findOne({ _id: subFair.id }),
        db.collection<{ _id: string }>('known_businesses').findOne({ _id: body.businessId }),
        db.collection('known_products').find({ businessId: body.businessId }).toArray(),
      ]);
      if (!fair || !business || products.length === 0) return void res.status(422).end();
      const id = randomUUID();
      await apps.insertOne({ _id: id, fairId: subFair.id, businessId: body.businessId, status: 'SUBMITTED', liveKey: `bare:${subFair.id}:${body.businessId}`, submitTime: new Date(), outbox: [{ id: randomUUID(), data: Buffer.alloc(300) }], outboxPendingSince: new Date() } as never);
      res.status(201).json({ id });
    });
    const server = http.createServer(bare);
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const viaBare = await measure(`http://127.0.0.1:${(server.address() as AddressInfo).port}/apply`, bareIds, false);
    server.close();

    printTable('trade-fair allocation', [
      { what: `allocateBooths (pure), ${APPLICATIONS} applications → ${BOOTHS} booths`, min: formatMs(pure[0]!), median: formatMs(pure[Math.floor(pure.length / 2)]!), runs: REPEAT },
      { what: `POST :allocate end to end (reads, run document, ${APPLICATIONS} applications in bulk writes, events published)`, min: formatMs(wholeRun), median: formatMs(wholeRun), runs: 1 },
    ]);
    printTable(`application submission at ${RATE}/s for ${SECONDS} s (AWAIT_PUBLISH=${config.AWAIT_PUBLISH})`, [
      { path: 'trade-fair POST /v1/fairs/{id}/applications', p50: formatMs(viaService.p50), p99: formatMs(viaService.p99), max: formatMs(viaService.max), failed: viaService.failed },
      { path: 'bare express + driver, same reads and insert', p50: formatMs(viaBare.p50), p99: formatMs(viaBare.p99), max: formatMs(viaBare.max), failed: viaBare.failed },
    ]);
    console.log(`end-to-end allocation ${APPLICATIONS} → ${BOOTHS}: ${formatMs(wholeRun)} (goal ≤ 2 s); submission p99 ${(viaService.p99 / viaBare.p99).toFixed(2)}× the bare handler (goal ≤ 2×)`);
  } finally {
    await running.stop();
    await db.dropDatabase();
    await client.close();
    await rm(keys, { recursive: true, force: true });
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
