import type { EventLogEntry } from '../domain/records';
import type { EventLog } from './ports';
import { decodeCursor, encodeCursor, streamEventLog } from './stream-events';

/** An in-memory event log: the stream logic without a database. */
function memoryLog(seqs: number[], deletedThrough = 0) {
  const entries = new Map<number, EventLogEntry>();
  const add = (seq: number, type = 'hangviet.registry.business.approved.v1') =>
    entries.set(seq, { seq, eventId: `e${seq}`, type, source: 's', subject: 'x', time: '2026-01-01T00:00:00Z', dataJson: '{}', loggedAt: new Date() });
  seqs.forEach((s) => add(s));
  const log: EventLog = {
    append: async () => 0,
    readAfter: async (after, limit) => [...entries.values()].filter((e) => e.seq > after).sort((a, b) => a.seq - b.seq).slice(0, limit),
    head: async () => Math.max(deletedThrough, ...entries.keys()),
    deletedThrough: async () => deletedThrough,
    deleteOlderThan: async () => 0,
  };
  return { log, add };
}

async function take(gen: AsyncGenerator<{ cursor: string; entry: EventLogEntry }>, n: number): Promise<number[]> {
  const seqs: number[] = [];
  for await (const { entry } of gen) {
    seqs.push(entry.seq);
    if (seqs.length === n) break;
  }
  return seqs;
}

const base = { patterns: [], start: 'earliest' as const, pollIntervalMs: 1, gapWaitMs: 1_000_000 };

describe('streamEventLog', () => {
  it('round-trips cursors and rejects foreign ones', () => {
    expect(decodeCursor(encodeCursor(123456))).toBe(123456);
    expect(() => decodeCursor('c1.')).toThrow();
    expect(() => decodeCursor('123')).toThrow();
    expect(() => decodeCursor('c1.-5')).toThrow();
  });

  it('resumes right after the cursor and applies the filter', async () => {
    const { log, add } = memoryLog([1, 2, 3, 4]);
    add(5, 'hangviet.fair.fair.published.v1');
    add(6);
    const signal = new AbortController().signal;
    expect(await take(streamEventLog(log, { ...base, patterns: ['hangviet.registry.*'], after: 2, signal }), 3)).toEqual([3, 4, 6]);
    expect(await take(streamEventLog(log, { ...base, after: 2, signal }), 4)).toEqual([3, 4, 5, 6]);
    expect(await take(streamEventLog(log, { ...base, patterns: ['hangviet.fair.*'], signal }), 1)).toEqual([5]);
  });

  it('waits at a missing number instead of skipping past it, and delivers it once it appears', async () => {
    const { log, add } = memoryLog([1, 3]);
    const abort = new AbortController();
    const gen = streamEventLog(log, { ...base, signal: abort.signal });
    const first = await gen.next();
    expect(first.value?.entry.seq).toBe(1);
    const pending = gen.next();
    const raced = await Promise.race([pending, new Promise((r) => setTimeout(() => r('waiting'), 50))]);
    expect(raced).toBe('waiting');
    add(2);
    expect((await pending).value?.entry.seq).toBe(2);
    expect((await gen.next()).value?.entry.seq).toBe(3);
    abort.abort();
  });

  it('steps over a number missing for longer than the gap wait', async () => {
    const { log } = memoryLog([1, 3]);
    const signal = new AbortController().signal;
    expect(await take(streamEventLog(log, { ...base, gapWaitMs: 0, signal }), 2)).toEqual([1, 3]);
  });

  it('starts at the head for "latest" and refuses a cursor behind retention', async () => {
    const { log, add } = memoryLog([11, 12], 10);
    const abort = new AbortController();
    const gen = streamEventLog(log, { ...base, start: 'latest', signal: abort.signal });
    const next = gen.next();
    await new Promise((r) => setTimeout(r, 20)); // the stream has read the head (12) by now
    add(13);
    expect((await next).value?.entry.seq).toBe(13);
    abort.abort();
    await expect(streamEventLog(log, { ...base, after: 9, signal: abort.signal }).next()).rejects.toMatchObject({ code: 'CURSOR_EXPIRED' });
    expect(await take(streamEventLog(log, { ...base, after: 10, signal: new AbortController().signal }), 1)).toEqual([11]);
  });
});
