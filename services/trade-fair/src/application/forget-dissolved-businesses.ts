import type { TradeFairDeps } from './ports';

export const DISSOLVED_RETENTION_MS = 90 * 24 * 60 * 60 * 1000;

/** Dissolved businesses are kept for 90 days (late events may still name them), then forgotten. */
export async function forgetDissolvedBusinesses(deps: TradeFairDeps, retentionMs = DISSOLVED_RETENTION_MS): Promise<number> {
  return deps.businesses.forgetDissolved(new Date(deps.now().getTime() - retentionMs));
}
