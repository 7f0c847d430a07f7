import type { Principal } from '@hangviet/service-kit';
import { conflict, failedPrecondition } from '@hangviet/service-kit/errors';
import { generateGrid, importPlan, type Booth, type BoothInput } from '../domain/booth';
import type { VenueState } from '../domain/venue';
import { getVenue } from './get-venue';
import type { TradeFairDeps } from './ports';
import { requireRoles } from './roles';

export type ReplaceFloorPlanCommand = { venueId: string } & ({ kind: 'grid'; rows: number; columns: number } | { kind: 'import'; booths: BoothInput[] });

/**
 * Replaces the venue's plan. Refused once a fair is scheduled there (its applications name booth codes):
 * the plan of a venue in use is not redrawn under them.
 */
export async function replaceFloorPlan(deps: TradeFairDeps, principal: Principal | undefined, command: ReplaceFloorPlanCommand): Promise<VenueState> {
  requireRoles(principal, 'replaceFloorPlan');
  const { venueId } = command;
  const venue = await getVenue(deps, venueId);
  const booths: Booth[] = command.kind === 'grid' ? generateGrid(command) : importPlan(command.booths);
  const inUse = await deps.fairs.all({ statuses: ['DRAFT', 'OPEN', 'ALLOCATING', 'PUBLISHED', 'RUNNING'] }, 1000);
  const using = inUse.find((f) => f.state.venueId === venueId);
  if (using) throw failedPrecondition('VENUE_IN_USE', `The fair "${using.state.name}" (${using.id}) is scheduled at this venue; its floor plan cannot change.`, { fairId: using.id });
  const now = deps.now();
  if (!(await deps.venues.replaceBooths(venueId, booths, venue.version, now))) {
    throw conflict('VENUE_CHANGED', 'The venue changed meanwhile; read it again.', { id: venueId });
  }
  return { ...venue, booths, updateTime: now, version: venue.version + 1 };
}
