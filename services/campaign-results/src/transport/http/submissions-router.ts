// /v1/submissions: units' figures and the centre's review. parse → use case → response.
import { accessGuard, idempotent, parse, type IdempotencyStore } from '@hangviet/service-kit';
import { Router } from 'express';
import { ACCESS } from '../../application/access-rules';
import { approveSubmission } from '../../application/approve-submission';
import { getSubmission } from '../../application/get-submission';
import { listSubmissions } from '../../application/list-submissions';
import type { CampaignResultsDeps } from '../../application/ports';
import { returnSubmission } from '../../application/return-submission';
import { reviseSubmission } from '../../application/revise-submission';
import { submitFigure } from '../../application/submit-figure';
import { figureBody, figureOf, idParams, listQuery, returnBody } from './schemas';
import { submissionView } from './views';

export function submissionsRouter(deps: CampaignResultsDeps, idempotency: IdempotencyStore): Router {
  const router = Router();

  router.post('/v1/submissions', accessGuard(ACCESS.submitFigure), idempotent(idempotency), async (req, res) => {
    const submission = await submitFigure(deps, req.principal, figureOf(parse(figureBody, req.body)));
    res.location(`/v1/submissions/${submission.id}`).status(201).json(submissionView(submission.state));
  });

  router.get('/v1/submissions', accessGuard(ACCESS.listSubmissions), async (req, res) => {
    const query = parse(listQuery, req.query, 'query');
    const page = await listSubmissions(deps, req.principal, { ...query, pageSize: query.pageSize ?? 20 });
    res.json({ items: page.items.map((s) => submissionView(s.state)), nextPageToken: page.nextPageToken });
  });

  router.get('/v1/submissions/:id', accessGuard(ACCESS.getSubmission), async (req, res) => {
    const { id } = parse(idParams, req.params, 'params');
    res.json(submissionView((await getSubmission(deps, req.principal, { id })).state));
  });

  router.post('/v1/submissions/:id\\:approve', accessGuard(ACCESS.approveSubmission), async (req, res) => {
    const { id } = parse(idParams, req.params, 'params');
    res.json(submissionView((await approveSubmission(deps, req.principal, { id })).state));
  });

  router.post('/v1/submissions/:id\\:return', accessGuard(ACCESS.returnSubmission), async (req, res) => {
    const { id } = parse(idParams, req.params, 'params');
    const { reason } = parse(returnBody, req.body);
    res.json(submissionView((await returnSubmission(deps, req.principal, { id, reason })).state));
  });

  router.post('/v1/submissions/:id\\:revise', accessGuard(ACCESS.reviseSubmission), async (req, res) => {
    const { id } = parse(idParams, req.params, 'params');
    res.json(submissionView((await reviseSubmission(deps, req.principal, { id, figure: figureOf(parse(figureBody, req.body)) })).state));
  });

  return router;
}
