// The registry on the shared harness, its outbox swept often (a crash's leftovers are published within the test).
import { startServiceHarness } from '@hangviet/service-testing';
import { businessRegistry } from '../../src/service';

export function startRegistry(label: string, env: Record<string, string> = {}) {
  return startServiceHarness(businessRegistry, { label, env: { OUTBOX_SWEEP_INTERVAL_MS: '200', ...env } });
}

export type Harness = Awaited<ReturnType<typeof startRegistry>>;
