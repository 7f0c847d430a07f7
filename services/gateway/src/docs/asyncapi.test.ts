import { eventTypes, topics } from '@hangviet/events';
import { asyncApiDocument } from './asyncapi';

type Doc = {
  asyncapi: string;
  channels: Record<string, { address: string; messages: Record<string, unknown> }>;
  components: { messages: Record<string, { name: string; summary: string; payload: { schema: { type?: string } } }> };
};

describe('the AsyncAPI document', () => {
  const doc = asyncApiDocument({ brokers: ['127.0.0.1:9092'] }) as unknown as Doc;

  it('is AsyncAPI 3 and lists every event of the catalogue, with its description and an object payload', () => {
    expect(doc.asyncapi).toBe('3.0.0');
    const names = Object.values(doc.components.messages).map((m) => m.name).sort();
    expect(names).toEqual([...eventTypes.keys()].sort());
    expect(names.length).toBeGreaterThan(0);
    for (const message of Object.values(doc.components.messages)) {
      expect(message.summary).toBe(eventTypes.get(message.name)!.description);
      expect(message.payload.schema.type).toBe('object');
    }
  });

  it('has one channel per topic, each holding the events of that topic', () => {
    expect(Object.values(doc.channels).map((c) => c.address).sort()).toEqual(topics());
    for (const channel of Object.values(doc.channels)) {
      for (const ref of Object.keys(channel.messages)) {
        expect(eventTypes.get(doc.components.messages[ref]!.name)!.topic).toBe(channel.address);
      }
    }
  });
});
