// The partner gRPC stream: every event in log order, resumable from a cursor with no gap and no
// duplicate across a reconnect, filtered by event type patterns, guarded by a partner token.
import { randomUUID } from 'node:crypto';
import * as grpc from '@grpc/grpc-js';
import {
  EventStreamServiceClient,
  StartPosition,
  type SubscribeRequest,
  type SubscribeResponse,
} from '@hangviet/contracts/hangviet/notification/v1/event_stream_service';
import { BusinessApproved, BusinessRejected, BusinessSuspended } from '@hangviet/events/catalog';
import { decodeGrpcError } from '@hangviet/service-kit';
import { createEventLog } from '../src/infrastructure/event-log';
import { eventually } from '@hangviet/service-testing';
import { api, approvedEvent, startNotification, type Harness } from './support';

jest.setTimeout(60_000);

let h: Harness;
let client: EventStreamServiceClient;
beforeAll(async () => {
  h = await startNotification('notification_stream');
  client = new EventStreamServiceClient(`127.0.0.1:${h.service.grpcPort}`, grpc.credentials.createInsecure());
});
afterAll(async () => {
  client?.close();
  await h?.stop();
});

interface Subscription {
  received: SubscribeResponse[];
  ended: Promise<grpc.ServiceError | undefined>;
  cancel(): void;
}

function subscribe(request: Partial<SubscribeRequest>, token: string | undefined): Subscription {
  const metadata = new grpc.Metadata();
  if (token) metadata.set('authorization', `Bearer ${token}`);
  const call = client.subscribe({ eventTypes: [], cursor: '', startPosition: StartPosition.START_POSITION_UNSPECIFIED, ...request }, metadata);
  const received: SubscribeResponse[] = [];
  call.on('data', (response: SubscribeResponse) => received.push(response));
  const ended = new Promise<grpc.ServiceError | undefined>((resolve) => {
    call.on('error', (err: grpc.ServiceError) => resolve(err.code === grpc.status.CANCELLED ? undefined : err));
    call.on('end', () => resolve(undefined));
  });
  return { received, ended, cancel: () => call.cancel() };
}

const eventIds = (responses: SubscribeResponse[]) => responses.map((r) => r.event!.id);

describe('EventStreamService/Subscribe', () => {
  it('resumes from a cursor after a reconnect without a gap or a duplicate', async () => {
    const token = await h.token({ role: 'partner', partnerId: 'portal' });
    // One aggregate: its events share a partition, so they are logged in the order published.
    const publish = () => h.publish(BusinessApproved, 'stream-biz', approvedEvent('stream-biz'));
    const ids = [await publish(), await publish(), await publish()];
    await eventually(async () => (await h.parts.deps.eventLog.head()) >= 3, 'three logged events');

    const first = subscribe({ startPosition: StartPosition.START_POSITION_EARLIEST, eventTypes: ['hangviet.registry.business.*'] }, token);
    await eventually(() => first.received.length >= 2, 'the first two events');
    const processed = first.received.slice(0, 2);
    first.cancel();
    await first.ended;
    expect(eventIds(processed)).toEqual(ids.slice(0, 2));

    // While the partner is away: more events.
    ids.push(await publish(), await publish());
    await eventually(async () => (await h.parts.deps.eventLog.head()) >= 5, 'five logged events');

    const second = subscribe({ cursor: processed[1]!.cursor, eventTypes: ['hangviet.registry.business.*'] }, token);
    await eventually(() => second.received.length >= 3, 'the rest');
    ids.push(await publish());
    await eventually(() => second.received.length >= 4, 'a live event');
    second.cancel();
    await second.ended;
    expect(eventIds(second.received)).toEqual(ids.slice(2));

    const event = second.received[0]!.event!;
    expect(event).toMatchObject({ type: 'hangviet.registry.business.approved.v1', source: 'business-registry', subject: 'stream-biz', dataContentType: 'application/json' });
    expect(JSON.parse(event.dataJson)).toMatchObject({ business: { id: 'stream-biz', tradeName: 'Gốm Bát Tràng' } });
    expect(BusinessApproved.codec.decode(event.dataProto).business?.id).toBe('stream-biz');
    expect(Number(event.time!.seconds)).toBeGreaterThan(0);
    const cursors = [...processed, ...second.received].map((r) => r.cursor);
    expect(new Set(cursors).size).toBe(cursors.length);
  });

  it('sends only the event types asked for', async () => {
    const token = await h.token({ role: 'partner', partnerId: 'bank' });
    const sub = subscribe({ startPosition: StartPosition.START_POSITION_EARLIEST, eventTypes: ['hangviet.registry.business.suspended.v1'] }, token);
    // One aggregate, so the approval is logged before the rejection: had it passed the filter, it would come first.
    const approval = await h.publish(BusinessApproved, 'filter-biz', approvedEvent('filter-biz'));
    const rejection = await h.publish(
      BusinessSuspended,
      'filter-biz',
      BusinessSuspended.codec.fromJSON({ business: { id: 'filter-biz', taxCode: '0300000001', status: 'BUSINESS_STATUS_SUSPENDED' }, reason: 'x' }),
    );
    await eventually(() => sub.received.length >= 1, 'the suspension');
    expect(eventIds(sub.received)).toEqual([rejection]);
    expect(eventIds(sub.received)).not.toContain(approval);
    sub.cancel();
    await sub.ended;
  });

  it("carries a partner's projection: never-public events and reasons only with granted scopes (issue 12, item 4)", async () => {
    const token = await h.token({ role: 'partner', partnerId: 'scoped-stream' });
    const plain = subscribe({ startPosition: StartPosition.START_POSITION_LATEST, eventTypes: ['hangviet.registry.business.*'] }, token);
    await new Promise((r) => setTimeout(r, 300));
    const rejected = await h.publish(BusinessRejected, 'scope-biz', BusinessRejected.codec.fromJSON({ business: { id: 'scope-biz', taxCode: '0300000002', status: 'BUSINESS_STATUS_REJECTED', contactEmail: 'a@b.vn' }, reason: 'nội bộ' }));
    const suspended = await h.publish(BusinessSuspended, 'scope-biz', BusinessSuspended.codec.fromJSON({ business: { id: 'scope-biz', taxCode: '0300000002', status: 'BUSINESS_STATUS_SUSPENDED', contactEmail: 'a@b.vn' }, reason: 'nội bộ', actorSubject: 'staff-9' }));
    await eventually(() => plain.received.length >= 1, 'the suspension');
    expect(eventIds(plain.received)).toEqual([suspended]);
    const data = JSON.parse(plain.received[0]!.event!.dataJson) as Record<string, Record<string, unknown>>;
    expect(data).not.toHaveProperty('reason');
    expect(data).not.toHaveProperty('actorSubject');
    expect(data.business).not.toHaveProperty('contactEmail');
    const proto = BusinessSuspended.codec.decode(plain.received[0]!.event!.dataProto);
    expect(proto.reason).toBe('');
    expect(proto.business?.contactEmail).toBe('');
    plain.cancel();
    await plain.ended;

    const staff = await h.token({ role: 'staff' });
    expect((await api(h.base, 'PUT', '/v1/partners/scoped-stream/scopes', staff, { scopes: ['unpublished', 'internal-reasons'] })).status).toBe(200);
    const scoped = subscribe({ startPosition: StartPosition.START_POSITION_EARLIEST, eventTypes: ['hangviet.registry.business.*'] }, token);
    await eventually(() => eventIds(scoped.received).includes(suspended) && scoped.received, 'both events');
    expect(eventIds(scoped.received)).toEqual(expect.arrayContaining([rejected, suspended]));
    const again = scoped.received.find((r) => r.event!.id === rejected)!;
    expect(JSON.parse(again.event!.dataJson)).toMatchObject({ reason: 'nội bộ' });
    expect(JSON.parse(again.event!.dataJson).business).not.toHaveProperty('contactEmail');
    scoped.cancel();
    await scoped.ended;
  });

  it('refuses callers without a partner or staff token, and malformed requests', async () => {
    const none = await subscribe({}, undefined).ended;
    expect(none?.code).toBe(grpc.status.UNAUTHENTICATED);
    const enterprise = await subscribe({}, await h.token({ role: 'enterprise', businessId: 'b1' })).ended;
    expect(enterprise?.code).toBe(grpc.status.PERMISSION_DENIED);
    const partner = await h.token({ role: 'partner', partnerId: 'p1' });
    const badCursor = await subscribe({ cursor: 'not-a-cursor' }, partner).ended;
    expect(badCursor?.code).toBe(grpc.status.INVALID_ARGUMENT);
    expect(decodeGrpcError(badCursor!).errors).toEqual([expect.objectContaining({ field: 'cursor', code: 'CURSOR_INVALID' })]);
    const badPattern = await subscribe({ eventTypes: ['hangviet.*.approved'] }, partner).ended;
    expect(badPattern?.code).toBe(grpc.status.INVALID_ARGUMENT);
  });

  it('tells a client whose cursor fell out of retention to start over', async () => {
    const token = await h.token({ role: 'partner', partnerId: 'p1' });
    const sub = subscribe({ startPosition: StartPosition.START_POSITION_EARLIEST }, token);
    await eventually(() => sub.received.length >= 1, 'an event');
    sub.cancel();
    await sub.ended;
    const oldCursor = sub.received[0]!.cursor;
    await h.publish(BusinessApproved, 'r-1', approvedEvent('r-1'));
    await eventually(async () => (await h.parts.models.eventLog.countDocuments({ subject: 'r-1' })) === 1, 'the newest event');
    expect(await h.parts.deps.eventLog.deleteOlderThan(new Date(Date.now() + 60_000))).toBeGreaterThan(0);
    const expired = await subscribe({ cursor: oldCursor }, token).ended;
    expect(expired?.code).toBe(grpc.status.FAILED_PRECONDITION);
    expect(decodeGrpcError(expired!).reason).toBe('CURSOR_EXPIRED');
  });
});

describe('event log', () => {
  it('numbers concurrent appends 1..n without a gap, once per event', async () => {
    const log = h.parts.deps.eventLog;
    const start = await log.head();
    const ids = Array.from({ length: 12 }, () => randomUUID());
    const entry = (eventId: string) => ({ eventId, type: 't.x.y.v1', source: 's', subject: 'x', time: new Date().toISOString(), dataJson: '{}', dataProto: new Uint8Array() });
    // Each event appended twice at once, as two consumers racing on a redelivery would.
    const seqs = await Promise.all([...ids, ...ids].map((id) => log.append(entry(id))));
    const unique = [...new Set(seqs)].sort((a, b) => a - b);
    expect(unique).toEqual(Array.from({ length: 12 }, (_, i) => start + i + 1));
    expect(seqs.slice(0, 12)).toEqual(seqs.slice(12));
  });

  it('numbers the appends of two instances 1..n without a gap, once per event, when they race for the same numbers', async () => {
    // Two logs over one database, as two service instances: each batches its own appends and starts
    // from the last number it knows, so they keep colliding on numbers and on events.
    const one = h.parts.deps.eventLog;
    const two = createEventLog(h.parts.models);
    const start = await one.head();
    const ids = Array.from({ length: 30 }, () => randomUUID());
    const entry = (eventId: string) => ({ eventId, type: 't.x.y.v1', source: 's', subject: 'x', time: new Date().toISOString(), dataJson: '{}', dataProto: new Uint8Array() });
    const [fromOne, fromTwo] = await Promise.all([Promise.all(ids.map((id) => one.append(entry(id)))), Promise.all([...ids].reverse().map((id) => two.append(entry(id))))]);
    expect([...new Set(fromOne)].sort((a, b) => a - b)).toEqual(Array.from({ length: 30 }, (_, i) => start + i + 1));
    expect(fromOne).toEqual([...fromTwo].reverse());
    const logged = await h.parts.models.eventLog.find({ _id: { $gt: start } }).sort({ _id: 1 }).lean();
    expect(logged.map((e) => e._id)).toEqual(Array.from({ length: 30 }, (_, i) => start + i + 1));
    expect(new Set(logged.map((e) => e.eventId)).size).toBe(30);
  });
});
