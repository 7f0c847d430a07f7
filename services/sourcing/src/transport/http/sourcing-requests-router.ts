// /v1/sourcing-requests: parse → use case → response. No business rule lives here.
import { accessGuard, idempotent, mapPage, parse, type IdempotencyStore } from '@hangviet/service-kit';
import { Router } from 'express';
import { ACCESS } from '../../application/access-rules';
import { closeSourcingRequest } from '../../application/close-sourcing-request';
import { editResponse } from '../../application/edit-response';
import { getSourcingRequest } from '../../application/get-sourcing-request';
import { listOutcomes } from '../../application/list-outcomes';
import { listResponses } from '../../application/list-responses';
import { listSourcingRequests } from '../../application/list-sourcing-requests';
import { matchSuppliers } from '../../application/match-suppliers';
import type { SourcingDeps } from '../../application/ports';
import { publishSourcingRequest } from '../../application/publish-sourcing-request';
import { recordOutcome } from '../../application/record-outcome';
import { rejectSourcingRequest } from '../../application/reject-sourcing-request';
import { renewSourcingRequest } from '../../application/renew-sourcing-request';
import { respondToRequest } from '../../application/respond-to-request';
import { shortlistResponse } from '../../application/shortlist-response';
import { submitSourcingRequest } from '../../application/submit-sourcing-request';
import {
  editResponseBody, emptyBody, idParams, listQuery, matchesQuery, outcomeBody, rejectBody, renewBody, respondBody, responseParams, submitBody,
} from './schemas';
import { matchView, outcomeView, requestView, responseView } from './views';

const BASE = '/v1/sourcing-requests';

export function sourcingRequestsRouter(deps: SourcingDeps, idempotency: IdempotencyStore): Router {
  const router = Router();
  const idOf = (params: unknown) => parse(idParams, params, 'params').id;

  // The guard answers 401/403 before the body is judged; the use case checks the same rule (one table) again.
  router.post(BASE, accessGuard(ACCESS.submitSourcingRequest), idempotent(idempotency), async (req, res) => {
    const request = await submitSourcingRequest(deps, req.principal, parse(submitBody, req.body));
    res.location(`${BASE}/${request.id}`).status(201).json(requestView(request.state, true));
  });

  router.get(BASE, accessGuard(ACCESS.listSourcingRequests), async (req, res) => {
    const page = await listSourcingRequests(deps, req.principal, parse(listQuery, req.query, 'query'));
    res.json(mapPage(page, (r) => requestView(r.state)));
  });

  router.get(`${BASE}/:id`, accessGuard(ACCESS.getSourcingRequest), async (req, res) => {
    const { request, buyerSide } = await getSourcingRequest(deps, req.principal, { id: idOf(req.params) });
    res.json(requestView(request.state, buyerSide));
  });

  router.post(`${BASE}/:id\\:publish`, accessGuard(ACCESS.publishSourcingRequest), async (req, res) => {
    parse(emptyBody, req.body ?? {});
    res.json(requestView((await publishSourcingRequest(deps, req.principal, { id: idOf(req.params) })).state, true));
  });

  router.post(`${BASE}/:id\\:reject`, accessGuard(ACCESS.rejectSourcingRequest), async (req, res) => {
    const { reason } = parse(rejectBody, req.body);
    res.json(requestView((await rejectSourcingRequest(deps, req.principal, { id: idOf(req.params), reason })).state, true));
  });

  router.post(`${BASE}/:id\\:renew`, accessGuard(ACCESS.renewSourcingRequest), async (req, res) => {
    const { closingTime } = parse(renewBody, req.body);
    res.json(requestView((await renewSourcingRequest(deps, req.principal, { id: idOf(req.params), closingTime })).state, true));
  });

  router.post(`${BASE}/:id\\:close`, accessGuard(ACCESS.closeSourcingRequest), async (req, res) => {
    parse(emptyBody, req.body ?? {});
    res.json(requestView((await closeSourcingRequest(deps, req.principal, { id: idOf(req.params) })).state, true));
  });

  router.get(`${BASE}/:id/matches`, accessGuard(ACCESS.matchSuppliers), async (req, res) => {
    const { pageSize } = parse(matchesQuery, req.query, 'query');
    res.json({ items: (await matchSuppliers(deps, req.principal, { id: idOf(req.params), limit: pageSize })).map(matchView) });
  });

  router.post(`${BASE}/:id/responses`, accessGuard(ACCESS.respondToRequest), async (req, res) => {
    const { response } = await respondToRequest(deps, req.principal, { id: idOf(req.params), ...parse(respondBody, req.body) });
    res.location(`${BASE}/${idOf(req.params)}/responses/${response.supplierBusinessId}`).status(201).json(responseView(response));
  });

  router.get(`${BASE}/:id/responses`, accessGuard(ACCESS.listResponses), async (req, res) => {
    res.json({ items: (await listResponses(deps, req.principal, { id: idOf(req.params) })).map(responseView) });
  });

  router.patch(`${BASE}/:id/responses/:supplierBusinessId`, accessGuard(ACCESS.editResponse), async (req, res) => {
    const { id, supplierBusinessId } = parse(responseParams, req.params, 'params');
    res.json(responseView(await editResponse(deps, req.principal, { id, supplierBusinessId, ...parse(editResponseBody, req.body) })));
  });

  router.post(`${BASE}/:id/responses/:supplierBusinessId\\:shortlist`, accessGuard(ACCESS.shortlistResponse), async (req, res) => {
    const { id, supplierBusinessId } = parse(responseParams, req.params, 'params');
    parse(emptyBody, req.body ?? {});
    res.json(responseView(await shortlistResponse(deps, req.principal, { id, supplierBusinessId })));
  });

  router.post(`${BASE}/:id/outcomes`, accessGuard(ACCESS.recordOutcome), idempotent(idempotency), async (req, res) => {
    const outcome = await recordOutcome(deps, req.principal, { id: idOf(req.params), ...parse(outcomeBody, req.body) });
    res.status(201).json(outcomeView(outcome.state));
  });

  router.get(`${BASE}/:id/outcomes`, accessGuard(ACCESS.listOutcomes), async (req, res) => {
    res.json({ items: (await listOutcomes(deps, req.principal, { id: idOf(req.params) })).map((o) => outcomeView(o.state)) });
  });

  return router;
}
