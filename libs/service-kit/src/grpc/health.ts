// grpc.health.v1 for a server: SERVING while the service's readiness checks pass and it is not shutting down,
// for the whole server ('') and for each of its services by name; Watch polls readiness every second.
import * as grpc from '@grpc/grpc-js';
import {
  HealthCheckResponse_ServingStatus as ServingStatus,
  type HealthCheckRequest,
  type HealthCheckResponse,
} from '@hangviet/contracts/grpc/health/v1/health';
import type { Readiness } from '../readiness';

export const HEALTH_SERVICE = 'grpc.health.v1.Health';

export function healthService(opts: { names: readonly string[]; readiness: Readiness; shuttingDown: () => boolean }): grpc.UntypedServiceImplementation {
  async function servingStatus(service: string): Promise<ServingStatus | undefined> {
    if (service !== '' && service !== HEALTH_SERVICE && !opts.names.includes(service)) return undefined;
    if (opts.shuttingDown()) return ServingStatus.NOT_SERVING;
    return (await opts.readiness.check()).ok ? ServingStatus.SERVING : ServingStatus.NOT_SERVING;
  }

  return {
    check: (call: grpc.ServerUnaryCall<HealthCheckRequest, HealthCheckResponse>, callback: grpc.sendUnaryData<HealthCheckResponse>) => {
      servingStatus(call.request.service).then(
        (status) =>
          status === undefined
            ? callback({ code: grpc.status.NOT_FOUND, details: `unknown service '${call.request.service}'` })
            : callback(null, { status }),
        () => callback(null, { status: ServingStatus.NOT_SERVING }),
      );
    },
    watch: (call: grpc.ServerWritableStream<HealthCheckRequest, HealthCheckResponse>) => {
      // Sends the status now and again whenever it changes, polling readiness every second.
      let last: ServingStatus | undefined;
      const tick = async () => {
        const status = (await servingStatus(call.request.service).catch(() => ServingStatus.NOT_SERVING)) ?? ServingStatus.SERVICE_UNKNOWN;
        if (status !== last && !call.cancelled) {
          last = status;
          call.write({ status });
        }
      };
      void tick();
      const timer = setInterval(() => void tick(), 1000);
      const end = () => clearInterval(timer);
      call.on('cancelled', end);
      call.on('close', end);
      call.on('error', end);
    },
  };
}
