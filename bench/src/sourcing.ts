// npm run bench:sourcing — supplier matching at scale: `GET /v1/sourcing-requests/{id}/matches` at BENCH_RATE (20)
// requests/s for BENCH_SECONDS (10) against a supplier copy of BENCH_SUPPLIERS (100,000) businesses, p50/p99, beside
// the raw driver's same reads (the postings under the VSIC prefix, then those suppliers' same fields by _id) at the same rate, in the same
// run. Goal: p99 ≤ 100 ms. 1% of the directory sits under the requested code (10790 under 1079), the rest under 200
// other codes; a tenth of the matches hold an OCOP certificate. Scratch database bench_sourcing (dropped at the
// start and the end); topics under a random prefix. Prints the load average: quote figures with it.
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureDevKeys, loadConfig, mintDevToken, startService } from '@hangviet/service-kit';
import { configSchema } from '@hangviet/sourcing/dist/config';
import { industryKeys } from '@hangviet/sourcing/dist/domain/supplier';
import { postingsOf } from '@hangviet/sourcing/dist/infrastructure/mongo-suppliers';
import { sourcingService } from '@hangviet/sourcing/dist/service';
import { requireEnv } from '@hangviet/testing';
import { MongoClient } from 'mongodb';
import { atFixedRate, formatMs, nowMs, printTable, sized, summarize } from './stats';

const num = (name: string, fallback: number) => {
  const v = Number(process.env[name] || fallback);
  if (!Number.isFinite(v) || v <= 0) throw new Error(`${name} expects a positive number`);
  return v;
};
const SUPPLIERS = num('BENCH_SUPPLIERS', sized(100_000, 2_000));
const RATE = num('BENCH_RATE', 20);
const SECONDS = num('BENCH_SECONDS', sized(10, 2));
const DB = 'bench_sourcing';
const PROVINCES = ['20', '86', '79', '01', '91'];
const load = () => loadavg().map((l) => l.toFixed(2)).join(' ');

function supplier(i: number) {
  const matching = i % 100 === 0;
  const code = matching ? '10790' : String(11000 + (i % 200) * 7).slice(0, 5);
  const industries = [{ edition: '2018', code }];
  const certified = matching && i % 1000 === 0;
  return {
    _id: `sup-${i}`,
    name: `Cơ sở sản xuất ${i}`,
    status: i % 50 === 1 ? 'SUSPENDED' : 'ACTIVE',
    provinceCode: PROVINCES[i % PROVINCES.length]!,
    wardCode: `0${6000 + (i % 300)}`,
    industries,
    industryKeys: industryKeys(industries),
    version: 1,
    products: [{ id: `p-${i}`, name: `Sản phẩm ${i}`, group: i % 3 === 0 ? 'FOOD' : 'BEVERAGE', status: 'LISTED', domesticPercent: (i * 7) % 101, version: 1 }],
    certificates: certified ? [{ number: `OCOP-${i}`, scheme: 'OCOP', stars: 3 + (i % 3), productId: `p-${i}`, productName: `Sản phẩm ${i}`, valid: true, version: 1 }] : [],
    updateTime: new Date(),
  };
}

async function main(): Promise<void> {
  const kafkaBrokers = requireEnv('KAFKA_BROKERS');
  const url = new URL(requireEnv('MONGO_URL'));
  url.pathname = `/${DB}`;
  const mongoUrl = url.toString();
  const client = await MongoClient.connect(mongoUrl);
  const db = client.db(DB);
  await db.dropDatabase();
  const keys = await mkdtemp(join(tmpdir(), 'bench-sourcing-'));
  await ensureDevKeys(keys);
  const config = {
    ...loadConfig(configSchema, { MONGO_URL: mongoUrl, KAFKA_BROKERS: kafkaBrokers, KAFKA_TOPIC_PREFIX: `bench${randomBytes(3).toString('hex')}.`, AUTH_JWKS_FILE: join(keys, 'jwks.json'), LOG_LEVEL: 'warn', RATE_LIMIT_PER_CLIENT: '0', RATE_LIMIT_PER_PRINCIPAL: '0', BUSINESS_REGISTRY_GRPC_ADDRESS: '127.0.0.1:1' }),
    HTTP_PORT: 0,
    GRPC_PORT: 0,
  };
  const running = await startService(sourcingService, { config });
  const base = `http://127.0.0.1:${running.httpPort}`;
  try {
    // The directory copy, written as the consumers write it (indexes created by the service at start).
    const seedStart = nowMs();
    const suppliers = db.collection<{ _id: string }>('suppliers');
    const postings = db.collection<{ _id: string }>('supplier_postings');
    for (let i = 0; i < SUPPLIERS; i += 1000) {
      const docs = Array.from({ length: Math.min(1000, SUPPLIERS - i) }, (_, j) => supplier(i + j));
      await suppliers.insertMany(docs as never[]);
      // and their postings, as the consumer's syncPostings writes them
      await postings.insertMany(docs.flatMap((d) => postingsOf(d)) as never[]);
    }
    const seedMs = nowMs() - seedStart;
    console.log(`seeded ${SUPPLIERS} suppliers and their postings in ${formatMs(seedMs)} (load average ${load()}); matching at ${RATE}/s for ${SECONDS} s`);
    const buyer = randomUUID();
    await db.collection<{ _id: string }>('known_businesses').insertOne({ _id: buyer, name: 'Siêu thị bench', status: 'ACTIVE', provinceCode: '20', ownerSubject: `o-${buyer}`, version: 1, updateTime: new Date() } as never);
    const token = await mintDevToken({ role: 'enterprise', businessId: buyer, subject: `o-${buyer}` }, keys);
    const closing = new Date(Date.now() + 20 * 86_400_000);
    const filed = await fetch(`${base}/v1/sourcing-requests`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({
        buyerBusinessId: buyer, title: 'Nguyên liệu chế biến', description: 'Bench', industry: { edition: '2018', code: '1079' }, productGroup: 'FOOD',
        requiredCertifications: [{ scheme: 'OCOP', minStars: 3 }], quantity: 100, unit: 'tấn', neededBy: closing.toISOString().slice(0, 10),
        originPreference: 'PROVINCE', responseCap: 10, closingTime: closing.toISOString(),
      }),
    });
    if (filed.status !== 201) throw new Error(`POST /v1/sourcing-requests: ${filed.status} ${await filed.text()}`);
    const requestId = ((await filed.json()) as { id: string }).id;
    const count = Math.ceil(RATE * SECONDS);

    const viaService: number[] = [];
    let failed = 0;
    let matched = 0;
    await atFixedRate(RATE, count, async () => {
      const start = nowMs();
      const res = await fetch(`${base}/v1/sourcing-requests/${requestId}/matches?pageSize=20`, { headers: { authorization: `Bearer ${token}` } });
      const body = (await res.json()) as { items?: unknown[] };
      viaService.push(nowMs() - start);
      if (res.status !== 200) failed++;
      matched = body.items?.length ?? 0;
    });
    const viaDriver: number[] = [];
    let candidates = 0;
    const fields = { name: 1, status: 1, provinceCode: 1, wardCode: 1, industries: 1, products: 1, certificates: 1 };
    await atFixedRate(RATE, count, async () => {
      const start = nowMs();
      // the service's reads: the postings under the key, then those suppliers by _id in chunks of 500, side by side
      const ids = (await postings.find({ key: '2018:1079' } as never, { projection: { _id: 0, supplierId: 1 }, limit: 2000, batchSize: 2000 }).toArray()).map((p) => (p as unknown as { supplierId: string }).supplierId);
      const chunks = Array.from({ length: Math.ceil(ids.length / 500) }, (_, n) => ids.slice(n * 500, n * 500 + 500));
      const docs = (await Promise.all(chunks.map((chunk) => suppliers.find({ _id: { $in: chunk } }, { projection: fields, batchSize: chunk.length }).toArray()))).flat();
      viaDriver.push(nowMs() - start);
      candidates = docs.length;
    });
    const s = summarize(viaService);
    const d = summarize(viaDriver);
    printTable(`supplier matching against ${SUPPLIERS.toLocaleString('en')} businesses at ${RATE}/s for ${SECONDS} s (${candidates} candidates under 1079; load average ${load()})`, [
      { path: 'sourcing GET /v1/sourcing-requests/{id}/matches (20 best)', p50: formatMs(s.p50), p99: formatMs(s.p99), max: formatMs(s.max), failed },
      { path: 'raw driver: the same candidate reads (postings, then suppliers by _id)', p50: formatMs(d.p50), p99: formatMs(d.p99), max: formatMs(d.max), failed: 0 },
    ]);
    console.log(`seeded ${SUPPLIERS} suppliers in ${formatMs(seedMs)}; ${matched} matches answered; match p99 ${formatMs(s.p99)} (goal ≤ 100 ms), ${(s.p99 / d.p99).toFixed(2)}× the raw query's p99`);
    if (failed > 0 || candidates === 0 || matched === 0) throw new Error(`${failed} failed requests, ${candidates} candidates, ${matched} matches`);
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
