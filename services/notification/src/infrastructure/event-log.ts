// The log behind the partner event stream. An event's sequence number is the current highest plus
// one, taken by inserting it as the _id: a unique-key insert is atomic on MongoDB and FerretDB alike
// (a counter with $inc is not on FerretDB v1), so two appenders never share a number, and number
// n+1 can only exist once n is visible — readers see no gap and no reordering.
//
// Appends that arrive together (the consumer handles several partitions at once) are written as one
// ordered insertMany of consecutive numbers: it stops at the first refused entry, so what it wrote is
// still a gapless run, and the appenders of one instance never race each other for a number. The
// numeric _id is not one FerretDB v1 answers from its index (only strings and ObjectIds), so the
// common path never looks the log up by number: it inserts after the last number it knows and reads
// the log only when an insert is refused.
import { setTimeout as delay } from 'node:timers/promises';
import { createBatcher } from '@hangviet/jobs';
import { duplicateKeyIndexes, isDuplicateKey } from '@hangviet/service-kit/mongo-errors';
import type { EventLog } from '../application/ports';
import type { EventLogEntry, LoggedEvent } from '../domain/records';
import { driverCollection, type EventLogDoc, type EventLogIdDoc, type NotificationModels } from './models';

export const EVENT_LOG_MARK = 'event_log';

const MAX_APPEND_TRIES = 100;
const MAX_APPEND_BATCH = 100;

function toBuffer(value: unknown): Buffer {
  if (Buffer.isBuffer(value)) return value;
  const inner = (value as { buffer?: unknown } | null | undefined)?.buffer;
  if (inner instanceof Uint8Array) return Buffer.from(inner.buffer, inner.byteOffset, inner.byteLength);
  return Buffer.alloc(0);
}

export function createEventLog(models: Pick<NotificationModels, 'eventLog' | 'eventLogIds' | 'counters'>): EventLog {
  const { eventLog, eventLogIds, counters } = models;

  const deletedThrough = async () => (await counters.findById(EVENT_LOG_MARK).lean())?.deletedThrough ?? 0;
  const head = async () => (await eventLog.findOne().sort({ _id: -1 }).lean())?._id ?? (await deletedThrough());
  // The last sequence this instance saw: the next append starts from here instead of sorting the
  // whole log (which FerretDB does by reading every entry).
  let hint: number | undefined;
  const nextFree = async (): Promise<number> => {
    const seq = (hint ??= await head()) + 1;
    // A hint from before a retention sweep would reuse deleted numbers that readers have passed.
    if (seq <= (await deletedThrough())) return (hint = await head()) + 1;
    return seq;
  };
  const remember = async (entries: EventLogIdDoc[]) => {
    if (entries.length === 0) return;
    // A duplicate: remembered already (another appender of the same event).
    await duplicateKeyIndexes(driverCollection<EventLogIdDoc>(eventLogIds).insertMany(entries, { ordered: false }));
  };
  const seqOf = async (eventId: string): Promise<number | undefined> => {
    const known = (await eventLogIds.findById(eventId).lean())?.seq;
    if (known !== undefined) return known;
    // Logged but not yet remembered (a crash in between): the slow lookup, then remember it.
    const entry = await eventLog.findOne({ eventId }).lean();
    if (entry) await remember([{ _id: eventId, seq: entry._id }]);
    return entry?._id;
  };

  const appendBatch = createBatcher<LoggedEvent, number>({
    maxBatch: MAX_APPEND_BATCH,
    run: async (events) => {
      const seqs = new Map<string, number>();
      const ids = [...new Set(events.map((e) => e.eventId))];
      for (const known of await eventLogIds.find({ _id: { $in: ids } }).lean()) seqs.set(known._id, known.seq);
      let todo = ids.filter((id) => !seqs.has(id)).map((id) => events.find((e) => e.eventId === id)!);
      const loggedNow: EventLogIdDoc[] = [];
      for (let attempt = 0; todo.length > 0; attempt++) {
        if (attempt >= MAX_APPEND_TRIES) throw new Error(`event log: no sequence number after ${MAX_APPEND_TRIES} tries`);
        const start = await nextFree();
        const loggedAt = new Date();
        const entries: EventLogDoc[] = todo.map((event, i) => ({
          _id: start + i,
          eventId: event.eventId,
          type: event.type,
          source: event.source,
          subject: event.subject,
          time: event.time,
          dataJson: event.dataJson,
          dataProto: Buffer.from(event.dataProto),
          loggedAt,
        }));
        let written = entries.length;
        try {
          await driverCollection<EventLogDoc>(eventLog).insertMany(entries, { ordered: true });
        } catch (err) {
          const refused = (err as { writeErrors?: { index: number; code?: number }[] }).writeErrors?.[0];
          if (!refused || !isDuplicateKey(refused)) throw err;
          written = refused.index;
        }
        for (const entry of entries.slice(0, written)) {
          seqs.set(entry.eventId, entry._id);
          loggedNow.push({ _id: entry.eventId, seq: entry._id });
        }
        if (written > 0) hint = start + written - 1;
        if (written === entries.length) break;
        // The entry at `written` was refused: either its number is taken (another instance appended),
        // or its event got in first under another number (unique eventId).
        const refusedSeq = start + written;
        const stuck = todo[written]!;
        todo = todo.slice(written);
        const winner = (await eventLogIds.findById(stuck.eventId).lean())?.seq;
        if (winner !== undefined) {
          seqs.set(stuck.eventId, winner);
          todo = todo.slice(1);
        } else if (await eventLog.exists({ _id: refusedSeq })) {
          hint = refusedSeq;
          await delay(Math.random() * 5 * (attempt + 1));
        } else {
          const logged = await seqOf(stuck.eventId);
          if (logged !== undefined) {
            seqs.set(stuck.eventId, logged);
            todo = todo.slice(1);
          }
        }
      }
      await remember(loggedNow);
      return events.map((e) => seqs.get(e.eventId)!);
    },
  });

  return {
    append: appendBatch,
    async readAfter(after, limit) {
      const docs = await eventLog.find({ _id: { $gt: after } }).sort({ _id: 1 }).limit(limit).lean();
      // lean() hands binary fields back as BSON Binary, not Buffer.
      return docs.map(({ _id, ...doc }): EventLogEntry => ({ ...doc, seq: _id, dataProto: toBuffer(doc.dataProto) }));
    },
    head,
    deletedThrough,
    async deleteOlderThan(before) {
      const newestOld = await eventLog.findOne({ loggedAt: { $lt: before } }).sort({ _id: -1 }).lean();
      if (!newestOld) return 0;
      // Never delete the newest entry: the next sequence number is derived from it.
      const top = await head();
      const through = Math.min(newestOld._id, top - 1);
      if (through <= (await deletedThrough())) return 0;
      // Mark first: a reader behind the mark is told its cursor expired, never silently skipped ahead.
      await counters.replaceOne({ _id: EVENT_LOG_MARK }, { _id: EVENT_LOG_MARK, deletedThrough: through }, { upsert: true });
      const result = await eventLog.deleteMany({ _id: { $lte: through } });
      await eventLogIds.deleteMany({ seq: { $lte: through } });
      return result.deletedCount;
    },
  };
}
