import { ErrorInfo } from '@hangviet/contracts/google/rpc/error_details';
import type { KafkaMessage } from 'kafkajs';
import {
  EnvelopeError,
  decodeEnvelope,
  fromKafkaMessage,
  toKafkaMessage,
  type EventEnvelope,
} from './envelope';
import { toStructuredJson } from './cloudevents-json';

const envelope: EventEnvelope<ErrorInfo> = {
  id: '0b6f6c1e-3d0c-4c59-9d55-5d8b7d1f2a10',
  type: 'hangviet.test.widget.painted.v1',
  source: 'widget-service',
  subject: 'widget-42',
  time: '2025-01-02T03:04:05.000Z',
  data: { reason: 'PAINTED', domain: 'hangviet.vn', metadata: { colour: 'đỏ' } },
  traceparent: '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01',
};

/** What a consumer receives: header values as Buffers. */
function asConsumed(
  headers: Record<string, string | Buffer | undefined>,
  value: Buffer | null,
): KafkaMessage {
  const received = Object.fromEntries(
    Object.entries(headers).map(([k, v]) => [k, typeof v === 'string' ? Buffer.from(v) : v]),
  );
  return { key: null, value, headers: received, offset: '0', timestamp: '0', attributes: 0 } as KafkaMessage;
}

describe('CloudEvents binary mode', () => {
  it('puts the attributes in ce_ headers, the subject in the key and protobuf in the value', () => {
    const m = toKafkaMessage(envelope, ErrorInfo);
    expect(m.key).toBe('widget-42');
    expect(m.headers).toEqual({
      ce_specversion: '1.0',
      ce_id: envelope.id,
      ce_type: envelope.type,
      ce_source: 'widget-service',
      ce_subject: 'widget-42',
      ce_time: envelope.time,
      'content-type': 'application/protobuf',
      traceparent: envelope.traceparent,
    });
    expect(ErrorInfo.decode(m.value as Buffer)).toEqual(envelope.data);
  });

  it('reads back what it wrote', () => {
    const m = toKafkaMessage(envelope, ErrorInfo);
    const consumed = asConsumed(m.headers as Record<string, string>, m.value as Buffer);
    expect(decodeEnvelope(consumed, ErrorInfo)).toEqual(envelope);
    expect(fromKafkaMessage(consumed).data).toBeInstanceOf(Uint8Array);
  });

  it('leaves traceparent out when there is none', () => {
    const { traceparent: _traceparent, ...untraced } = envelope;
    const m = toKafkaMessage(untraced, ErrorInfo);
    expect(m.headers).not.toHaveProperty('traceparent');
    expect(
      decodeEnvelope(asConsumed(m.headers as Record<string, string>, m.value as Buffer), ErrorInfo),
    ).toEqual(untraced);
  });

  it.each(['ce_id', 'ce_type', 'ce_source', 'ce_subject', 'ce_time', 'ce_specversion'])(
    'rejects a message without %s',
    (header) => {
      const m = toKafkaMessage(envelope, ErrorInfo);
      const headers = { ...(m.headers as Record<string, string>), [header]: undefined };
      expect(() => fromKafkaMessage(asConsumed(headers, m.value as Buffer))).toThrow(
        new EnvelopeError(`missing header ${header}`),
      );
    },
  );

  it('rejects another spec version, another content type and an empty value', () => {
    const m = toKafkaMessage(envelope, ErrorInfo);
    const headers = m.headers as Record<string, string>;
    expect(() =>
      fromKafkaMessage(asConsumed({ ...headers, ce_specversion: '0.3' }, m.value as Buffer)),
    ).toThrow(/unsupported ce_specversion '0.3'/);
    expect(() =>
      fromKafkaMessage(asConsumed({ ...headers, 'content-type': 'application/json' }, m.value as Buffer)),
    ).toThrow(/unsupported content-type/);
    expect(() => fromKafkaMessage(asConsumed(headers, null))).toThrow(/no value/);
  });

  it('surfaces bad protobuf from the codec', () => {
    const m = toKafkaMessage(envelope, ErrorInfo);
    expect(() =>
      decodeEnvelope(
        asConsumed(m.headers as Record<string, string>, Buffer.from([0x0a, 0xff, 0xff])),
        ErrorInfo,
      ),
    ).toThrow();
  });
});

describe('CloudEvents structured JSON', () => {
  it('gives partners the same event as JSON', () => {
    expect(toStructuredJson(envelope, ErrorInfo)).toEqual({
      specversion: '1.0',
      id: envelope.id,
      type: envelope.type,
      source: 'widget-service',
      subject: 'widget-42',
      time: envelope.time,
      datacontenttype: 'application/json',
      data: { reason: 'PAINTED', domain: 'hangviet.vn', metadata: { colour: 'đỏ' } },
      traceparent: envelope.traceparent,
    });
    expect(JSON.parse(JSON.stringify(toStructuredJson(envelope, ErrorInfo)))).toEqual(
      toStructuredJson(envelope, ErrorInfo),
    );
  });
});
