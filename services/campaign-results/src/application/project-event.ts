import type { SourceEvent } from '../domain/projection';
import type { CampaignResultsDeps } from './ports';

/** One event of another service into the indicator projection: idempotent (a redelivery or an older version changes nothing). */
export async function projectEvent(deps: Pick<CampaignResultsDeps, 'projection'>, event: SourceEvent): Promise<'applied' | 'duplicate' | 'stale'> {
  return deps.projection.apply(event);
}
