import { ErrorInfo } from '@hangviet/contracts/google/rpc/error_details';
import { BusinessApproved, BusinessSuspended } from './catalog';
import { defineConsumer } from './define-consumer';
import { defineEvent, topics } from './registry';

const handle = async () => undefined;

describe('defineConsumer', () => {
  it('subscribes to the topics of the catalogue definitions it lists, once each', () => {
    const consumer = defineConsumer({ name: 'suspensions', events: [BusinessApproved, BusinessSuspended], handle });
    expect(consumer.patterns).toEqual([BusinessApproved.type, BusinessSuspended.type]);
    expect(consumer.topics()).toEqual(['hangviet.registry.business']);
    expect(consumer.group).toBeUndefined();
  });

  it('takes patterns, and every catalogue topic for *, plus the topics of its own test types', () => {
    const gadget = defineEvent('hangviet.test.gadget.changed.v1', ErrorInfo, 'a test gadget changed');
    expect(defineConsumer({ name: 'registry', events: ['hangviet.registry.business.*'], handle }).topics()).toEqual(['hangviet.registry.business']);
    expect(defineConsumer({ name: 'every-event', events: ['*'], types: [gadget], handle }).topics()).toEqual(
      [...topics(), 'hangviet.test.gadget'].sort(),
    );
  });

  it('keeps the tuning and group it is given', () => {
    const consumer = defineConsumer({ name: 'badges', group: 'notification', events: ['*'], retries: 3, backoffMs: 50, handle });
    expect({ group: consumer.group, retries: consumer.retries, backoffMs: consumer.backoffMs }).toEqual({ group: 'notification', retries: 3, backoffMs: 50 });
  });
});
