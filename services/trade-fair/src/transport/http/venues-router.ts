// /v1/venues: parse → use case → response.
import { idempotent, parse, type IdempotencyStore } from '@hangviet/service-kit';
import { notFound } from '@hangviet/service-kit/errors';
import { Router } from 'express';
import { createVenue } from '../../application/create-venue';
import { viewFair } from '../../application/view-fair';
import { getVenue } from '../../application/get-venue';
import type { TradeFairDeps } from '../../application/ports';
import { replaceFloorPlan } from '../../application/replace-floor-plan';
import { guard } from './guard';
import { boothStates, renderFloorPlan } from '../../domain/floor-plan-svg';
import { floorPlanQuery, gridBody, idParams, importBody, venueBody, venueView } from './schemas';

export function venuesRouter(deps: TradeFairDeps, idempotency: IdempotencyStore): Router {
  const router = Router();

  router.post('/v1/venues', guard('createVenue'), idempotent(idempotency), async (req, res) => {
    const venue = await createVenue(deps, req.principal, parse(venueBody, req.body));
    res.location(`/v1/venues/${venue.id}`).status(201).json(venueView(venue));
  });

  router.get('/v1/venues/:id', async (req, res) => {
    res.json(venueView(await getVenue(deps, parse(idParams, req.params, 'params').id)));
  });

  router.post('/v1/venues/:id/booths\\:generate', guard('replaceFloorPlan'), async (req, res) => {
    const { id } = parse(idParams, req.params, 'params');
    res.json(venueView(await replaceFloorPlan(deps, req.principal, { venueId: id, kind: 'grid', ...parse(gridBody, req.body) })));
  });

  router.post('/v1/venues/:id/booths\\:import', guard('replaceFloorPlan'), async (req, res) => {
    const { id } = parse(idParams, req.params, 'params');
    res.json(venueView(await replaceFloorPlan(deps, req.principal, { venueId: id, kind: 'import', ...parse(importBody, req.body) })));
  });

  // Public, like the fair it shows: holder names are the enterprises' trade names.
  router.get('/v1/venues/:id/floor-plan.svg', async (req, res) => {
    const venue = await getVenue(deps, parse(idParams, req.params, 'params').id);
    const { fairId } = parse(floorPlanQuery, req.query, 'query');
    const fair = fairId ? await viewFair(deps, req.principal, fairId) : undefined;
    if (fair && fair.state.venueId !== venue.id) throw notFound('FAIR_NOT_AT_VENUE', `The fair ${fairId} is not held at this venue.`, { fairId: fairId! });
    const holds = fair ? await deps.holds.ofFair(fair.id) : [];
    res.type('image/svg+xml').send(renderFloorPlan({ venueName: venue.name, ...(fair ? { fairName: fair.state.name } : {}), booths: boothStates(venue.booths, holds) }));
  });

  return router;
}
