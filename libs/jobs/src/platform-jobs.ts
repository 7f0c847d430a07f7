// Jobs every service with the shared host runs the same way.
import type { IdempotencyStore, RateLimitStore } from '@hangviet/service-kit';
import { defineJob, type DefinedJob } from './scheduler';

/** Deletes expired Idempotency-Key records (FerretDB has no TTL index); one instance at a time. */
export function idempotencyKeysSweep(store: Pick<IdempotencyStore, 'sweep'>, every: string | number = '10m'): DefinedJob {
  return defineJob({
    name: 'idempotency-keys-sweep',
    schedule: { every },
    run: async () => {
      await store.sweep();
    },
  });
}

/** Deletes rate-limit windows that have ended (FerretDB has no TTL index); one instance at a time. */
export function rateLimitSweep(store: Pick<RateLimitStore, 'sweep'>, every: string | number = '5m'): DefinedJob {
  return defineJob({
    name: 'rate-limit-sweep',
    schedule: { every },
    run: async () => {
      await store.sweep();
    },
  });
}
