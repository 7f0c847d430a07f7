// Booth holds (one document per (fair, booth), unique `_id`), allocation runs (one whole document per
// run, written before any application changes) and the per-fair allocation lease (libs/jobs leases).
import { createJobLeases } from '@hangviet/jobs';
import { duplicateKeyIndexes, isDuplicateKey } from '@hangviet/service-kit/mongo-errors';
import type { Db } from 'mongodb';
import type { AllocationLease, AllocationRun, AllocationRuns, BoothHold, BoothHolds } from '../application/ports';
import type { Collections } from './models';

export class MongoBoothHolds implements BoothHolds {
  constructor(private readonly c: Collections) {}

  async holdMany(fairId: string, holds: readonly { code: string; applicationId: string; holderName: string }[], state: BoothHold['state']): Promise<string[]> {
    if (holds.length === 0) return [];
    const docs = holds.map(({ code, applicationId, holderName }) => ({ _id: `${fairId}:${code}`, fairId, code, applicationId, holderName, state }));
    const refused = await duplicateKeyIndexes(this.c.holds.insertMany(docs, { ordered: false }));
    if (refused.size === 0) return [];
    // A booth already held by the same application was taken by a pass that crashed: it counts as held.
    const ids = [...refused].map((i) => docs[i]!._id);
    const existing = new Map((await this.c.holds.find({ _id: { $in: ids } }).toArray()).map((h) => [h._id, h.applicationId]));
    return [...refused].filter((i) => existing.get(docs[i]!._id) !== docs[i]!.applicationId).map((i) => docs[i]!.code);
  }

  async hold(fairId: string, codes: readonly string[], applicationId: string, holderName: string, state: BoothHold['state']): Promise<boolean> {
    if (codes.length === 0) return true;
    try {
      await this.c.holds.insertMany(codes.map((code) => ({ _id: `${fairId}:${code}`, fairId, code, applicationId, holderName, state })), { ordered: true });
      return true;
    } catch (err) {
      if (!isDuplicateKey(err)) throw err;
      // Another application holds one of them: give back what this one took (all or none).
      await this.c.holds.deleteMany({ applicationId });
      return false;
    }
  }

  async setState(applicationId: string, state: BoothHold['state']): Promise<void> {
    await this.c.holds.updateMany({ applicationId }, { $set: { state } });
  }

  async release(applicationId: string): Promise<void> {
    await this.c.holds.deleteMany({ applicationId });
  }

  async ofFair(fairId: string): Promise<BoothHold[]> {
    return (await this.c.holds.find({ fairId }).toArray()).map(({ code, applicationId, holderName, state }) => ({ code, applicationId, holderName, state }));
  }
}

export class MongoAllocationRuns implements AllocationRuns {
  constructor(private readonly c: Collections) {}
  async add({ id, ...run }: AllocationRun): Promise<void> {
    await this.c.runs.insertOne({ _id: id, ...run });
  }
  async latest(fairId: string): Promise<AllocationRun | undefined> {
    const doc = await this.c.runs.find({ fairId }).sort({ createTime: -1 }).limit(1).next();
    if (!doc) return undefined;
    const { _id, ...run } = doc;
    return { id: _id, ...run };
  }
  async markApplied(runId: string): Promise<void> {
    await this.c.runs.updateOne({ _id: runId }, { $set: { state: 'APPLIED' } });
  }
  async applying(limit: number): Promise<AllocationRun[]> {
    const docs = await this.c.runs.find({ state: 'APPLYING' }).sort({ createTime: 1 }).limit(limit).toArray();
    return docs.map(({ _id, ...run }) => ({ id: _id, ...run }));
  }
}

export const ALLOCATION_LEASES = 'allocation_leases';

/**
 * A job lease per fair (`allocate:<fairId>`), in its own collection so the scheduler never sees it. Short,
 * and renewed every third of its length while the run goes on (a heartbeat with the fencing token): a
 * crashed instance's run is resumed by another within `leaseMs`, a slow live one keeps it.
 */
export function allocationLease(db: Db, holder: string, leaseMs = 30_000, now: () => Date = () => new Date()): AllocationLease {
  const leases = createJobLeases(db, ALLOCATION_LEASES);
  return {
    async acquire(fairId, at) {
      const job = `allocate:${fairId}`;
      const held = await leases.acquire(job, holder, at, leaseMs, at);
      if (!held) return undefined;
      const heartbeat = setInterval(() => {
        leases.renew(job, holder, held.token, now(), leaseMs).catch(() => undefined); // a missed beat: the next one, or expiry
      }, Math.max(100, Math.floor(leaseMs / 3)));
      heartbeat.unref();
      return {
        release: async () => {
          clearInterval(heartbeat);
          await leases.release(job, holder, held.token);
        },
      };
    },
  };
}
