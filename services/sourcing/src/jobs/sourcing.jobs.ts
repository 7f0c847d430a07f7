// The service's scheduled work on libs/jobs: one instance at a time under a lease, each run idempotent.
import { defineJob } from '@hangviet/jobs';
import { expireSourcingRequests } from '../application/expire-sourcing-requests';
import type { SourcingDeps } from '../application/ports';
import { releaseOrphanClaims } from '../application/release-orphan-claims';
import { sendOutcomeReminders } from '../application/send-outcome-reminders';

/** Every few minutes: published requests past their closing time expire. */
export function expireSourcingRequestsJob(deps: SourcingDeps, every: string) {
  return defineJob({ name: 'expire-sourcing-requests', schedule: { every }, run: async () => void (await expireSourcingRequests(deps)) });
}

/** Daily at 08:00 Vietnam time: the 3- and 12-month questions about outcomes. */
export function outcomeRemindersJob(deps: SourcingDeps) {
  return defineJob({ name: 'outcome-reminders', schedule: { cron: '0 8 * * *', timezone: 'Asia/Ho_Chi_Minh' }, run: async () => void (await sendOutcomeReminders(deps)) });
}

/** Claims a crash left between claiming a meeting place and scheduling the meeting. */
export function releaseOrphanClaimsJob(deps: SourcingDeps, every: string) {
  return defineJob({ name: 'release-orphan-meeting-claims', schedule: { every }, run: async () => void (await releaseOrphanClaims(deps)) });
}
