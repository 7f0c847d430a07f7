// Imported FIRST by a scenario, like `@hangviet/telemetry/register` in a service's main.ts, so the
// instrumentations are in place before http, express, mongodb and kafkajs load. Spans are kept in memory.
import { startInMemoryTelemetry } from '@hangviet/telemetry/testing';

export const { telemetry, spanRecords } = startInMemoryTelemetry('events-scenario');
export { report, type SpanRecord } from '@hangviet/telemetry/testing';
