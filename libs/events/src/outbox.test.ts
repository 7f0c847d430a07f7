import { ErrorInfo } from '@hangviet/contracts/google/rpc/error_details';
import { outboxEntry, outboxUpdate } from './outbox';
import { defineEvent } from './registry';

const painted = defineEvent('hangviet.test.widget.painted.v1', ErrorInfo, 'a widget was painted');
const data: ErrorInfo = { reason: 'PAINTED', domain: 'hangviet.vn', metadata: { colour: 'xanh' } };

describe('outboxEntry', () => {
  it('records the event with its topic, key and encoded data', () => {
    const time = new Date('2025-03-04T05:06:07Z');
    const entry = outboxEntry(painted, 'widget-1', data, { source: 'widget-service', id: 'e-1', time });
    expect(entry).toEqual({
      id: 'e-1',
      type: 'hangviet.test.widget.painted.v1',
      topic: 'hangviet.test.widget',
      key: 'widget-1',
      source: 'widget-service',
      time,
      data: Buffer.from(ErrorInfo.encode(data).finish()),
    });
    expect(ErrorInfo.decode(entry.data)).toEqual(data);
  });

  it('gives each event its own UUID by default', () => {
    const a = outboxEntry(painted, 'widget-1', data, { source: 's' });
    const b = outboxEntry(painted, 'widget-1', data, { source: 's' });
    expect(a.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(a.id).not.toBe(b.id);
  });
});

describe('outboxUpdate', () => {
  it('pushes the entries in order and keeps the oldest pending time', () => {
    const early = outboxEntry(painted, 'w', data, { source: 's', time: new Date('2025-01-01T00:00:00Z') });
    const late = outboxEntry(painted, 'w', data, { source: 's', time: new Date('2025-01-02T00:00:00Z') });
    expect(outboxUpdate([late, early])).toEqual({
      $push: { outbox: { $each: [late, early] } },
      $min: { outboxPendingSince: new Date('2025-01-01T00:00:00Z') },
    });
  });

  it('never dates pending events in the future, so the sweeper cannot wait past its grace', () => {
    const future = outboxEntry(painted, 'w', data, { source: 's', time: new Date(Date.now() + 3_600_000) });
    expect(outboxUpdate([future]).$min.outboxPendingSince.getTime()).toBeLessThanOrEqual(Date.now());
  });

  it('refuses an empty list', () => {
    expect(() => outboxUpdate([])).toThrow(/at least one entry/);
  });
});
