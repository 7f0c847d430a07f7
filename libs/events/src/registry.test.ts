import { ErrorInfo } from '@hangviet/contracts/google/rpc/error_details';
import {
  defineEvent,
  eventType,
  registerEvents,
  topicOf,
  topics,
  topicsForPattern,
} from './registry';

describe('defineEvent and the catalogue', () => {
  it('derives the topic by dropping the action and the version', () => {
    const e = defineEvent('hangviet.test.widget.painted.v1', ErrorInfo, 'a widget was painted');
    expect(e.topic).toBe('hangviet.test.widget');
    expect(topicOf('t1a2b.hangviet.test.widget.painted.v3')).toBe('t1a2b.hangviet.test.widget');
  });

  it('rejects a type without an action and a version', () => {
    expect(() => defineEvent('hangviet.widget', ErrorInfo, 'x')).toThrow(/must look like/);
    expect(() => defineEvent('hangviet.test.widget.painted', ErrorInfo, 'x')).toThrow(/must look like/);
    expect(() => defineEvent('Hangviet.Test.Widget.Painted.v1', ErrorInfo, 'x')).toThrow(/must look like/);
  });

  it('registers types, lists their topics and refuses a second meaning for one type', () => {
    const painted = defineEvent('hangviet.unit.widget.painted.v1', ErrorInfo, 'painted');
    const sold = defineEvent('hangviet.unit.widget.sold.v1', ErrorInfo, 'sold');
    registerEvents(painted, sold, painted);
    expect(eventType('hangviet.unit.widget.painted.v1')).toBe(painted);
    expect(topics()).toContain('hangviet.unit.widget');
    expect(topics().filter((t) => t === 'hangviet.unit.widget')).toHaveLength(1);
    const other = { ...painted, codec: { ...ErrorInfo } };
    expect(() => registerEvents(other)).toThrow(/already registered/);
    expect(topicsForPattern('hangviet.unit.widget.*')).toEqual(['hangviet.unit.widget']);
    expect(topicsForPattern('hangviet.unit.widget.sold.v1')).toEqual(['hangviet.unit.widget']);
    expect(topicsForPattern('hangviet.nowhere.thing.*')).toEqual(['hangviet.nowhere.thing']);
  });
});
