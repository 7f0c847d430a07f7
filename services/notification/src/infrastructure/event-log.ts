// The log behind the partner event stream. An event's sequence number is the current highest plus
// one, taken by inserting it as the _id: a unique-key insert is atomic on MongoDB and FerretDB alike
// (a counter with $inc is not on FerretDB v1), so two appenders never share a number, and number
// n+1 can only exist once n is visible — readers see no gap and no reordering.
import { setTimeout as delay } from 'node:timers/promises';
import type { EventLogDoc, NotificationModels } from './models';

export const EVENT_LOG_MARK = 'event_log';

export interface LoggedEvent {
  eventId: string;
  type: string;
  source: string;
  subject: string;
  time: string;
  dataJson: string;
  dataProto: Uint8Array;
}

export interface EventLog {
  /** Appends once per eventId; returns its sequence number (the existing one for a known event). */
  append(event: LoggedEvent): Promise<number>;
  /** Entries with sequence > after, ascending. */
  readAfter(after: number, limit: number): Promise<EventLogDoc[]>;
  /** The highest sequence so far (the retention mark when the log is empty). */
  head(): Promise<number>;
  /** Every sequence at or below this may be gone (retention). */
  deletedThrough(): Promise<number>;
  /** Deletes entries logged before `before`; returns how many. */
  deleteOlderThan(before: Date): Promise<number>;
}

const MAX_APPEND_TRIES = 100;

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
  // The last sequence this instance saw: the next append probes from here by _id instead of
  // sorting the whole log (which FerretDB does by reading every entry).
  let hint: number | undefined;
  const nextFree = async (): Promise<number> => {
    let seq = (hint ??= await head()) + 1;
    // A hint from before a retention sweep would reuse deleted numbers that readers have passed.
    if (seq <= (await deletedThrough())) seq = (hint = await head()) + 1;
    while (await eventLog.exists({ _id: seq })) seq++;
    return seq;
  };
  const remember = async (eventId: string, seq: number) => {
    await eventLogIds.updateOne({ _id: eventId }, { $setOnInsert: { seq } }, { upsert: true }).catch((err: unknown) => {
      if ((err as { code?: number }).code !== 11000) throw err;
    });
  };
  const seqOf = async (eventId: string): Promise<number | undefined> => {
    const known = (await eventLogIds.findById(eventId).lean())?.seq;
    if (known !== undefined) return known;
    // Logged but not yet remembered (a crash in between): the slow lookup, then remember it.
    const entry = await eventLog.findOne({ eventId }).lean();
    if (entry) await remember(eventId, entry._id);
    return entry?._id;
  };

  return {
    async append(event) {
      const known = (await eventLogIds.findById(event.eventId).lean())?.seq;
      if (known !== undefined) return known;
      for (let attempt = 0; attempt < MAX_APPEND_TRIES; attempt++) {
        const seq = await nextFree();
        try {
          await eventLog.create({
            _id: seq,
            eventId: event.eventId,
            type: event.type,
            source: event.source,
            subject: event.subject,
            time: event.time,
            dataJson: event.dataJson,
            dataProto: Buffer.from(event.dataProto),
            loggedAt: new Date(),
          });
          hint = seq;
          await remember(event.eventId, seq);
          return seq;
        } catch (err) {
          if ((err as { code?: number }).code !== 11000) throw err;
          // Either another appender took this number, or this very event got in first (unique eventId).
          if (await eventLog.exists({ _id: seq })) {
            hint = seq;
          } else {
            const winner = await seqOf(event.eventId);
            if (winner !== undefined) return winner;
          }
          await delay(Math.random() * 5 * (attempt + 1));
        }
      }
      throw new Error(`event log: no sequence number after ${MAX_APPEND_TRIES} tries`);
    },
    async readAfter(after, limit) {
      const docs = await eventLog.find({ _id: { $gt: after } }).sort({ _id: 1 }).limit(limit).lean();
      // lean() hands binary fields back as BSON Binary, not Buffer.
      return docs.map((doc) => ({ ...doc, dataProto: toBuffer(doc.dataProto) }));
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
