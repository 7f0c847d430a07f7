// One document per scheduled job in `job_leases`: who holds the job, until when, its fencing token,
// and when it is due next. Every step is one single-document conditional write (FerretDB v1 has no
// transactions and no TTL indexes): taking an expired lease bumps the token, so any write fenced by
// the old token — its renewal, its run's result — matches nothing once someone else holds the job.
import { isDuplicateKey } from '@hangviet/service-kit/mongo-errors';
import type { Collection, Db } from 'mongodb';

export const JOB_LEASES = 'job_leases';

export interface JobLeaseDoc {
  /** The job's name. */
  _id: string;
  /** The instance holding the job, or null once released. */
  holder: string | null;
  /** The fencing token: +1 each time the lease changes hands. */
  token: number;
  expiresAt: Date;
  nextRunAt: Date;
  lastRunAt?: Date;
  lastDurationMs?: number;
  lastOutcome?: 'success' | 'failure';
  lastError?: string;
  runs: number;
  failures: number;
}

/** A lease this instance holds. */
export interface HeldLease {
  token: number;
  nextRunAt: Date;
}

export interface RunResult {
  startedAt: Date;
  durationMs: number;
  error?: string;
  nextRunAt: Date;
}

const MAX_ERROR = 500;

export interface JobLeases {
  /** Takes the job's lease when nobody holds it (or the holder's lease expired). */
  acquire(job: string, holder: string, now: Date, leaseMs: number, firstRunAt: Date): Promise<HeldLease | null>;
  /** Extends a lease still held with this token; false when it changed hands. */
  renew(job: string, holder: string, token: number, now: Date, leaseMs: number): Promise<boolean>;
  /** Records a run and the next due time, fenced by the token; false when the lease changed hands. */
  recordRun(job: string, token: number, result: RunResult): Promise<boolean>;
  /** Gives the lease up at once (a clean stop), so another instance need not wait for it to expire. */
  release(job: string, holder: string, token: number): Promise<void>;
  read(job: string): Promise<JobLeaseDoc | null>;
}

export function createJobLeases(db: Db, collectionName = JOB_LEASES): JobLeases {
  const leases: Collection<JobLeaseDoc> = db.collection<JobLeaseDoc>(collectionName);
  return {
    async acquire(job, holder, now, leaseMs, firstRunAt) {
      const expiresAt = new Date(now.getTime() + leaseMs);
      const taken = await leases.findOneAndUpdate(
        { _id: job, expiresAt: { $lte: now } },
        { $set: { holder, expiresAt }, $inc: { token: 1 } },
        { returnDocument: 'after' },
      );
      if (taken) return { token: taken.token, nextRunAt: taken.nextRunAt };
      try {
        await leases.insertOne({ _id: job, holder, token: 1, expiresAt, nextRunAt: firstRunAt, runs: 0, failures: 0 });
        return { token: 1, nextRunAt: firstRunAt };
      } catch (err) {
        // The job's document exists and its lease has not expired: someone else holds it.
        if (isDuplicateKey(err)) return null;
        throw err;
      }
    },
    async renew(job, holder, token, now, leaseMs) {
      const renewed = await leases.updateOne({ _id: job, holder, token }, { $set: { expiresAt: new Date(now.getTime() + leaseMs) } });
      return renewed.matchedCount === 1;
    },
    async recordRun(job, token, result) {
      const failed = result.error !== undefined;
      const recorded = await leases.updateOne(
        { _id: job, token },
        {
          $set: {
            nextRunAt: result.nextRunAt,
            lastRunAt: result.startedAt,
            lastDurationMs: result.durationMs,
            lastOutcome: failed ? 'failure' : 'success',
            lastError: failed ? result.error!.slice(0, MAX_ERROR) : '',
          },
          $inc: { runs: 1, failures: failed ? 1 : 0 },
        },
      );
      return recorded.matchedCount === 1;
    },
    async release(job, holder, token) {
      await leases.updateOne({ _id: job, holder, token }, { $set: { holder: null, expiresAt: new Date(0) } });
    },
    read: (job) => leases.findOne({ _id: job }),
  };
}
