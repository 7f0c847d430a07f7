import '@hangviet/telemetry/register';
import { createLogger, runService } from '@hangviet/service-kit';
import { shutdownTelemetry } from '@hangviet/telemetry';
import { startRegistry } from './app';
import { loadRegistryConfig, SERVICE_NAME } from './config';

const config = loadRegistryConfig();
const logger = createLogger({ service: SERVICE_NAME, level: config.LOG_LEVEL });

runService({ service: SERVICE_NAME, logger, timeoutMs: config.SHUTDOWN_TIMEOUT_MS }, async (lifecycle) => {
  // Registered first so it runs last: spans of the shutdown itself are flushed too.
  lifecycle.onShutdown('telemetry', () => shutdownTelemetry());
  const registry = await startRegistry(config, logger);
  lifecycle.onShutdown('business registry', () => registry.stop());
  logger.info({ httpPort: registry.httpPort, grpcPort: registry.grpcPort }, 'listening');
});
