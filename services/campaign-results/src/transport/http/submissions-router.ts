// /v1/submissions: parse → use case → response. No business rule lives here.
import { accessGuard, idempotent, parse, type IdempotencyStore } from '@hangviet/service-kit';
import { Router } from 'express';
import { z } from 'zod';
import { ACCESS } from '../../application/access-rules';
import { getSubmission } from '../../application/get-submission';
import { openSubmission } from '../../application/open-submission';
import type { CampaignResultsDeps } from '../../application/ports';
import type { SubmissionState } from '../../domain/submission';

// Shapes (and the bounds the domain holds), read by the route and the OpenAPI document alike.
export const openBody = z.object({ businessId: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/), title: z.string().max(200) }).strict();
export const idParams = z.object({ id: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/) });

export function viewOf(state: Readonly<SubmissionState>) {
  return { id: state.id, businessId: state.businessId, title: state.title, status: state.status, createTime: state.createTime.toISOString(), version: state.version };
}

export function submissionsRouter(deps: CampaignResultsDeps, idempotency: IdempotencyStore): Router {
  const router = Router();

  // The guard answers 401/403 before the body is judged; the use case checks the same rule (one table) again.
  router.post('/v1/submissions', accessGuard(ACCESS.openSubmission), idempotent(idempotency), async (req, res) => {
    const aggregate = await openSubmission(deps, req.principal, parse(openBody, req.body));
    res.location(`/v1/submissions/${aggregate.id}`).status(201).json(viewOf(aggregate.state));
  });

  router.get('/v1/submissions/:id', accessGuard(ACCESS.getSubmission), async (req, res) => {
    const { id } = parse(idParams, req.params, 'params');
    res.json(viewOf((await getSubmission(deps, id)).state));
  });

  return router;
}
