import type { SourcingDeps } from './ports';

/** Dissolved businesses are kept for 90 days (late events may still name them), then forgotten. */
export async function forgetDissolvedBusinesses(deps: SourcingDeps): Promise<number> {
  return deps.businesses.forgetDissolved(deps.now());
}
