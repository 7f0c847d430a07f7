import type { CampaignResultsDeps } from './ports';

/** Dissolved businesses are kept for 90 days (late events may still name them), then forgotten. */
export async function forgetDissolvedBusinesses(deps: CampaignResultsDeps): Promise<number> {
  return deps.businesses.forgetDissolved(deps.now());
}
