// npm run bench:registry — the public directory search through business-registry against THE SAME
// database query (filter, projection, sort, limit) through the raw mongodb driver in a bare express
// handler, on the same seeded database, in one run; then search latency at a fixed rate and
// gRPC GetBusiness latency at a fixed rate; at each directory size in turn.
//   data:       BENCH_BUSINESSES synthetic ACTIVE businesses (the registry's own bulk seed, 2,000 per insert)
//               + the demo directory; a comma-separated list measures each size (default 10000,100000).
//               Each size has its own scratch database, bench_registry_<size>, kept for the next run: it is
//               reused when it holds exactly that many bulk rows (BENCH_FRESH=1 reseeds it, BENCH_DROP=1
//               drops it at the end)
//   throughput: BENCH_REQUESTS searches per path from BENCH_CONCURRENCY closed loops (a fixed query mix)
//   latency:    BENCH_SEARCH_RATE searches/s and BENCH_GRPC_RATE GetBusiness/s, each for BENCH_SECONDS
//   phases:     BENCH_PHASES=search,grpc (default both); `grpc` alone measures GetBusiness on a database
//               not busy with searches a time-out cut short (the database may still be answering them)
// Every phase stops after BENCH_PHASE_TIMEOUT_S and prints what it measured until then: on a loaded machine
// the 100,000 size can take longer (on the local FerretDB a common token still costs a GIN scan and a
// top-n sort of every match; the old SQLite build scanned the whole collection).
import { randomBytes } from 'node:crypto';
import { setMaxListeners } from 'node:events';
import { mkdtemp, rm } from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as grpc from '@grpc/grpc-js';
import { startRegistry, type RunningRegistry } from '@hangviet/business-registry/dist/app';
import { loadRegistryConfig } from '@hangviet/business-registry/dist/config';
import type { SearchCriteria } from '@hangviet/business-registry/dist/application/ports';
import { businessModel } from '@hangviet/business-registry/dist/infrastructure/business-model';
import { DIRECTORY_ENTRIES_COLLECTION, DIRECTORY_ORDER, directoryFilter } from '@hangviet/business-registry/dist/infrastructure/directory-entries';
import { seedBulkDirectory } from '@hangviet/business-registry/dist/infrastructure/seed-data';
import { BusinessDirectoryServiceClient } from '@hangviet/contracts/hangviet/registry/v1/business_directory_service';
import { callUnary, createGrpcClient, createLogger, ensureDevKeys, mintDevToken } from '@hangviet/service-kit';
import { requireEnv } from '@hangviet/testing';
import { queryTokens } from '@hangviet/vn';
import express from 'express';
import { Kafka, logLevel } from 'kafkajs';
import { MongoClient, type Document, type Filter } from 'mongodb';
import { atFixedRate, nowMs, sized, SMOKE, summarize, withConcurrency, type LatencySummary } from './stats';

function envNumber(name: string, fallback: number): number {
  const raw = process.env[name];
  const value = raw === undefined || raw === '' ? fallback : Number(raw);
  if (!Number.isFinite(value) || value <= 0) throw new Error(`${name} expects a positive number, got '${raw}'`);
  return value;
}

const SIZES = (process.env.BENCH_BUSINESSES || (SMOKE ? '1000' : '10000,100000')).split(',').map((raw) => {
  const value = Number(raw.trim());
  if (!Number.isInteger(value) || value <= 0) throw new Error(`BENCH_BUSINESSES expects positive whole numbers, got '${raw}'`);
  return value;
});
const FRESH = process.env.BENCH_FRESH === '1';
// A smoke run leaves nothing behind: its scratch database is dropped unless BENCH_DROP says otherwise.
const DROP = (process.env.BENCH_DROP ?? (SMOKE ? '1' : '')) === '1';
const CONCURRENCY = Math.floor(envNumber('BENCH_CONCURRENCY', sized(16, 4)));
const REQUESTS = Math.floor(envNumber('BENCH_REQUESTS', sized(2000, 100)));
const SEARCH_RATE = envNumber('BENCH_SEARCH_RATE', 50);
const GRPC_RATE = envNumber('BENCH_GRPC_RATE', 200);
const SECONDS = envNumber('BENCH_SECONDS', sized(10, 2));
const PHASE_TIMEOUT_S = envNumber('BENCH_PHASE_TIMEOUT_S', 300);
const PHASES = new Set((process.env.BENCH_PHASES || 'search,grpc').split(',').map((p) => p.trim()));
for (const phase of PHASES) {
  if (phase !== 'search' && phase !== 'grpc') throw new Error(`BENCH_PHASES expects search and/or grpc, got '${phase}'`);
}

const GOAL_RATIO = 0.6;
/** Search p99 goal: 50 ms up to 10,000 businesses, 200 ms at 100,000. */
const goalSearchP99Ms = (size: number): number => (size <= 10_000 ? 50 : 200);
/** Failed requests and rows the two paths disagree on: the run exits 1 (a goal not met does not). */
let failures = 0;
const GOAL_GRPC_P99_MS = 10;

const run = randomBytes(3).toString('hex');
const databaseFor = (size: number): string => `bench_registry_${size}`;
const TOPIC_PREFIX = `bench_registry_${run}.`;

/** The public directory's query mix: folded and accented words, prefixes, province and industry filters. */
const QUERIES: Record<string, string>[] = [
  { q: 'keo dua' },
  { q: 'ben tre' },
  { q: 'hoi' },
  { q: 'kẹo dừa', province: '86' },
  { q: 'ca phe', province: '66' },
  { q: 'hop tac xa', industry: '01' },
  { q: 'tinh dau hoi' },
  { province: '20' },
  { industry: '10' },
  {},
];

// --- the baseline: the service's search query, verbatim, through the raw driver --------------------

/** The projection of MongoBusinessRepository's reads (the claim, the outbox and the marks stay in the database). */
const READ_PROJECTION = {
  taxCodeClaim: 0,
  outbox: 0,
  outboxPendingSince: 0,
  outboxLease: 0,
  directoryPendingSince: 0,
  searchTokens: 0,
  sortName: 0,
  industryPrefixes: 0,
} as const;
/** The service's default page size (20) plus the one row that tells whether a next page exists. */
const SEARCH_LIMIT = 21;

/** The criteria searchBusinesses builds for a public (non-staff) caller. */
function publicCriteria(query: Record<string, unknown>): SearchCriteria {
  const text = (name: string): string | undefined => (typeof query[name] === 'string' && query[name] !== '' ? (query[name] as string).trim() : undefined);
  const q = text('q');
  const province = text('province');
  const ward = text('ward');
  const industry = text('industry');
  return {
    tokens: q ? queryTokens(q).filter((t) => t.length >= 2) : [],
    statuses: ['ACTIVE'],
    ...(province ? { provinceCode: province } : {}),
    ...(ward ? { wardCode: ward } : {}),
    ...(industry ? { industryCode: industry.toUpperCase() } : {}),
  };
}

async function startBaseline(mongo: MongoClient, database: string): Promise<{ port: number; close(): Promise<void> }> {
  const businesses = mongo.db(database).collection<{ _id: string }>('businesses');
  const entries = mongo.db(database).collection(DIRECTORY_ENTRIES_COLLECTION);
  const app = express();
  // The repository's two queries: the page of directory entries, then its businesses by id.
  app.get('/v1/businesses', async (req, res) => {
    const page = await entries
      .find(directoryFilter(publicCriteria(req.query as Record<string, unknown>)) as Filter<Document>)
      .sort(DIRECTORY_ORDER.sort)
      .limit(SEARCH_LIMIT)
      .toArray();
    const ids = page.slice(0, SEARCH_LIMIT - 1).map((e) => String(e._id));
    const docs = ids.length === 0 ? [] : await businesses.find({ _id: { $in: ids } }, { projection: READ_PROJECTION }).toArray();
    const byId = new Map(docs.map((d) => [d._id, d]));
    res.json({ items: ids.flatMap((id) => (byId.has(id) ? [{ ...byId.get(id), id, _id: undefined }] : [])) });
  });
  // A failed query is counted by the client as an error (and the first one printed), not logged here.
  app.use((err: Error, _req: express.Request, res: express.Response, _next: express.NextFunction) => {
    res.status(500).json({ error: err.message.slice(0, 300) });
  });
  const server = await new Promise<http.Server>((resolve, reject) => {
    const s = app.listen(0, '127.0.0.1', (err?: Error) => (err ? reject(err) : resolve(s)));
  });
  return {
    port: (server.address() as AddressInfo).port,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

// --- client side -----------------------------------------------------------------------------------

const searchPath = (query: Record<string, string>): string => `/v1/businesses?${new URLSearchParams(query).toString()}`;

/** GET over a keep-alive agent; resolves with the status and the body (read to the end either way). */
function get(agent: http.Agent, port: number, path: string, signal: AbortSignal, retried = false): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.get({ host: '127.0.0.1', port, path, agent, signal }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
      res.on('error', reject);
    });
    // A reused keep-alive socket the server closed after an idle gap: sent once more (it never reached the handler).
    req.on('error', (err: NodeJS.ErrnoException) => {
      if (!retried && req.reusedSocket && err.code === 'ECONNRESET') resolve(get(agent, port, path, signal, true));
      else reject(err);
    });
  });
}

interface Recorded {
  latencies: number[];
  errors: number;
  /** Started but not finished when the phase was stopped. */
  unfinished: number;
  elapsedMs: number;
  complete: boolean;
}

/** Times operations; failures count as errors, operations cut off by the phase's end as unfinished. */
function recorder() {
  const latencies: number[] = [];
  let errors = 0;
  let inFlight = 0;
  let firstError: string | undefined;
  return {
    async time(signal: AbortSignal, op: () => Promise<void>): Promise<void> {
      if (signal.aborted) return;
      inFlight += 1;
      const start = nowMs();
      try {
        await op();
        if (!signal.aborted) latencies.push(nowMs() - start);
      } catch (err) {
        if (!signal.aborted) {
          errors += 1;
          firstError ??= err instanceof Error ? err.message : String(err);
        }
      } finally {
        inFlight -= 1;
      }
    },
    result(elapsedMs: number, complete: boolean): Recorded {
      if (firstError) console.log(`    first error: ${firstError}`);
      failures += errors;
      return { latencies: [...latencies], errors, unfinished: complete ? 0 : inFlight, elapsedMs, complete };
    },
  };
}

/** Runs `work` for at most BENCH_PHASE_TIMEOUT_S; on time-out aborts it and says so. */
async function bounded(name: string, work: (signal: AbortSignal) => Promise<void>): Promise<{ elapsedMs: number; complete: boolean }> {
  const controller = new AbortController();
  // One signal is handed to every request of the phase (each adds and later removes a listener).
  setMaxListeners(0, controller.signal);
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<'timeout'>((resolve) => {
    timer = setTimeout(() => resolve('timeout'), PHASE_TIMEOUT_S * 1000);
  });
  const start = nowMs();
  process.stdout.write(`  ${name}… `);
  const outcome = await Promise.race([work(controller.signal).then(() => 'done' as const), timeout]);
  clearTimeout(timer);
  const elapsedMs = nowMs() - start;
  if (outcome === 'timeout') {
    controller.abort();
    console.log(
      `STOPPED after ${PHASE_TIMEOUT_S} s (BENCH_PHASE_TIMEOUT_S); the figures cover what finished ` +
        '(the database may still be working through cut-off queries during the next phase)',
    );
  } else {
    console.log(`${(elapsedMs / 1000).toFixed(1)} s`);
  }
  return { elapsedMs, complete: outcome === 'done' };
}

async function closedLoop(name: string, agent: http.Agent, port: number): Promise<Recorded> {
  const rec = recorder();
  const { elapsedMs, complete } = await bounded(name, (signal) =>
    withConcurrency(CONCURRENCY, REQUESTS, (i) =>
      rec.time(signal, async () => {
        const res = await get(agent, port, searchPath(QUERIES[i % QUERIES.length]!), signal);
        if (res.status !== 200) throw new Error(`HTTP ${res.status}: ${res.body.slice(0, 200)}`);
      }),
    ),
  );
  return rec.result(elapsedMs, complete);
}

async function fixedRate(name: string, rate: number, op: (i: number, signal: AbortSignal) => Promise<void>): Promise<Recorded> {
  const rec = recorder();
  const count = Math.max(1, Math.round(rate * SECONDS));
  const { elapsedMs, complete } = await bounded(name, (signal) => atFixedRate(rate, count, (i) => rec.time(signal, () => op(i, signal))));
  return rec.result(elapsedMs, complete);
}

// --- output ------------------------------------------------------------------------------------------

const ms = (v: number): string => (Number.isNaN(v) ? '—' : v.toFixed(1));

function row(path: string, r: Recorded, s: LatencySummary, throughput?: number): Record<string, string | number> {
  return {
    path,
    ok: s.count,
    errors: r.errors,
    unfinished: r.unfinished,
    ...(throughput !== undefined ? { 'req/s': throughput >= 100 ? Math.round(throughput) : Number(throughput.toFixed(1)) } : {}),
    'p50 ms': ms(s.p50),
    'p99 ms': ms(s.p99),
    'max ms': ms(s.max),
    'wall s': (r.elapsedMs / 1000).toFixed(1),
  };
}

function verdict(met: boolean, r: Recorded | Recorded[]): string {
  const cut = ([] as Recorded[]).concat(r).some((x) => !x.complete);
  if (cut) return 'NOT measured to the end (phase timed out)';
  return met ? 'met' : 'NOT met';
}

async function describeDatabase(mongo: MongoClient): Promise<string> {
  const info = await mongo.db('admin').command({ buildInfo: 1 });
  // FerretDB does not say which backend it runs on: BENCH_DB_LABEL names it in the output.
  const label = process.env.BENCH_DB_LABEL ? `, ${process.env.BENCH_DB_LABEL}` : '';
  if (info.ferretdbVersion !== undefined) {
    const version = info.ferretdbVersion === 'unknown' ? '(version not reported)' : String(info.ferretdbVersion);
    return `FerretDB ${version}${label}, MongoDB ${String(info.version)}-compatible`;
  }
  return `MongoDB ${String(info.version)}${label}`;
}

const bulkId = (n: number): string => `bulk-${String(n).padStart(7, '0')}`;

/**
 * Seeds the scratch database to exactly `size` bulk rows unless it already holds them (checked by _id,
 * which every backend answers from its index): bulk-1…bulk-<size> present, bulk-<size+1> absent.
 */
async function ensureSeeded(registry: RunningRegistry, size: number): Promise<{ seeded: number; reused: boolean }> {
  const businesses = registry.connection.db!.collection<{ _id: string }>('businesses');
  const has = async (n: number): Promise<boolean> => (await businesses.countDocuments({ _id: bulkId(n) })) === 1;
  const complete = (await has(1)) && (await has(size));
  const beyond = await has(size + 1);
  if (!FRESH && complete && !beyond) return { seeded: size, reused: true };
  if (FRESH || beyond) {
    await businesses.deleteMany({ _id: { $regex: '^bulk-' } });
    await registry.connection.db!.collection<{ _id: string }>(DIRECTORY_ENTRIES_COLLECTION).deleteMany({ _id: { $regex: '^bulk-' } });
  }

  const seedStart = nowMs();
  let seeded = 0;
  const seedDeadline = seedStart + PHASE_TIMEOUT_S * 1000;
  const stopped = new Error('seed time-out');
  try {
    await seedBulkDirectory(businessModel(registry.connection), size, {
      onProgress: (done) => {
        seeded = done;
        if (nowMs() > seedDeadline) throw stopped;
      },
    });
  } catch (err) {
    if (err !== stopped) throw err;
  }
  const seedSeconds = (nowMs() - seedStart) / 1000;
  // `seeded` counts this run's inserts: rows an interrupted earlier run left are skipped, not counted.
  const done = await has(size);
  console.log(
    `  seeded ${seeded} businesses in ${seedSeconds.toFixed(1)} s (${Math.round(seeded / seedSeconds)}/s)` +
      `${done ? '' : ` — STOPPED at the ${PHASE_TIMEOUT_S} s time-out, short of ${size}; the next run continues it`}`,
  );
  // GetBusiness asks for ids that exist: all of them, or those a cut-short seed reached.
  return { seeded: done ? size : Math.max(1, seeded), reused: false };
}

interface Context {
  mongo: MongoClient;
  mongoUrl: string;
  brokers: string;
  keys: string;
  staffToken: string;
}

/** One directory size: the service on its scratch database, the baseline beside it, every phase. */
async function measureSize(size: number, ctx: Context, verdicts: string[]): Promise<void> {
  const database = databaseFor(size);
  const url = new URL(ctx.mongoUrl);
  url.pathname = `/${database}`;
  const cleanups: (() => Promise<unknown>)[] = DROP ? [() => ctx.mongo.db(database).dropDatabase()] : [];
  const goalSearch = goalSearchP99Ms(size);
  console.log(`\n=== ${size} businesses — database ${database}`);
  try {
    // The service, in-process on ephemeral ports, with its own signing keys and topic prefix. It seeds the
    // demo directory (Bến Tre coconut candy, Lạng Sơn star anise…) into an empty database on start.
    const registry: RunningRegistry = await startRegistry(
      {
        ...loadRegistryConfig({
          MONGO_URL: url.toString(),
          KAFKA_BROKERS: ctx.brokers,
          KAFKA_TOPIC_PREFIX: TOPIC_PREFIX,
          SEED_DEMO_DATA: 'true',
          AUTH_JWKS_FILE: join(ctx.keys, 'jwks.json'),
          LOG_LEVEL: 'silent',
          // A benchmark measures the service, not its rate limits (which would answer 429 past 1,200 requests a minute).
          RATE_LIMIT_PER_CLIENT: '0',
          RATE_LIMIT_PER_PRINCIPAL: '0',
        }),
        HTTP_PORT: 0,
        GRPC_PORT: 0,
      },
      createLogger({ service: 'business-registry-bench', level: 'silent' }),
    );
    cleanups.push(() => registry.stop());

    // 1. Data: the registry's bulk seed (what `npm run seed -- --count N` runs), or the last run's.
    const { seeded, reused } = await ensureSeeded(registry, size);
    const total = await registry.connection.db!.collection('businesses').estimatedDocumentCount();
    console.log(`  ${reused ? `reused the ${size} businesses seeded by an earlier run` : 'seeded'}; ${total} in the collection (with the demo directory)`);

    const baseline = await startBaseline(ctx.mongo, database);
    cleanups.push(() => baseline.close());
    const agent = new http.Agent({ keepAlive: true, maxSockets: 512 });
    cleanups.push(async () => agent.destroy());

    const latencyRows: ReturnType<typeof row>[] = [];
    if (PHASES.has('search')) {
      // 2. Same answers on both paths (and a warm-up): the service reorders a page by diacritics, so compare id sets.
      const agreed: string[] = [];
      await bounded('checking both paths return the same rows', async (signal) => {
        for (const query of QUERIES) {
          const [svc, raw] = await Promise.all([get(agent, registry.httpPort, searchPath(query), signal), get(agent, baseline.port, searchPath(query), signal)]);
          if (svc.status !== 200 || raw.status !== 200) throw new Error(`search ${JSON.stringify(query)}: HTTP ${svc.status} / ${raw.status}`);
          const ids = (body: string) => (JSON.parse(body) as { items: { id: string }[] }).items.map((b) => b.id).sort();
          const a = ids(svc.body);
          const b = ids(raw.body);
          const same = a.length === b.length && a.every((id, n) => id === b[n]);
          agreed.push(`${JSON.stringify(query)} → ${a.length} rows${same ? '' : ` MISMATCH (baseline ${b.length})`}`);
          if (!same) failures += 1;
        }
      });
      for (const line of agreed) console.log(`    ${line}`);

      // 3. Throughput at fixed concurrency, baseline first.
      const raw = await closedLoop('baseline search (raw driver, bare express)', agent, baseline.port);
      const svc = await closedLoop('service search (GET /v1/businesses, public)', agent, registry.httpPort);
      const rawSummary = summarize(raw.latencies);
      const svcSummary = summarize(svc.latencies);
      const rawTput = rawSummary.count / (raw.elapsedMs / 1000);
      const svcTput = svcSummary.count / (svc.elapsedMs / 1000);
      console.log(`\nDirectory search at ${size} businesses, ${CONCURRENCY} concurrent clients`);
      console.table([row('baseline: raw mongodb driver in bare express', raw, rawSummary, rawTput), row('business-registry GET /v1/businesses', svc, svcSummary, svcTput)]);
      const ratio = svcTput / rawTput;
      verdicts.push(`${size}: search throughput, service / raw driver: ${(ratio * 100).toFixed(0)}%   goal ≥ ${GOAL_RATIO * 100}%: ${verdict(ratio >= GOAL_RATIO, [raw, svc])}`);

      // 4. Search latency at a fixed rate (open loop: a slow answer does not delay the next request).
      const rated = await fixedRate(`service search at ${SEARCH_RATE}/s`, SEARCH_RATE, async (i, signal) => {
        const res = await get(agent, registry.httpPort, searchPath(QUERIES[i % QUERIES.length]!), signal);
        if (res.status !== 200) throw new Error(`HTTP ${res.status}: ${res.body.slice(0, 200)}`);
      });
      const ratedSummary = summarize(rated.latencies);
      latencyRows.push(row(`search GET /v1/businesses at ${SEARCH_RATE}/s`, rated, ratedSummary, ratedSummary.count / (rated.elapsedMs / 1000)));
      verdicts.push(`${size}: search p99 at ${SEARCH_RATE} req/s: ${ms(ratedSummary.p99)} ms   goal ≤ ${goalSearch} ms: ${verdict(ratedSummary.p99 <= goalSearch && rated.errors === 0, rated)}`);
    } else {
      console.log('  search: not run (BENCH_PHASES)');
    }

    // 5. gRPC GetBusiness at a fixed rate, as an internal caller forwarding a staff token (verified on each call).
    if (PHASES.has('grpc')) {
      const client = createGrpcClient(BusinessDirectoryServiceClient, `127.0.0.1:${registry.grpcPort}`, { token: null, deadlineMs: PHASE_TIMEOUT_S * 1000 });
      cleanups.push(async () => client.close());
      const metadata = new grpc.Metadata();
      metadata.set('authorization', `Bearer ${ctx.staffToken}`);
      const probe = await callUnary(client, client.getBusiness, { id: bulkId(1) }, metadata);
      if (probe.business?.id !== bulkId(1)) throw new Error(`GetBusiness ${bulkId(1)} returned ${probe.business?.id}`);
      const got = await fixedRate(`gRPC GetBusiness at ${GRPC_RATE}/s`, GRPC_RATE, async () => {
        const id = bulkId(1 + Math.floor(Math.random() * seeded));
        const res = await callUnary(client, client.getBusiness, { id }, metadata);
        if (res.business?.id !== id) throw new Error(`GetBusiness ${id} returned ${res.business?.id}`);
      });
      const gotSummary = summarize(got.latencies);
      latencyRows.push(row(`gRPC GetBusiness at ${GRPC_RATE}/s`, got, gotSummary, gotSummary.count / (got.elapsedMs / 1000)));
      verdicts.push(
        `${size}: GetBusiness at ${GRPC_RATE} req/s: p50 ${ms(gotSummary.p50)} ms, p99 ${ms(gotSummary.p99)} ms   goal p99 ≤ ${GOAL_GRPC_P99_MS} ms: ${verdict(gotSummary.p99 <= GOAL_GRPC_P99_MS && got.errors === 0, got)}`,
      );
    }

    console.log(`\nLatency at a fixed rate, ${size} businesses`);
    console.table(latencyRows);
  } finally {
    for (const fn of cleanups.reverse()) await fn().catch((err: unknown) => console.error('cleanup step failed:', err));
  }
}

// --- the run -------------------------------------------------------------------------------------------

async function main(): Promise<void> {
  const mongoUrl = requireEnv('MONGO_URL');
  const brokers = requireEnv('KAFKA_BROKERS');
  const mongo = await MongoClient.connect(mongoUrl);
  const keys = await mkdtemp(join(tmpdir(), 'bench-registry-keys-'));
  const cleanups: (() => Promise<unknown>)[] = [() => rm(keys, { recursive: true, force: true }), () => mongo.close(), () => deleteTopics(brokers)];
  const cleanup = async (): Promise<void> => {
    for (const fn of cleanups.splice(0).reverse()) await fn().catch((err: unknown) => console.error('cleanup step failed:', err));
  };
  process.once('SIGINT', () => void cleanup().then(() => process.exit(130)));

  try {
    const database = await describeDatabase(mongo);
    console.log(`bench:registry — ${new URL(mongoUrl).host}, ${database}`);
    console.log(
      `  sizes ${SIZES.join(', ')}; throughput: ${REQUESTS} searches per path from ${CONCURRENCY} loops over ${QUERIES.length} queries; ` +
        `latency: search at ${SEARCH_RATE}/s and GetBusiness at ${GRPC_RATE}/s for ${SECONDS} s each; phase time-out ${PHASE_TIMEOUT_S} s`,
    );
    await ensureDevKeys(keys);
    const staffToken = await mintDevToken({ role: 'staff', subject: 'bench-staff' }, keys);
    const verdicts: string[] = [];
    for (const size of SIZES) await measureSize(size, { mongo, mongoUrl, brokers, keys, staffToken }, verdicts);
    console.log(`\nGoals (${database}):`);
    for (const line of verdicts) console.log(`  ${line}`);
    const { loadavg } = await import('node:os');
    console.log(`(load average at the end: ${loadavg().map((l) => l.toFixed(2)).join(' ')})`);
    if (failures > 0) {
      console.log(`FAILED: ${failures} failed requests or mismatched searches`);
      process.exitCode = 1;
    }
  } finally {
    await cleanup();
  }
}

/** The service created its topics under this run's prefix: remove them with the run. */
async function deleteTopics(brokers: string): Promise<void> {
  const admin = new Kafka({ clientId: `bench-registry-${run}`, brokers: brokers.split(','), logLevel: logLevel.NOTHING }).admin();
  await admin.connect();
  try {
    const mine = (await admin.listTopics()).filter((t) => t.startsWith(TOPIC_PREFIX));
    if (mine.length > 0) await admin.deleteTopics({ topics: mine });
  } finally {
    await admin.disconnect();
  }
}

main().then(
  // Exit explicitly: an open-loop schedule cut short by a time-out may still hold timers.
  () => process.exit(process.exitCode ?? 0),
  (err: unknown) => {
    console.error(err);
    process.exit(1);
  },
);
