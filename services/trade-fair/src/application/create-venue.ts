import type { Principal } from '@hangviet/service-kit';
import { importPlan, type BoothInput } from '../domain/booth';
import { newVenue, type VenueState } from '../domain/venue';
import type { TradeFairDeps } from './ports';
import { requireRoles } from './roles';

export interface CreateVenueCommand {
  name: string;
  address: { provinceCode: string; wardCode: string; street?: string };
  /** A plan given at once (JSON import); or generate one later. */
  booths?: BoothInput[];
}

/** Staff create a venue (address through the 2025 units), optionally with its plan. */
export async function createVenue(deps: TradeFairDeps, principal: Principal | undefined, command: CreateVenueCommand): Promise<VenueState> {
  requireRoles(principal, 'createVenue');
  const venue = newVenue({ id: deps.venues.newId(), name: command.name, address: command.address, now: deps.now() });
  const withPlan = command.booths ? { ...venue, booths: importPlan(command.booths) } : venue;
  await deps.venues.add(withPlan);
  return withPlan;
}
