// Venues, and the days each is taken (venue_days: one document per (venue, day), unique `_id`).
import { randomUUID } from 'node:crypto';
import { isDuplicateKey } from '@hangviet/service-kit/mongo-errors';
import type { Booth } from '../domain/booth';
import type { VenueState } from '../domain/venue';
import type { VenueCalendar, VenueRepository } from '../application/ports';
import type { Collections } from './models';

export class MongoVenueRepository implements VenueRepository {
  constructor(private readonly c: Collections) {}
  newId(): string {
    return randomUUID();
  }
  async add({ id, ...state }: VenueState): Promise<void> {
    await this.c.venues.insertOne({ _id: id, ...state });
  }
  async findById(id: string): Promise<VenueState | undefined> {
    const doc = await this.c.venues.findOne({ _id: id });
    if (!doc) return undefined;
    const { _id, ...state } = doc;
    return { id: _id, ...state };
  }
  async replaceBooths(id: string, booths: Booth[], expectedVersion: number, now: Date): Promise<boolean> {
    const res = await this.c.venues.updateOne({ _id: id, version: expectedVersion }, { $set: { booths, updateTime: now, version: expectedVersion + 1 } });
    return res.matchedCount === 1;
  }
}

/**
 * Claims days in ascending order, one insert each, stopping at the first taken day. Two fairs whose
 * days overlap contend first for the earliest common day, which only one insert can win; the loser stops
 * there, so it never holds a later common day the winner needs: exactly one of them succeeds.
 */
export class MongoVenueCalendar implements VenueCalendar {
  constructor(private readonly c: Collections) {}

  async claim(venueId: string, days: readonly string[], { id: fairId, name: fairName }: { id: string; name: string }) {
    const sorted = [...days].sort();
    try {
      await this.c.venueDays.insertMany(
        sorted.map((day) => ({ _id: `${venueId}:${day}`, venueId, day, fairId, fairName, claimTime: new Date() })),
        { ordered: true },
      );
      return { ok: true as const };
    } catch (err) {
      if (!isDuplicateKey(err)) {
        await this.release(fairId);
        throw err;
      }
      await this.release(fairId);
      const taken = await this.c.venueDays.find({ _id: { $in: sorted.map((d) => `${venueId}:${d}`) }, fairId: { $ne: fairId } }).toArray();
      const first = taken.sort((a, b) => (a.day < b.day ? -1 : 1))[0];
      // The holder released in between (its own failure): report the day anyway; the caller may retry.
      return { ok: false as const, day: first?.day ?? sorted[0]!, heldBy: { id: first?.fairId ?? '', name: first?.fairName ?? '' } };
    }
  }

  async release(fairId: string): Promise<void> {
    await this.c.venueDays.deleteMany({ fairId });
  }

  async claimantsBefore(before: Date, limit: number): Promise<string[]> {
    const docs = await this.c.venueDays.find({ claimTime: { $lt: before } }, { projection: { fairId: 1 } }).sort({ claimTime: 1 }).limit(limit).toArray();
    return [...new Set(docs.map((d) => d.fairId))];
  }
}
