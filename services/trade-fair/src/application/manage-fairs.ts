// Fairs (staff): create one at a venue, holding its days there (set-up to tear-down) in the database,
// and move it through DRAFT → OPEN → … ; cancelling frees its days and its applications' booths.
import type { Principal } from '@hangviet/service-kit';
import { AppError, conflict, invalid, notFound } from '@hangviet/service-kit/errors';
import type { Page, PageRequest } from '@hangviet/service-kit/paging';
import { Fair, type FairStatus, type NewFairInput } from '../domain/fair';
import { requireStaff } from './access';
import { fairContextOf, type FairQuery, type TradeFairDeps } from './ports';

export type CreateFairCommand = Omit<NewFairInput, 'id' | 'venueName' | 'provinceCode'>;

export async function createFair(deps: TradeFairDeps, principal: Principal | undefined, command: CreateFairCommand): Promise<Fair> {
  const actor = requireStaff(principal);
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

export async function getFair(deps: TradeFairDeps, id: string): Promise<Fair> {
  const fair = await deps.fairs.findById(id);
  if (!fair) throw notFound('FAIR_NOT_FOUND', `No fair has the id ${id}.`, { id });
  return fair;
}

/** The public sees fairs from OPEN on; staff see drafts too. */
export async function listFairs(deps: TradeFairDeps, principal: Principal | undefined, query: FairQuery, page: PageRequest): Promise<Page<Fair>> {
  const staff = !!principal && (principal.roles.includes('staff') || principal.roles.includes('admin'));
  const statuses: FairStatus[] = staff ? ['DRAFT', 'OPEN', 'ALLOCATING', 'PUBLISHED', 'RUNNING', 'CLOSED', 'CANCELLED'] : ['OPEN', 'ALLOCATING', 'PUBLISHED', 'RUNNING', 'CLOSED'];
  return deps.fairs.list({ ...query, statuses }, page);
}

/** Saves a fair moved by `change`, reloading once when another write came first. */
export async function changeFair(deps: TradeFairDeps, id: string, change: (fair: Fair) => void): Promise<Fair> {
  for (let attempt = 0; ; attempt++) {
    const fair = await getFair(deps, id);
    change(fair);
    if (await deps.fairs.save(fair)) return fair;
    if (attempt >= 2) throw conflict('FAIR_CHANGED', 'The fair changed meanwhile; try again.', { id });
  }
}

export async function openFair(deps: TradeFairDeps, principal: Principal | undefined, id: string): Promise<Fair> {
  const actor = requireStaff(principal);
  return changeFair(deps, id, (f) => f.moveTo('OPEN', actor.subject, deps.now()));
}

export async function publishFair(deps: TradeFairDeps, principal: Principal | undefined, id: string): Promise<Fair> {
  const actor = requireStaff(principal);
  const latest = await deps.runs.latest(id);
  if (latest?.state !== 'APPLIED') {
    throw new AppError('failed_precondition', 'ALLOCATION_MISSING', 'Allocate the fair (not a dry run) before publishing it.');
  }
  return changeFair(deps, id, (f) => f.moveTo('PUBLISHED', actor.subject, deps.now()));
}

/** Cancels the fair, frees its venue days, and cancels its live applications (their booths with them). */
export async function cancelFair(deps: TradeFairDeps, principal: Principal | undefined, id: string, reason: string): Promise<Fair> {
  const actor = requireStaff(principal);
  if (reason.trim() === '') throw invalid([{ field: 'reason', code: 'REQUIRED', message: 'say why the fair is cancelled' }]);
  const fair = await changeFair(deps, id, (f) => f.moveTo('CANCELLED', actor.subject, deps.now(), reason.trim()));
  await deps.calendar.release(id);
  const context = fairContextOf(fair.state);
  for (const app of await deps.applications.allOfFair(id)) {
    if (!app.live) continue;
    app.cancel('FAIR_CANCELLED', actor.subject, deps.now());
    if (await deps.applications.save(app, context)) await deps.holds.release(app.id);
  }
  return fair;
}
