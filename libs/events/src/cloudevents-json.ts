// CloudEvents 1.0 structured JSON (the JSON event format): what partners receive, by webhook and in
// the gRPC stream's data_json, for every event of the catalogue. The one builder of it on the platform.
import type { EventEnvelope } from './envelope';
import type { MessageCodec } from './registry';

export interface StructuredCloudEvent {
  specversion: '1.0';
  id: string;
  type: string;
  source: string;
  subject: string;
  time: string;
  datacontenttype: 'application/json';
  data: unknown;
  traceparent?: string;
}

/**
 * The structured JSON form partners receive. With a codec the data is the message's canonical
 * protobuf JSON; without one the data must already be JSON-ready.
 */
export function toStructuredJson<T>(e: EventEnvelope<T>, codec?: MessageCodec<T>): StructuredCloudEvent {
  return {
    specversion: '1.0',
    id: e.id,
    type: e.type,
    source: e.source,
    subject: e.subject,
    time: e.time,
    datacontenttype: 'application/json',
    data: codec ? codec.toJSON(e.data) : e.data,
    ...(e.traceparent ? { traceparent: e.traceparent } : {}),
  };
}
