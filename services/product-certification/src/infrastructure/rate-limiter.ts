// A fixed-window counter per client in the database, shared by every instance: one atomic upsert with
// $inc per hit. Old windows are swept by a job (no TTL indexes on FerretDB).
import type { RateLimiter } from '../application/ports';
import type { Collections } from './models';

export class DatabaseRateLimiter implements RateLimiter {
  constructor(
    private readonly c: Collections,
    private readonly limit: number,
    private readonly windowMs: number,
    private readonly name: string,
  ) {}

  async hit(clientKey: string, now: Date): Promise<boolean> {
    const windowStart = new Date(Math.floor(now.getTime() / this.windowMs) * this.windowMs);
    const doc = await this.c.rateCounters.findOneAndUpdate(
      { _id: `${this.name}:${clientKey}:${windowStart.getTime()}` },
      { $inc: { count: 1 }, $setOnInsert: { windowStart } },
      { upsert: true, returnDocument: 'after' },
    );
    return (doc?.count ?? 1) <= this.limit;
  }

  async sweep(before: Date): Promise<number> {
    return (await this.c.rateCounters.deleteMany({ windowStart: { $lt: before } })).deletedCount;
  }
}
