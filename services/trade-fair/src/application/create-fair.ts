// Staff create a fair at a venue, holding its days there (set-up to tear-down) in the database.
import type { Principal } from '@hangviet/service-kit';
import { AppError, invalid } from '@hangviet/service-kit/errors';
import { Fair, type NewFairInput } from '../domain/fair';
import type { TradeFairDeps } from './ports';
import { requireRoles } from './roles';

export type CreateFairCommand = Omit<NewFairInput, 'id' | 'venueName' | 'provinceCode'>;

export async function createFair(deps: TradeFairDeps, principal: Principal | undefined, command: CreateFairCommand): Promise<Fair> {
  const actor = requireRoles(principal, 'createFair');
  const venue = await deps.venues.findById(command.venueId);
  if (!venue) throw invalid([{ field: 'venueId', code: 'VENUE_UNKNOWN', message: `no venue has the id ${command.venueId}` }]);
  if (venue.booths.length === 0) throw invalid([{ field: 'venueId', code: 'VENUE_HAS_NO_BOOTHS', message: 'the venue has no floor plan yet: generate or import its booths first' }]);
  const fair = Fair.create({ ...command, id: deps.fairs.newId(), venueName: venue.name, provinceCode: venue.address.provinceCode }, actor.subject, deps.now());
  const claimed = await deps.calendar.claim(venue.id, fair.occupiedDays, { id: fair.id, name: fair.state.name });
  if (!claimed.ok) {
    const name = claimed.heldBy.id ? `"${claimed.heldBy.name}" (${claimed.heldBy.id})` : 'another fair (released meanwhile: try again)';
    const message = `The venue is taken on ${claimed.day} by ${name}, set-up and tear-down included.`;
    throw new AppError('conflict', 'FAIR_OVERLAP', message, {
      errors: [{ field: 'days', code: 'VENUE_TAKEN', message }],
      meta: { fairId: claimed.heldBy.id, day: claimed.day },
    });
  }
  try {
    await deps.fairs.add(fair);
  } catch (err) {
    await deps.calendar.release(fair.id);
    throw err;
  }
  return fair;
}
