// The notification service in-process, on the same host and definition main.ts runs: what the
// integration tests and bench/webhooks.mjs start (ephemeral ports with HTTP_PORT/GRPC_PORT 0).
import { startService, type Authenticator, type Logger } from '@hangviet/service-kit';
import type mongoose from 'mongoose';
import type { Config } from './config';
import { notificationService, type NotificationOverrides, type NotificationParts } from './service';

export interface NotificationService extends NotificationParts {
  httpPort: number;
  grpcPort: number;
  connection: mongoose.Connection;
  stop(): Promise<void>;
}

export async function startNotificationService(
  config: Config,
  opts: NotificationOverrides & { logger: Logger; authenticator?: Authenticator; host?: string },
): Promise<NotificationService> {
  const { logger, authenticator, host, ...overrides } = opts;
  const running = await startService(notificationService(overrides), {
    config,
    logger,
    ...(authenticator ? { authenticator } : {}),
    ...(host ? { listenHost: host } : {}),
  });
  return { ...running.parts, httpPort: running.httpPort, grpcPort: running.grpcPort, connection: running.host.connection, stop: running.stop };
}
