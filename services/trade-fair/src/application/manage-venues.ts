// Venues and their floor plans (staff): create, generate a grid, import a JSON plan, read.
import type { Principal } from '@hangviet/service-kit';
import { conflict, failedPrecondition, notFound } from '@hangviet/service-kit/errors';
import { generateGrid, importPlan, type Booth, type BoothInput } from '../domain/booth';
import { newVenue, type VenueState } from '../domain/venue';
import { requireStaff } from './access';
import type { TradeFairDeps } from './ports';

export interface CreateVenueCommand {
  name: string;
  address: { provinceCode: string; wardCode: string; street?: string };
  /** A plan given at once (JSON import); or generate one later. */
  booths?: BoothInput[];
}

export async function createVenue(deps: TradeFairDeps, principal: Principal | undefined, command: CreateVenueCommand): Promise<VenueState> {
  requireStaff(principal);
  const venue = newVenue({ id: deps.venues.newId(), name: command.name, address: command.address, now: deps.now() });
  const withPlan = command.booths ? { ...venue, booths: importPlan(command.booths) } : venue;
  await deps.venues.add(withPlan);
  return withPlan;
}

export async function getVenue(deps: TradeFairDeps, id: string): Promise<VenueState> {
  const venue = await deps.venues.findById(id);
  if (!venue) throw notFound('VENUE_NOT_FOUND', `No venue has the id ${id}.`, { id });
  return venue;
}

export type PlanCommand = { kind: 'grid'; rows: number; columns: number } | { kind: 'import'; booths: BoothInput[] };

/**
 * Replaces the venue's plan. Refused once a fair is scheduled there (its applications name booth codes):
 * the plan of a venue in use is not redrawn under them.
 */
export async function replaceFloorPlan(deps: TradeFairDeps, principal: Principal | undefined, venueId: string, command: PlanCommand): Promise<VenueState> {
  requireStaff(principal);
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
