// CloudEvents 1.0 on Kafka, binary content mode (the Kafka protocol binding): the attributes travel as
// `ce_*` headers, the value is the protobuf message, the key is the subject (the aggregate id) so that
// one aggregate's events share a partition and stay in order. Partners get the structured JSON form
// (cloudevents-json.ts).
import type { IHeaders, KafkaMessage, Message } from 'kafkajs';
import type { MessageCodec } from './registry';

export interface EventEnvelope<T = unknown> {
  /** ce_id: a UUID, the identity consumers deduplicate on. */
  id: string;
  type: string;
  /** ce_source: the publishing service. */
  source: string;
  /** ce_subject: the aggregate id; also the Kafka key. */
  subject: string;
  /** ce_time: ISO 8601. */
  time: string;
  data: T;
  /** W3C trace context of the operation that raised the event. */
  traceparent?: string;
}

export const PROTOBUF_CONTENT_TYPE = 'application/protobuf';

/** Raised when a Kafka message is not a CloudEvent of ours (missing header, wrong spec version). */
export class EnvelopeError extends Error {
  override readonly name = 'EnvelopeError';
}

/** The CloudEvents headers for an envelope (without the value). */
export function envelopeHeaders(e: Omit<EventEnvelope, 'data'>): IHeaders {
  const headers: IHeaders = {
    ce_specversion: '1.0',
    ce_id: e.id,
    ce_type: e.type,
    ce_source: e.source,
    ce_subject: e.subject,
    ce_time: e.time,
    'content-type': PROTOBUF_CONTENT_TYPE,
  };
  if (e.traceparent) headers.traceparent = e.traceparent;
  return headers;
}

/** An envelope whose data is already the encoded protobuf message. */
export function encodedToKafkaMessage(e: EventEnvelope<Uint8Array>): Message {
  return {
    key: e.subject,
    value: Buffer.from(e.data.buffer, e.data.byteOffset, e.data.byteLength),
    headers: envelopeHeaders(e),
  };
}

export function toKafkaMessage<T>(e: EventEnvelope<T>, codec: MessageCodec<T>): Message {
  return encodedToKafkaMessage({ ...e, data: codec.encode(e.data).finish() });
}

/** A header's value as text (kafkajs delivers Buffers; a repeated header yields its first value). */
export function headerText(headers: IHeaders | undefined, name: string): string | undefined {
  const value = headers?.[name];
  const first = Array.isArray(value) ? value[0] : value;
  if (first === undefined) return undefined;
  return typeof first === 'string' ? first : first.toString('utf8');
}

const required = ['ce_id', 'ce_type', 'ce_source', 'ce_subject', 'ce_time'] as const;

/** Reads the envelope of a consumed message, leaving the data encoded. Throws EnvelopeError. */
export function fromKafkaMessage(m: Pick<KafkaMessage, 'headers' | 'value'>): EventEnvelope<Uint8Array> {
  const specversion = headerText(m.headers, 'ce_specversion');
  if (specversion !== '1.0') {
    throw new EnvelopeError(
      specversion === undefined
        ? 'missing header ce_specversion'
        : `unsupported ce_specversion '${specversion}'`,
    );
  }
  const values: Partial<Record<(typeof required)[number], string>> = {};
  for (const name of required) {
    const value = headerText(m.headers, name);
    if (!value) throw new EnvelopeError(`missing header ${name}`);
    values[name] = value;
  }
  const contentType = headerText(m.headers, 'content-type');
  if (contentType !== undefined && contentType !== PROTOBUF_CONTENT_TYPE) {
    throw new EnvelopeError(`unsupported content-type '${contentType}'`);
  }
  if (m.value === null) throw new EnvelopeError('message has no value');
  const traceparent = headerText(m.headers, 'traceparent');
  return {
    id: values.ce_id!,
    type: values.ce_type!,
    source: values.ce_source!,
    subject: values.ce_subject!,
    time: values.ce_time!,
    data: new Uint8Array(m.value.buffer, m.value.byteOffset, m.value.byteLength),
    ...(traceparent ? { traceparent } : {}),
  };
}

/** Reads the envelope and decodes its data. Throws EnvelopeError, or the codec's error for bad protobuf. */
export function decodeEnvelope<T>(
  m: Pick<KafkaMessage, 'headers' | 'value'>,
  codec: MessageCodec<T>,
): EventEnvelope<T> {
  const raw = fromKafkaMessage(m);
  return { ...raw, data: codec.decode(raw.data) };
}
