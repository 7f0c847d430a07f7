// `import '@hangviet/telemetry/register';` as the FIRST line of a service's main.ts: the SDK has to be
// running before http, express, grpc, mongodb and kafkajs are loaded, or their instrumentations never patch.
import { resolveServiceIdentity } from './service-identity';
import { startTelemetry } from './start-telemetry';

const identity = resolveServiceIdentity();
const telemetry = startTelemetry({
  serviceName: identity.name,
  ...(identity.version ? { serviceVersion: identity.version } : {}),
});

// beforeExit covers a natural end; a service stopped by a signal calls shutdownTelemetry() from its hooks.
process.once('beforeExit', () => {
  telemetry.shutdown().catch((error: unknown) => {
    process.stderr.write(`telemetry: flushing spans at exit failed: ${error instanceof Error ? error.message : String(error)}\n`);
  });
});
