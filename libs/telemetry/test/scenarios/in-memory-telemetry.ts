// Imported FIRST by every scenario, so the instrumentations are in place before http, express and
// kafkajs load. Spans are kept in memory.
import { startInMemoryTelemetry } from '../../src/testing';

export const { telemetry, spanRecords } = startInMemoryTelemetry('telemetry-scenario');
export { report, type SpanRecord } from '../../src/testing';
