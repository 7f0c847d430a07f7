import { failedPrecondition, notFound } from '@hangviet/service-kit/errors';
import type { KnownFair, SourcingDeps } from './ports';

/** The fair statuses at which meetings are planned and held: its allocation is public, or it is open. */
export const MEETING_FAIR_STATUSES = ['PUBLISHED', 'RUNNING'] as const;

/**
 * The fair a meeting programme or a meeting is for: one the trade-fair announced (404 FAIR_NOT_FOUND otherwise)
 * and PUBLISHED or RUNNING (409 FAIR_NOT_OPEN_FOR_MEETINGS with its status otherwise: a draft, a fair still taking
 * applications, a closed or cancelled one).
 */
export async function requireMeetingFair(deps: Pick<SourcingDeps, 'fairs'>, fairId: string): Promise<KnownFair> {
  const fair = await deps.fairs.find(fairId);
  if (!fair) throw notFound('FAIR_NOT_FOUND', `No fair ${fairId} is known.`, { fairId });
  if (!(MEETING_FAIR_STATUSES as readonly string[]).includes(fair.status)) {
    throw failedPrecondition('FAIR_NOT_OPEN_FOR_MEETINGS', `Meetings are held only at a PUBLISHED or RUNNING fair; fair ${fairId} is ${fair.status}.`, { fairId, status: fair.status });
  }
  return fair;
}
