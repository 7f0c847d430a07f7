// Jobs every service with the shared host runs the same way.
import type { IdempotencyStore } from '@hangviet/service-kit';
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
