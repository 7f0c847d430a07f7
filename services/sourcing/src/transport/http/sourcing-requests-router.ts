// /v1/sourcing-requests: parse → use case → response. No business rule lives here.
import { accessGuard, idempotent, parse, type IdempotencyStore } from '@hangviet/service-kit';
import { Router } from 'express';
import { z } from 'zod';
import { ACCESS } from '../../application/access-rules';
import { getSourcingRequest } from '../../application/get-sourcing-request';
import { openSourcingRequest } from '../../application/open-sourcing-request';
import type { SourcingDeps } from '../../application/ports';
import type { SourcingRequestState } from '../../domain/sourcing-request';

// Shapes (and the bounds the domain holds), read by the route and the OpenAPI document alike.
export const openBody = z.object({ businessId: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/), title: z.string().max(200) }).strict();
export const idParams = z.object({ id: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/) });

export function viewOf(state: Readonly<SourcingRequestState>) {
  return { id: state.id, businessId: state.businessId, title: state.title, status: state.status, createTime: state.createTime.toISOString(), version: state.version };
}

export function sourcingRequestsRouter(deps: SourcingDeps, idempotency: IdempotencyStore): Router {
  const router = Router();

  // The guard answers 401/403 before the body is judged; the use case checks the same rule (one table) again.
  router.post('/v1/sourcing-requests', accessGuard(ACCESS.openSourcingRequest), idempotent(idempotency), async (req, res) => {
    const aggregate = await openSourcingRequest(deps, req.principal, parse(openBody, req.body));
    res.location(`/v1/sourcing-requests/${aggregate.id}`).status(201).json(viewOf(aggregate.state));
  });

  router.get('/v1/sourcing-requests/:id', accessGuard(ACCESS.getSourcingRequest), async (req, res) => {
    const { id } = parse(idParams, req.params, 'params');
    res.json(viewOf((await getSourcingRequest(deps, id)).state));
  });

  return router;
}
