// Product-certification on the shared harness: QR keys beside its signing keys; no registry unless a test gives
// one (businesses are known from the events the tests publish).
import { join } from 'node:path';
import { startServiceHarness, type TestScope } from '@hangviet/service-testing';
import { productCertificationService } from '../../src/service';

export function startCertification(label: string, env: Record<string, string> = {}, share?: { scope?: TestScope; keys?: string }) {
  return startServiceHarness(productCertificationService, {
    label,
    ...(share ? { share } : {}),
    env: ({ keys }) => ({
      QR_DEV_KEYS_DIR: join(keys, 'qr'),
      BUSINESS_REGISTRY_GRPC_ADDRESS: '127.0.0.1:1',
      REGISTRY_DEADLINE_MS: '300',
      ...env,
    }),
  });
}

export type Harness = Awaited<ReturnType<typeof startCertification>>;
