// The registry in-process, on the shared host: what the integration tests and the benchmark start
// (ephemeral ports with HTTP_PORT/GRPC_PORT 0). main.ts runs the same definition under runMain.
import { startService, type Logger } from '@hangviet/service-kit';
import type mongoose from 'mongoose';
import type { RegistryDeps } from './application/ports';
import type { RegistryConfig } from './config';
import { businessRegistry } from './service';

export interface RunningRegistry {
  httpPort: number;
  grpcPort: number;
  deps: RegistryDeps;
  connection: mongoose.Connection;
  stop(): Promise<void>;
}

export async function startRegistry(config: RegistryConfig, logger: Logger): Promise<RunningRegistry> {
  const running = await startService(businessRegistry, { config, logger });
  return { httpPort: running.httpPort, grpcPort: running.grpcPort, deps: running.parts, connection: running.host.connection, stop: running.stop };
}
