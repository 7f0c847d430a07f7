// Events of the {{context}} context (services/{{name}}; topic {{topic}}).
import { {{Aggregate}}Created as {{Aggregate}}CreatedMessage } from '@hangviet/contracts/hangviet/{{context}}/v1/{{aggregateSnake}}';
import { defineCatalogEvent, type CatalogEvent } from '../partner-policy';

// What partners receive of each event (libs/events/src/partner-policy.ts): the acting person's identity only
// with the `personal-data` scope; say here whether the event is about something the public sees.
export const {{Aggregate}}Created = defineCatalogEvent(
  '{{eventType}}',
  {{Aggregate}}CreatedMessage,
  'A {{aggregate}} was opened for a business (status OPEN).',
  { scoped: { 'personal-data': ['actorSubject'] }, public: () => true },
);

export const {{contextCamel}}Events: CatalogEvent[] = [{{Aggregate}}Created];
