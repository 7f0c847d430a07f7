// GET /v1/venues/{id}/floor-plan?fairId=: the same booth states and holders as the SVG, as JSON, for the
// console's interactive plan (hover/tap a booth for its holder, block/unblock, highlight the own booth).
import { parse } from '@hangviet/service-kit';
import { notFound } from '@hangviet/service-kit/errors';
import { Router } from 'express';
import { viewFair } from '../../application/view-fair';
import { getVenue } from '../../application/get-venue';
import type { TradeFairDeps } from '../../application/ports';
import { boothStates } from '../../domain/floor-plan-svg';
import { floorPlanQuery, idParams } from './schemas';

export function floorPlanRouter(deps: TradeFairDeps): Router {
  const router = Router();
  // Public, like the SVG: holder names are the enterprises' trade names shown at the fair.
  router.get('/v1/venues/:id/floor-plan', async (req, res) => {
    const venue = await getVenue(deps, parse(idParams, req.params, 'params').id);
    const { fairId } = parse(floorPlanQuery, req.query, 'query');
    const fair = fairId ? await viewFair(deps, req.principal, fairId) : undefined;
    if (fair && fair.state.venueId !== venue.id) throw notFound('FAIR_NOT_AT_VENUE', `The fair ${fairId} is not held at this venue.`, { fairId: fairId! });
    const holds = fair ? await deps.holds.ofFair(fair.id) : [];
    res.json({ venueId: venue.id, venueName: venue.name, ...(fair ? { fairId: fair.id } : {}), booths: boothStates(venue.booths, holds) });
  });
  return router;
}
