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
import { mkdtemp, rm } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { rebuildProjection } from '@hangviet/campaign-results/dist/infrastructure/rebuild';
import { PROJECTED_EVENTS } from '@hangviet/campaign-results/dist/infrastructure/source-events';
import { configSchema } from '@hangviet/campaign-results/dist/config';
import { campaignResultsService } from '@hangviet/campaign-results/dist/service';
import { CertificationScheme, CertificateStatus } from '@hangviet/contracts/hangviet/certification/v1/certificate';
import { ProductStatus } from '@hangviet/contracts/hangviet/certification/v1/product';
import { ReportStatus } from '@hangviet/contracts/hangviet/certification/v1/report';
import { BusinessStatus, IndustryEdition } from '@hangviet/contracts/hangviet/registry/v1/business';
import { BoothApplicationStatus } from '@hangviet/contracts/hangviet/tradefair/v1/booth_application';
import { FairKind, FairStatus } from '@hangviet/contracts/hangviet/tradefair/v1/fair';
import { createEventProducer, createKafka, toKafkaMessage, type EventType } from '@hangviet/events';
import { BoothApplicationAllocated, BusinessApproved, BusinessRegistered, CertificateIssued, CertificateRevoked, FairRunning, ProductListed, ReportReceived } from '@hangviet/events/catalog';
import { createLogger, ensureDevKeys, loadConfig, mintDevToken, startService } from '@hangviet/service-kit';
import { requireEnv } from '@hangviet/testing';
import { MongoClient } from 'mongodb';
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
const DATABASE = 'bench_campaign';
const PROVINCES = ['01', '04', '08', '11', '12', '14', '15', '19', '20', '22', '24', '25', '31', '33', '37', '38', '40', '42', '44', '46', '48', '51', '52', '56', '66', '68', '75', '79', '80', '82', '86', '91', '92', '96'];
const INDUSTRIES = ['0118', '1079', '1410', '1629', '2023', '3100', '4610', '4711', '5610', '5510', '8230', '0322'];
const load = () => loadavg().map((l) => l.toFixed(2)).join(' / ');

interface Outgoing {
  definition: EventType<unknown>;
  subject: string;
  data: unknown;
}

/** The synthetic platform: events in the order the services would publish them, until `count`. */
function* platform(count: number): Generator<Outgoing> {
  let produced = 0;
  const emit = function* <T>(definition: EventType<T>, subject: string, json: Record<string, unknown>, day: string): Generator<Outgoing> {
    if (produced >= count) return;
    produced += 1;
    yield { definition: definition as EventType<unknown>, subject, data: definition.codec.fromJSON({ ...json, occurredTime: `${day}T05:00:00Z` }) };
  };
  for (let i = 0; produced < count; i++) {
    const year = i % 2 === 0 ? 2026 : 2025;
    const month = String((i % 12) + 1).padStart(2, '0');
    const day = `${year}-${month}-${String((i % 27) + 1).padStart(2, '0')}`;
    const province = PROVINCES[i % PROVINCES.length]!;
    const id = `bb${i}`;
    const business = (version: number, status: BusinessStatus) => ({
      business: {
        id,
        tradeName: `Cơ sở ${i}`,
        status: BusinessStatus[status],
        address: { provinceCode: province, wardCode: `${province}${String(i % 1000).padStart(3, '0')}` },
        mainIndustry: { edition: IndustryEdition[IndustryEdition.INDUSTRY_EDITION_VSIC_2018], code: INDUSTRIES[i % INDUSTRIES.length], main: true },
        version: String(version),
      },
    });
    yield* emit(BusinessRegistered, id, business(1, BusinessStatus.BUSINESS_STATUS_PENDING_REVIEW), day);
    yield* emit(BusinessApproved, id, business(2, BusinessStatus.BUSINESS_STATUS_ACTIVE), day);
    yield* emit(ProductListed, `p${i}`, { product: { id: `p${i}`, businessId: id, name: `Sản phẩm ${i}`, status: ProductStatus[ProductStatus.PRODUCT_STATUS_LISTED], version: '2' } }, day);
    const certificate = (version: number, status: CertificateStatus) => ({
      certificate: { number: `OCOP-${year}-${i}`, businessId: id, scheme: CertificationScheme[i % 3 === 0 ? CertificationScheme.CERTIFICATION_SCHEME_VIETGAP : CertificationScheme.CERTIFICATION_SCHEME_OCOP], stars: 3 + (i % 3), status: CertificateStatus[status], version: String(version) },
    });
    yield* emit(CertificateIssued, `OCOP-${year}-${i}`, certificate(1, CertificateStatus.CERTIFICATE_STATUS_VALID), day);
    if (i % 5 === 0) yield* emit(CertificateRevoked, `OCOP-${year}-${i}`, certificate(2, CertificateStatus.CERTIFICATE_STATUS_REVOKED), day);
    const fairId = `ff${Math.floor(i / 500)}`;
    if (i % 500 === 0) {
      yield* emit(FairRunning, fairId, { fair: { id: fairId, name: `Hội chợ ${fairId}`, kind: FairKind[i % 1000 === 0 ? FairKind.FAIR_KIND_TRADE_FAIR : FairKind.FAIR_KIND_MARKET_SESSION], provinceCode: province, openingDay: day, status: FairStatus[FairStatus.FAIR_STATUS_RUNNING], version: '5' } }, day);
    }
    yield* emit(BoothApplicationAllocated, `aa${i}`, {
      application: { id: `aa${i}`, fairId, businessId: id, businessName: `Cơ sở ${i}`, status: BoothApplicationStatus[BoothApplicationStatus.BOOTH_APPLICATION_STATUS_ALLOCATED], boothCodes: ['A1'], supportVnd: String((i % 4) * 1_000_000), openingDay: day, version: '2' },
    }, day);
    if (i % 10 === 0) yield* emit(ReportReceived, `rr${i}`, { report: { id: `rr${i}`, provinceCode: province, status: ReportStatus[ReportStatus.REPORT_STATUS_NEW], version: '1' } }, day);
  }
}

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
