// Events of the {{context}} context (services/{{name}}; topic {{topic}}).
import { {{Aggregate}}Created as {{Aggregate}}CreatedMessage } from '@hangviet/contracts/hangviet/{{context}}/v1/{{aggregateSnake}}';
import { defineEvent, type EventType } from '../registry';

export const {{Aggregate}}Created = defineEvent(
  '{{eventType}}',
  {{Aggregate}}CreatedMessage,
  'A {{aggregate}} was opened for a business (status OPEN).',
);

export const {{contextCamel}}Events: EventType[] = [{{Aggregate}}Created];
