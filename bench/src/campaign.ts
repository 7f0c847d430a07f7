// npm run bench:campaign — campaign-results (issue 25): how fast `npm run campaign:rebuild` replays the topics
// into a fresh projection, and the indicator query's latency at a fixed rate over that projection. Goals: rebuild
// ≥ 5,000 events/s over 1,000,000 synthetic events; GET /v1/indicators p99 ≤ 100 ms at 20 requests/s.
//   data:    BENCH_EVENTS synthetic events (default 1,000,000; 1,000 at smoke size) as the other services publish
//            them, on topics of a private prefix (deleted at the end): per business its registration and approval,
//            a listed product, an issued certificate (one in five revoked), an allocated booth application, one
//            counterfeit report per ten businesses, a fair per 500 businesses; years 2025 and 2026, 34 provinces.
//   rebuild: the projection's rebuild (read every topic from the beginning, fold, bulk-write) into bench_campaign
//   queries: BENCH_QUERY_RATE (20) GET /v1/indicators per second for BENCH_SECONDS (30; 2 at smoke size), filters
//            rotating over none, a province, a section, a scheme, a quarter; each also reads the year before.
//   compare: in the same sitting, at the same rate for BENCH_COMPARE_SECONDS (5; 1 at smoke size), the raw driver
//            reading the same figures two other ways: the fine rollup rows found by their fields and summed in
//            JS (the other rollup design), and the facts summed by $group (the query before the rollups). At most
//            4 reads in flight (the rest wait their turn, counted in their latency): FerretDB v1 stops answering
//            once slow reads hold all 50 of its pooled PostgreSQL connections (seen here, twice).
import { mkdtemp, rm } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { rebuildProjection } from '@hangviet/campaign-results/dist/infrastructure/rebuild';
import { PROJECTED_EVENTS } from '@hangviet/campaign-results/dist/infrastructure/source-events';
import { configSchema } from '@hangviet/campaign-results/dist/config';
import { campaignResultsService } from '@hangviet/campaign-results/dist/service';
import { createEventProducer, createKafka, toKafkaMessage } from '@hangviet/events';
import { createLogger, ensureDevKeys, loadConfig, mintDevToken, startService } from '@hangviet/service-kit';
import { requireEnv } from '@hangviet/testing';
import { MongoClient } from 'mongodb';
import { platform } from './campaign-events';
import { atFixedRate, nowMs, printTable, sized, summarize } from './stats';

function envNumber(name: string, fallback: number): number {
  const raw = process.env[name];
  const value = raw === undefined || raw === '' ? fallback : Number(raw);
  if (!Number.isFinite(value) || value <= 0) throw new Error(`${name} expects a positive number, got '${raw}'`);
  return value;
}

const EVENTS = Math.floor(envNumber('BENCH_EVENTS', sized(1_000_000, 1_000)));
const RATE = envNumber('BENCH_QUERY_RATE', 20);
const SECONDS = envNumber('BENCH_SECONDS', sized(30, 2));
// 0 skips the comparison (at 1,000,000 events one read of the facts takes minutes).
const COMPARE_SECONDS = process.env.BENCH_COMPARE_SECONDS === '0' ? 0 : envNumber('BENCH_COMPARE_SECONDS', sized(5, 1));
const DATABASE = 'bench_campaign';
const load = () => loadavg().map((l) => l.toFixed(2)).join(' / ');

async function main(): Promise<void> {
  const brokers = requireEnv('KAFKA_BROKERS').split(',');
  const mongoUrl = requireEnv('MONGO_URL');
  const prefix = `bench-campaign-${Date.now()}.`;
  const kafka = createKafka({ clientId: 'bench-campaign', brokers, logger: createLogger({ service: 'bench-campaign', level: 'warn' }) });
  const producer = await createEventProducer(kafka);
  const topics = [...new Set(PROJECTED_EVENTS.map((e) => e.topic))];
  const prefixed = topics.map((t) => `${prefix}${t}`);
  await producer.ensureTopics(prefixed);
  const mongo = await MongoClient.connect(mongoUrl);
  const db = mongo.db(DATABASE);
  await db.dropDatabase();
  const keys = await mkdtemp(join(tmpdir(), 'bench-campaign-'));
  try {
    // The events, sent in batches per topic as the services' relays would.
    console.log(`[bench:campaign] producing ${EVENTS.toLocaleString('en')} events on ${topics.length} topics (prefix ${prefix})… load ${load()}`);
    const produceStart = nowMs();
    let batch = new Map<string, ReturnType<typeof toKafkaMessage>[]>();
    let inBatch = 0;
    let n = 0;
    const flush = async () => {
      await Promise.all([...batch].map(([topic, messages]) => producer.send(topic, messages)));
      batch = new Map();
      inBatch = 0;
    };
    for (const e of platform(EVENTS)) {
      n += 1;
      const topic = `${prefix}${e.definition.topic}`;
      const message = toKafkaMessage({ id: `bench-${n}`, type: e.definition.type, source: 'bench', subject: e.subject, time: new Date().toISOString(), data: e.data }, e.definition.codec);
      (batch.get(topic) ?? batch.set(topic, []).get(topic)!).push(message);
      if (++inBatch >= 5000) await flush();
    }
    await flush();
    const produceS = (nowMs() - produceStart) / 1000;

    const loadBefore = load();
    const rebuilt = await rebuildProjection({ kafka, db, topics: prefixed });
    const rebuildS = (rebuilt.readMs + rebuilt.writeMs) / 1000;
    printTable(`campaign:rebuild over ${rebuilt.events.toLocaleString('en')} events (goal ≥ 5,000 events/s)`, [
      {
        events: rebuilt.events,
        records: rebuilt.records,
        facts: rebuilt.facts,
        'rollup rows': rebuilt.rollups,
        'read + fold (s)': (rebuilt.readMs / 1000).toFixed(1),
        'write (s)': (rebuilt.writeMs / 1000).toFixed(1),
        'events/s': Math.round(rebuilt.events / rebuildS),
        'produce (s, setup)': produceS.toFixed(1),
        'load before': loadBefore,
        'load after': load(),
      },
    ]);
    if (rebuilt.events !== EVENTS) throw new Error(`the rebuild read ${rebuilt.events} events of ${EVENTS}`);

    // The service over that projection; its own consumer on an empty prefix, so the queries meet only the rebuilt projection.
    await ensureDevKeys(keys);
    const config = {
      ...loadConfig(configSchema, {
        MONGO_URL: `${mongoUrl.replace(/\/+$/, '')}/${DATABASE}`,
        KAFKA_BROKERS: brokers.join(','),
        KAFKA_TOPIC_PREFIX: `${prefix}idle.`,
        AUTH_JWKS_FILE: join(keys, 'jwks.json'),
        LOG_LEVEL: 'silent',
        RATE_LIMIT_PER_CLIENT: '0',
        RATE_LIMIT_PER_PRINCIPAL: '0',
      }),
      HTTP_PORT: 0,
      GRPC_PORT: 0,
    };
    const service = await startService(campaignResultsService, { config, logger: createLogger({ service: 'bench-campaign', level: 'silent' }) });
    try {
      const token = await mintDevToken({ issuer: config.AUTH_ISSUER, audience: config.AUTH_AUDIENCE, role: 'staff', subject: 'bench' }, keys);
      const filters = ['', '&provinceCode=86', '&industrySection=C', '&scheme=OCOP', '&quarter=2'];
      const latencies: number[] = [];
      let failures = 0;
      const loadAtStart = load();
      await atFixedRate(RATE, Math.round(RATE * SECONDS), async (i) => {
        const started = nowMs();
        const res = await fetch(`http://127.0.0.1:${service.httpPort}/v1/indicators?year=2026${filters[i % filters.length]}`, { headers: { authorization: `Bearer ${token}` } });
        await res.arrayBuffer();
        latencies.push(nowMs() - started);
        if (!res.ok) failures += 1;
      });
      const s = summarize(latencies);
      printTable(`GET /v1/indicators at ${RATE}/s for ${SECONDS} s over that projection (goal p99 ≤ 100 ms)`, [
        { requests: s.count, failures, 'p50 (ms)': s.p50.toFixed(1), 'p99 (ms)': s.p99.toFixed(1), 'max (ms)': s.max.toFixed(1), 'load before': loadAtStart, 'load after': load() },
      ]);
      if (failures > 0) throw new Error(`${failures} queries failed`);
    } finally {
      await service.stop();
    }

    // The same figures read two other ways through the raw driver, same rate, same filters (this year and the year before).
    const filterOf = (i: number, year: number): Record<string, unknown> => [{ year }, { year, provinceCode: '86' }, { year, industrySection: 'C' }, { year, scheme: 'OCOP' }, { year, quarter: 2 }][i % 5]!;
    const sumBy = (rows: { code: string; sum?: number; value?: number }[]) => rows.reduce((m, r) => m.set(r.code, (m.get(r.code) ?? 0) + (r.sum ?? r.value ?? 0)), new Map<string, number>());
    const designs: Record<string, (i: number) => Promise<unknown>> = {
      'fine rollup rows by field, summed in JS': (i) => Promise.all([2026, 2025].map(async (y) => sumBy(await db.collection<{ code: string; sum: number }>('projection_rollups').find({ set: 'pwsc', ...filterOf(i, y) }).toArray()))),
      'facts by $group (before the rollups)': (i) =>
        Promise.all([2026, 2025].flatMap((y) => ['$value', '$n'].map((field) => db.collection('projection_facts').aggregate([{ $match: filterOf(i, y) }, { $group: { _id: '$code', total: { $sum: field } } }]).toArray()))),
    };
    const compared = [];
    for (const [design, read] of COMPARE_SECONDS > 0 ? Object.entries(designs) : []) {
      const latencies: number[] = [];
      const loadAtStart = load();
      let inFlight = 0;
      const turns: (() => void)[] = [];
      await atFixedRate(RATE, Math.round(RATE * COMPARE_SECONDS), async (i) => {
        const started = nowMs();
        if (inFlight >= 4) await new Promise<void>((resolve) => turns.push(resolve));
        inFlight += 1;
        try {
          await read(i);
        } finally {
          inFlight -= 1;
          turns.shift()?.();
        }
        latencies.push(nowMs() - started);
      });
      const s = summarize(latencies);
      compared.push({ design, requests: s.count, 'p50 (ms)': s.p50.toFixed(1), 'p99 (ms)': s.p99.toFixed(1), 'max (ms)': s.max.toFixed(1), 'load before': loadAtStart, 'load after': load() });
    }
    if (compared.length > 0) printTable(`the same figures read otherwise (raw driver), ${RATE}/s for ${COMPARE_SECONDS} s each`, compared);
  } finally {
    await producer.disconnect();
    const admin = kafka.admin();
    await admin.connect();
    const existing = new Set(await admin.listTopics());
    // Every topic of the run (the rebuild's, and those the idle service created under its prefix), with their DLQs.
    await admin.deleteTopics({ topics: [...existing].filter((t) => t.startsWith(prefix)) }).catch(() => undefined);
    await admin.disconnect();
    await db.dropDatabase();
    await mongo.close();
    await rm(keys, { recursive: true, force: true });
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
