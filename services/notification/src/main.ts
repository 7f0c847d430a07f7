import '@hangviet/telemetry/register';
import { createLogger, runService } from '@hangviet/service-kit';
import { shutdownTelemetry } from '@hangviet/telemetry';
import { loadNotificationConfig, type Config } from './config';
import { SERVICE_NAME, startNotificationService } from './service';

let config: Config;
try {
  config = loadNotificationConfig();
} catch (err) {
  // One line naming the variable and the rule, not a stack trace.
  console.error(`${SERVICE_NAME}: invalid configuration: ${(err as Error).message}`);
  process.exit(1);
}
const logger = createLogger({ service: SERVICE_NAME, level: config.LOG_LEVEL });

runService({ service: SERVICE_NAME, logger, timeoutMs: config.SHUTDOWN_TIMEOUT_MS }, async (lifecycle) => {
  // Registered first, so it runs last: spans of the shutdown itself are flushed too.
  lifecycle.onShutdown('telemetry', () => shutdownTelemetry());
  const service = await startNotificationService(config, { logger });
  lifecycle.onShutdown('notification', () => service.stop());
  logger.info({ httpPort: service.httpPort, grpcPort: service.grpcPort }, 'notification service started');
});
