// /v1/sourcing-meetings and the fairs' meeting programmes: parse → use case → response.
import { accessGuard, idempotent, mapPage, parse, type IdempotencyStore } from '@hangviet/service-kit';
import { Router } from 'express';
import { acceptMeeting } from '../../application/accept-meeting';
import { ACCESS } from '../../application/access-rules';
import { cancelMeeting } from '../../application/cancel-meeting';
import { declineMeeting } from '../../application/decline-meeting';
import { getMeeting } from '../../application/get-meeting';
import { getMeetingProgramme } from '../../application/get-meeting-programme';
import { listMeetings } from '../../application/list-meetings';
import type { SourcingDeps } from '../../application/ports';
import { requestMeeting } from '../../application/request-meeting';
import { setMeetingProgramme } from '../../application/set-meeting-programme';
import { meetingCalendar } from './meeting-ics';
import { emptyBody, fairParams, idParams, meetingBody, meetingsQuery, programmeBody } from './schemas';
import { meetingView, programmeView } from './views';

const BASE = '/v1/sourcing-meetings';
export const PROGRAMMES = '/v1/meeting-programmes';

export function meetingsRouter(deps: SourcingDeps, idempotency: IdempotencyStore): Router {
  const router = Router();
  const idOf = (params: unknown) => parse(idParams, params, 'params').id;

  router.put(`${PROGRAMMES}/:fairId`, accessGuard(ACCESS.setMeetingProgramme), async (req, res) => {
    const { fairId } = parse(fairParams, req.params, 'params');
    res.json(programmeView(await setMeetingProgramme(deps, req.principal, { fairId, ...parse(programmeBody, req.body) })));
  });

  router.get(`${PROGRAMMES}/:fairId`, accessGuard(ACCESS.getMeetingProgramme), async (req, res) => {
    res.json(programmeView(await getMeetingProgramme(deps, parse(fairParams, req.params, 'params'))));
  });

  router.post(BASE, accessGuard(ACCESS.requestMeeting), idempotent(idempotency), async (req, res) => {
    const meeting = await requestMeeting(deps, req.principal, parse(meetingBody, req.body));
    res.location(`${BASE}/${meeting.id}`).status(201).json(meetingView(meeting.state));
  });

  router.get(BASE, accessGuard(ACCESS.listMeetings), async (req, res) => {
    const page = await listMeetings(deps, req.principal, parse(meetingsQuery, req.query, 'query'));
    res.json(mapPage(page, (m) => meetingView(m.state)));
  });

  router.get(`${BASE}/:id`, accessGuard(ACCESS.getMeeting), async (req, res) => {
    res.json(meetingView((await getMeeting(deps, req.principal, { id: idOf(req.params) })).meeting.state));
  });

  router.get(`${BASE}/:id/calendar.ics`, accessGuard(ACCESS.getMeetingCalendar), async (req, res) => {
    const { meeting, side } = await getMeeting(deps, req.principal, { id: idOf(req.params) });
    const m = meeting.state;
    const [buyer, supplier] = await Promise.all([deps.businesses.find(m.buyerBusinessId).catch(() => undefined), deps.businesses.find(m.supplierBusinessId).catch(() => undefined)]);
    // Staff read the buyer's calendar; each side its own.
    const ics = meetingCalendar(m, side === 'STAFF' ? 'BUYER' : side, { buyer: buyer?.name ?? m.buyerBusinessId, supplier: supplier?.name ?? m.supplierBusinessId });
    res.type('text/calendar; charset=utf-8').send(ics);
  });

  for (const [verb, useCase, rule] of [
    ['accept', acceptMeeting, ACCESS.acceptMeeting],
    ['decline', declineMeeting, ACCESS.declineMeeting],
    ['cancel', cancelMeeting, ACCESS.cancelMeeting],
  ] as const) {
    router.post(`${BASE}/:id\\:${verb}`, accessGuard(rule), async (req, res) => {
      parse(emptyBody, req.body ?? {});
      res.json(meetingView((await useCase(deps, req.principal, { id: idOf(req.params) })).state));
    });
  }

  return router;
}
