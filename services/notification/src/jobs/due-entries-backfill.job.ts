// At start, in the background: gives every pending webhook message its due entry (messages written
// before due entries existed, or anything the invariant missed), so the fallback scan finds them.
import type { ServicePart } from '@hangviet/service-kit';
import type { Logger } from 'pino';
import type { WebhookMessageStore } from '../application/ports';

export function dueEntriesBackfill(webhooks: Pick<WebhookMessageStore, 'ensureDueEntries'>, logger: Logger): ServicePart {
  let done: Promise<void> | undefined;
  return {
    name: 'webhook due entries backfill',
    start() {
      done = webhooks.ensureDueEntries().then(
        (written) => void (written > 0 && logger.info({ written }, 'webhook due entries written for pending messages')),
        (err: unknown) => logger.error({ err }, 'webhook due entries could not be checked'),
      );
    },
    stop: () => done,
  };
}
