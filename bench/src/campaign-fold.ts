// node bench/dist/campaign-fold.js [events] — the CPU side of `campaign:rebuild` alone, no broker and no
// database: the synthetic events of bench:campaign as Kafka messages in memory, then what the rebuild does with
// each (envelope, protobuf decode, mapping, fold), then the facts and their rollup rows. Run it under
// `node --cpu-prof` to see where a rebuild's CPU time goes.
import { RecordFold } from '@hangviet/campaign-results/dist/infrastructure/rebuild';
import { decodeProjected, sourceEventOf } from '@hangviet/campaign-results/dist/infrastructure/source-events';
import { toFactDocument } from '@hangviet/campaign-results/dist/infrastructure/mongo-projection';
import { rollupsOf } from '@hangviet/campaign-results/dist/domain/rollups';
import { fromKafkaMessage, toKafkaMessage } from '@hangviet/events';
import { platform } from './campaign-events';
import { nowMs } from './stats';

const EVENTS = Number(process.argv[2] ?? 100_000);
const t0 = nowMs();
const messages = [...platform(EVENTS)].map((e, n) => {
  const m = toKafkaMessage({ id: `bench-${n}`, type: e.definition.type, source: 'bench', subject: e.subject, time: new Date().toISOString(), data: e.data }, e.definition.codec);
  // As kafkajs hands them over: header values as Buffers.
  return { value: m.value as Buffer, headers: Object.fromEntries(Object.entries(m.headers ?? {}).map(([k, v]) => [k, Buffer.from(String(v))])) };
});
const t1 = nowMs();
const fold = new RecordFold();
for (const message of messages) {
  const envelope = fromKafkaMessage(message);
  const data = decodeProjected(envelope.type, envelope.data);
  if (data === undefined) continue;
  const event = sourceEventOf({ ...envelope, data });
  if (event) fold.add(event);
}
const t2 = nowMs();
let facts = 0;
for (const fact of fold.facts()) {
  toFactDocument(fact);
  facts += 1;
}
const t3 = nowMs();
const rows = rollupsOf(fold.facts()).size;
const t4 = nowMs();
console.log(
  `[bench:campaign-fold] ${EVENTS} events (made in ${((t1 - t0) / 1000).toFixed(1)} s): decode + fold ${((t2 - t1) / 1000).toFixed(2)} s ` +
    `(${Math.round(EVENTS / ((t2 - t1) / 1000))} events/s), ${fold.records.size} records, ${facts} facts as documents ${((t3 - t2) / 1000).toFixed(2)} s, ` +
    `${rows} rollup rows ${((t4 - t3) / 1000).toFixed(2)} s`,
);
