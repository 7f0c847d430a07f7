export { startTelemetry, shutdownTelemetry, type Telemetry, type TelemetryOptions } from './start-telemetry';
export {
  currentTraceparent,
  extractTraceContext,
  injectTraceHeaders,
  remoteContext,
  withRemoteParent,
  type KafkaHeaders,
} from './propagation';
export { otlpTracesConfigured, traceSpanProcessors } from './span-processors';
export { resolveServiceIdentity, type ServiceIdentity } from './service-identity';
