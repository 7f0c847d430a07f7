// `npm run campaign:rebuild`: the projection rebuilt from the beginning of every topic it counts. Reads each
// partition up to its end as it was when the rebuild started, reduces the events in memory with the same rules
// as the live consumer (applyEvent, factsOf, the same mapping), sums the facts into their rollup rows in memory
// (domain/rollups.ts), then replaces the three collections in bulk: without their secondary indexes (built after, once),
// in large unordered batches, several in flight, the three collections at once.
// The live consumer may run on afterwards: its events up to the end read here are duplicates or stale to the
// rebuilt records, so it picks up where the rebuild stopped.
import { fromKafkaMessage } from '@hangviet/events';
import type { Kafka } from 'kafkajs';
import type { Db } from 'mongodb';
import type { Logger } from 'pino';
import { applyEvent, businessDimsOf, contextKeys, factsOf, fairDimsOf, recordId, type ProjectedRecord, type SourceEvent } from '../domain/projection';
import { FINE, periodKeyOf, rollupsOf } from '../domain/rollups';
import { ensureProjectionIndexes, FACTS, RECORDS, toFactDocument, toRecordDocument } from './mongo-projection';
import { ROLLUPS, type RollupDocument } from './mongo-rollups';
import { decodeProjected, sourceEventOf } from './source-events';

export interface RebuildResult {
  events: number;
  records: number;
  facts: number;
  rollups: number;
  readMs: number;
  writeMs: number;
}

/** Every message of the topics from the beginning to their ends at the start, as the projection's events, per partition in order. */
export async function readTopics(kafka: Kafka, topics: readonly string[], onEvent: (event: SourceEvent) => void, logger?: Logger): Promise<number> {
  const admin = kafka.admin();
  await admin.connect();
  const existing = new Set(await admin.listTopics());
  const ends = new Map<string, bigint>();
  for (const topic of topics.filter((t) => existing.has(t))) {
    for (const p of await admin.fetchTopicOffsets(topic)) if (BigInt(p.high) > BigInt(p.low)) ends.set(`${topic}:${p.partition}`, BigInt(p.high));
  }
  await admin.disconnect();
  if (ends.size === 0) return 0;
  let count = 0;
  const pending = new Set(ends.keys());
  const consumer = kafka.consumer({ groupId: `campaign-rebuild-${process.pid}-${Date.now()}`, sessionTimeout: 30_000, maxBytesPerPartition: 4 * 1024 * 1024 });
  await consumer.connect();
  const read = topics.filter((t) => [...ends.keys()].some((k) => k.startsWith(`${t}:`)));
  await consumer.subscribe({ topics: read, fromBeginning: true });
  await new Promise<void>((resolve, reject) => {
    consumer.on(consumer.events.CRASH, (e) => reject(e.payload.error));
    consumer
      .run({
        autoCommit: false,
        partitionsConsumedConcurrently: 1,
        eachBatch: async ({ batch }) => {
          const key = `${batch.topic}:${batch.partition}`;
          const end = ends.get(key);
          if (end === undefined) return;
          for (const message of batch.messages) {
            if (BigInt(message.offset) >= end) break;
            let envelope;
            try {
              envelope = fromKafkaMessage(message);
            } catch {
              continue; // not one of our CloudEvents: the live consumer dead-letters it, and counts nothing
            }
            const data = decodeProjected(envelope.type, envelope.data);
            if (data === undefined) continue;
            const event = sourceEventOf({ ...envelope, data });
            if (event) onEvent(event);
            count += 1;
          }
          const last = batch.messages.at(-1);
          if (last && BigInt(last.offset) + 1n >= end && pending.delete(key) && pending.size === 0) resolve();
        },
      })
      .catch(reject);
  });
  await consumer.disconnect();
  logger?.info({ events: count, partitions: ends.size }, 'topics read');
  return count;
}

/** Folds events into records, in arrival order per aggregate: what the live consumer does, in memory. */
export class RecordFold {
  readonly records = new Map<string, ProjectedRecord>();

  add(event: SourceEvent): void {
    const id = recordId(event.kind, event.sourceId);
    const result = applyEvent(this.records.get(id), event);
    if (result.outcome === 'applied') this.records.set(id, result.record);
  }

  /** Every record's facts, each with its business and fair as they are at the end. */
  *facts() {
    for (const record of this.records.values()) {
      const keys = contextKeys(record);
      const business = keys.businessId ? businessDimsOf(this.records.get(recordId('business', keys.businessId))) : undefined;
      const fair = keys.fairId ? fairDimsOf(this.records.get(recordId('fair', keys.fairId))) : undefined;
      yield* factsOf(record, { ...(business ? { business } : {}), ...(fair ? { fair } : {}) });
    }
  }
}

const BATCH = 5000;
const IN_FLIGHT = 3;

/** Inserts the documents in unordered batches, up to IN_FLIGHT at a time; how many. */
async function insertAll(db: Db, name: string, docs: Iterable<object>): Promise<number> {
  const collection = db.collection(name);
  const inFlight = new Set<Promise<unknown>>();
  let batch: object[] = [];
  let n = 0;
  const send = async () => {
    const docsOfBatch = batch;
    batch = [];
    n += docsOfBatch.length;
    const p = collection.insertMany(docsOfBatch, { ordered: false }).finally(() => inFlight.delete(p));
    inFlight.add(p);
    if (inFlight.size >= IN_FLIGHT) await Promise.race(inFlight);
  };
  for (const doc of docs) {
    batch.push(doc);
    if (batch.length === BATCH) await send();
  }
  if (batch.length > 0) await send();
  await Promise.all(inFlight);
  return n;
}

/** Every rollup row the fold's facts count in, with its sum and count, as documents. */
function rollupDocumentsOf(fold: RecordFold): RollupDocument[] {
  return [...rollupsOf(fold.facts())].map(([id, row]) => ({ _id: id, ...row, marks: 0, stale: false, ...(row.set === FINE ? { period: periodKeyOf(row) } : {}) }));
}

/** Replaces the projection's collections in `db` with the fold's records, facts and rollups. */
export async function writeFold(db: Db, fold: RecordFold): Promise<{ records: number; facts: number; rollups: number }> {
  await Promise.all([RECORDS, FACTS, ROLLUPS].map((name) => db.collection(name).drop().catch(() => undefined)));
  const rollups = rollupDocumentsOf(fold);
  // Secondary indexes after the data: built once, not updated per insert.
  const [records, factCount, rollupCount] = await Promise.all([
    insertAll(db, RECORDS, (function* () {
      for (const record of fold.records.values()) yield toRecordDocument(record);
    })()),
    insertAll(db, FACTS, (function* () {
      for (const fact of fold.facts()) yield toFactDocument(fact);
    })()),
    insertAll(db, ROLLUPS, rollups),
  ]);
  await ensureProjectionIndexes(db);
  return { records, facts: factCount, rollups: rollupCount };
}

export async function rebuildProjection(opts: { kafka: Kafka; db: Db; topics: readonly string[]; logger?: Logger }): Promise<RebuildResult> {
  const fold = new RecordFold();
  const t0 = Date.now();
  const events = await readTopics(opts.kafka, opts.topics, (e) => fold.add(e), opts.logger);
  const t1 = Date.now();
  const written = await writeFold(opts.db, fold);
  return { events, ...written, readMs: t1 - t0, writeMs: Date.now() - t1 };
}
