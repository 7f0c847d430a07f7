// The AsyncAPI 3.0 document of every event on Kafka, built from the event catalogue (@hangviet/events/catalog)
// at request time, so it cannot drift from what the services publish. One channel per topic, one message
// per ce_type; the payload schema is derived from the event's protobuf codec (its proto3 JSON form).
import type { EventType } from '@hangviet/events';
import { catalogEvents } from '@hangviet/events/catalog';

type Schema = Record<string, unknown>;

/** A JSON schema of a value in proto3 JSON form, as the codec's defaults show it. */
function schemaOf(value: unknown): Schema {
  if (Array.isArray(value)) return { type: 'array' };
  if (value === null || value === undefined) return {};
  if (typeof value === 'object') {
    const properties = Object.fromEntries(Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, schemaOf(v)]));
    return { type: 'object', properties };
  }
  if (typeof value === 'number') return { type: 'number' };
  if (typeof value === 'boolean') return { type: 'boolean' };
  return { type: 'string' };
}

function payloadOf(event: EventType): Schema {
  return schemaOf(event.codec.toJSON(event.codec.fromJSON({})));
}

const key = (text: string) => text.replace(/[^A-Za-z0-9_.-]/g, '_');

export function asyncApiDocument(opts: { brokers: string[] }): Record<string, unknown> {
  const events = [...catalogEvents].sort((a, b) => a.type.localeCompare(b.type));
  const channels: Record<string, unknown> = {};
  const operations: Record<string, unknown> = {};
  const messages: Record<string, unknown> = {};
  for (const topic of [...new Set(events.map((e) => e.topic))]) {
    const ofTopic = events.filter((e) => e.topic === topic);
    channels[key(topic)] = {
      address: topic,
      description: `Kafka topic ${topic}, keyed by aggregate id (events of one aggregate stay in order).`,
      messages: Object.fromEntries(ofTopic.map((e) => [key(e.type), { $ref: `#/components/messages/${key(e.type)}` }])),
    };
    operations[`receive_${key(topic)}`] = {
      action: 'receive',
      channel: { $ref: `#/channels/${key(topic)}` },
      summary: `Subscribe to ${topic}`,
    };
  }
  for (const e of events) {
    messages[key(e.type)] = {
      name: e.type,
      title: e.type,
      summary: e.description,
      contentType: 'application/protobuf',
      headers: {
        type: 'object',
        required: ['ce_id', 'ce_type', 'ce_source', 'ce_specversion'],
        properties: {
          ce_id: { type: 'string', format: 'uuid' },
          ce_type: { type: 'string', const: e.type },
          ce_source: { type: 'string' },
          ce_subject: { type: 'string', description: 'The aggregate id (also the Kafka key).' },
          ce_time: { type: 'string', format: 'date-time' },
          ce_specversion: { type: 'string', const: '1.0' },
          traceparent: { type: 'string' },
        },
      },
      payload: { schemaFormat: 'application/schema+json;version=draft-07', schema: payloadOf(e) },
      bindings: { kafka: { key: { type: 'string', description: 'aggregate id' } } },
    };
  }
  return {
    asyncapi: '3.0.0',
    info: {
      title: 'hangviet events',
      version: '1.0.0',
      description:
        'Every event on the platform, as CloudEvents 1.0 in Kafka binary mode (ce_* headers, protobuf value). ' +
        'Partners receive the same events as CloudEvents structured JSON (webhooks, the gRPC stream).',
    },
    servers: Object.fromEntries(opts.brokers.map((host, i) => [`kafka${i}`, { host, protocol: 'kafka' }])),
    defaultContentType: 'application/protobuf',
    channels,
    operations,
    components: { messages },
  };
}
