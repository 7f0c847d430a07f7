// Venue days claimed for a fair that was never written (the process died between the claim and the
// fair's insert) are released, so the venue is free again on those days. A claim younger than the grace
// may belong to a creation still going on, and is left alone.
import type { TradeFairDeps } from './ports';

export const DAY_CLAIM_GRACE_MS = 5 * 60_000;

export async function releaseStaleDayClaims(deps: TradeFairDeps, { graceMs = DAY_CLAIM_GRACE_MS, limit = 500 }: { graceMs?: number; limit?: number } = {}): Promise<string[]> {
  const claimants = await deps.calendar.claimantsBefore(new Date(deps.now().getTime() - graceMs), limit);
  const existing = new Set((await deps.fairs.byIds(claimants)).map((f) => f.id));
  const orphans = claimants.filter((id) => !existing.has(id));
  for (const fairId of orphans) await deps.calendar.release(fairId);
  return orphans;
}
