import type { SourcingDeps } from './ports';

/** Claims left by a crash between claiming a place and scheduling the meeting are freed after this long. */
export const ORPHAN_AFTER_MS = 10 * 60_000;

/** The sweep's work: frees claims older than ten minutes whose meeting is not scheduled at that slot. Returns how many. */
export async function releaseOrphanClaims(deps: SourcingDeps): Promise<number> {
  return deps.schedule.releaseOrphans(new Date(deps.now().getTime() - ORPHAN_AFTER_MS), async (meetingId, slot) => {
    const meeting = await deps.meetings.findById(meetingId);
    return meeting?.state.status === 'SCHEDULED' && meeting.state.slot === slot;
  });
}
