import { notFound } from '@hangviet/service-kit/errors';
import type { VenueState } from '../domain/venue';
import type { TradeFairDeps } from './ports';

export async function getVenue(deps: Pick<TradeFairDeps, 'venues'>, id: string): Promise<VenueState> {
  const venue = await deps.venues.findById(id);
  if (!venue) throw notFound('VENUE_NOT_FOUND', `No venue has the id ${id}.`, { id });
  return venue;
}
