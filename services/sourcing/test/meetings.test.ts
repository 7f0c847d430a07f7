// Meetings at a fair against the real Kafka and database: 50 meetings accepted at once are never
// double-booked (the claims' unique index decides), each side gets its calendar, cancelling frees the place.
// Then every mutating route of the service against every role.
import { randomUUID } from 'node:crypto';
import { BusinessStatus } from '@hangviet/contracts/hangviet/registry/v1/business';
import { FairStatus } from '@hangviet/contracts/hangviet/tradefair/v1/fair';
import { FairCancelled as FairCancelledMessage, FairCreated as FairCreatedMessage, FairPublished as FairPublishedMessage, FairRunning as FairRunningMessage } from '@hangviet/contracts/hangviet/tradefair/v1/fair';
import { FairCancelled, FairCreated, FairPublished, FairRunning } from '@hangviet/events/catalog';
import { bearer, eventually, startServiceHarness } from '@hangviet/service-testing';
import { sourcingService } from '../src/service';
import { publishDirectory, type DirectoryEntry } from './support/directory';

const start = () => startServiceHarness(sourcingService, { label: 'sourcing_meetings' });
let h: Awaited<ReturnType<typeof start>>;

const tag = randomUUID().slice(0, 8);
const buyers = Array.from({ length: 5 }, (_, i) => `mb${i}-${tag}`);
const suppliers = Array.from({ length: 10 }, (_, i) => `ms${i}-${tag}`);
const suspended = `msx-${tag}`;
const directory: DirectoryEntry[] = [
  { id: suspended, name: 'Tạm ngừng', provinceCode: '20', industry: '10790', status: BusinessStatus.BUSINESS_STATUS_SUSPENDED },
  ...buyers.map((id, i) => ({ id, name: `Người mua ${i}`, provinceCode: '20', industry: '47110' })),
  ...suppliers.map((id, i) => ({ id, name: `Nhà cung cấp ${i}`, provinceCode: '20', industry: '10790' })),
];
const fairId = `fair-${tag}`;
const SLOTS = 30;
const TABLES = 5;
const slotStart = (i: number) => new Date(Date.now() + 86_400_000 + i * 30 * 60_000);

interface MeetingBody {
  id: string;
  status: string;
  slot?: number;
  table?: number;
  buyerBusinessId: string;
  supplierBusinessId: string;
}

/** The trade-fair's events about a fair, as it publishes them, and the copy caught up with the last one. */
async function publishFair(id: string, status: FairStatus, version: number): Promise<void> {
  const fair = { id, name: `Hội chợ ${id}`, status, version: String(version) };
  if (status === FairStatus.FAIR_STATUS_DRAFT) await h.publish(FairCreated, id, FairCreatedMessage.fromPartial({ fair }), { source: 'trade-fair' });
  else if (status === FairStatus.FAIR_STATUS_CANCELLED) await h.publish(FairCancelled, id, FairCancelledMessage.fromPartial({ fair }), { source: 'trade-fair' });
  else if (status === FairStatus.FAIR_STATUS_RUNNING) await h.publish(FairRunning, id, FairRunningMessage.fromPartial({ fair }), { source: 'trade-fair' });
  else await h.publish(FairPublished, id, FairPublishedMessage.fromPartial({ fair }), { source: 'trade-fair' });
  await eventually(async () => (await h.parts.fairDirectory.find(id))?.version === version, `fair ${id} at version ${version}`);
}

beforeAll(async () => {
  h = await start();
  await publishDirectory(h, directory);
  await publishFair(fairId, FairStatus.FAIR_STATUS_PUBLISHED, 4);
  await publishFair(`${fairId}-2`, FairStatus.FAIR_STATUS_RUNNING, 5); // the every-role test sets its programme
  const programme = await h.http
    .put(`/v1/meeting-programmes/${fairId}`)
    .set(bearer(h.tokens.staff))
    .send({ tables: TABLES, slots: Array.from({ length: SLOTS }, (_, i) => ({ start: slotStart(i).toISOString(), end: new Date(slotStart(i).getTime() + 25 * 60_000).toISOString() })) });
  expect(programme.status).toBe(200);
}, 120_000);

afterAll(async () => {
  await h?.stop();
}, 60_000);

const ask = async (buyer: string, supplier: string, token?: string) =>
  h.http.post('/v1/sourcing-meetings').set(bearer(token ?? (await h.tokens.enterprise(buyer)))).send({ fairId, buyerBusinessId: buyer, supplierBusinessId: supplier, note: 'Bàn về nguồn hàng' });

describe('meetings at a fair', () => {
  it('schedules 50 meetings accepted at once with no table and no party booked twice in a slot', async () => {
    const pairs = buyers.flatMap((b) => suppliers.map((s) => [b, s] as const));
    expect(pairs).toHaveLength(50);
    const asked: MeetingBody[] = [];
    for (const [b, s] of pairs) {
      const res = await ask(b, s);
      expect(res.status).toBe(201);
      asked.push(res.body as MeetingBody);
    }
    // Each supplier (the side asked) accepts: all 50 at the same moment.
    const accepted = await Promise.all(asked.map(async (m) => h.http.post(`/v1/sourcing-meetings/${m.id}:accept`).set(bearer(await h.tokens.enterprise(m.supplierBusinessId))).send({})));
    expect(accepted.map((r) => r.status)).toEqual(asked.map(() => 200));
    const scheduled = accepted.map((r) => r.body as MeetingBody);
    expect(scheduled.every((m) => m.status === 'SCHEDULED')).toBe(true);
    const places = new Set(scheduled.map((m) => `${m.slot}/${m.table}`));
    expect(places.size).toBe(50);
    const busy = new Set(scheduled.flatMap((m) => [`${m.slot}/${m.buyerBusinessId}`, `${m.slot}/${m.supplierBusinessId}`]));
    expect(busy.size).toBe(100);
    expect(scheduled.every((m) => m.table! >= 1 && m.table! <= TABLES && m.slot! >= 0 && m.slot! < SLOTS)).toBe(true);
    // The stored meetings agree, and exactly one table and two parties are claimed per meeting (no leftovers of lost claims).
    const stored = await h.service.host.db.collection('meetings').find({ fairId, status: 'SCHEDULED' }).toArray();
    expect(stored).toHaveLength(50);
    expect(await h.service.host.db.collection('meeting_claims').countDocuments({ fairId })).toBe(150);
  }, 180_000);

  it('gives each side its calendar, answers only the invited side, and frees the place on cancellation', async () => {
    const [b, s] = [buyers[0]!, suppliers[0]!];
    const list = await h.http.get('/v1/sourcing-meetings').query({ businessId: b, fairId }).set(bearer(await h.tokens.enterprise(b)));
    const meeting = (list.body.items as MeetingBody[]).find((m) => m.supplierBusinessId === s)!;
    const buyerIcs = await h.http.get(`/v1/sourcing-meetings/${meeting.id}/calendar.ics`).set(bearer(await h.tokens.enterprise(b)));
    expect(buyerIcs.headers['content-type']).toMatch(/^text\/calendar/);
    expect(buyerIcs.text).toContain('BEGIN:VEVENT');
    expect(buyerIcs.text).toContain('SUMMARY:Gặp nhà cung cấp Nhà cung cấp 0');
    const supplierIcs = await h.http.get(`/v1/sourcing-meetings/${meeting.id}/calendar.ics`).set(bearer(await h.tokens.enterprise(s)));
    expect(supplierIcs.text).toContain('SUMMARY:Gặp bên mua Người mua 0');
    const stranger = await h.http.get(`/v1/sourcing-meetings/${meeting.id}/calendar.ics`).set(bearer(await h.tokens.enterprise(suppliers[1]!)));
    expect({ status: stranger.status, code: stranger.body.code }).toEqual({ status: 403, code: 'NOT_PARTY' });

    const fresh = (await ask(buyers[1]!, suppliers[1]!)).body as MeetingBody; // a second meeting of the same pair
    const byAsker = await h.http.post(`/v1/sourcing-meetings/${fresh.id}:accept`).set(bearer(await h.tokens.enterprise(buyers[1]!))).send({});
    expect({ status: byAsker.status, code: byAsker.body.code }).toEqual({ status: 403, code: 'NOT_INVITEE' });
    const declined = await h.http.post(`/v1/sourcing-meetings/${fresh.id}:decline`).set(bearer(await h.tokens.enterprise(suppliers[1]!))).send({});
    expect(declined.body.status).toBe('DECLINED');

    const cancelled = await h.http.post(`/v1/sourcing-meetings/${meeting.id}:cancel`).set(bearer(await h.tokens.enterprise(b))).send({});
    expect(cancelled.body.status).toBe('CANCELLED');
    expect(await h.service.host.db.collection('meeting_claims').countDocuments({ fairId })).toBe(147);
  });

  it('holds meetings only at a fair that exists and is PUBLISHED or RUNNING', async () => {
    const programme = { tables: 1, slots: [{ start: slotStart(0).toISOString(), end: slotStart(1).toISOString() }] };
    const unknown = await h.http.put(`/v1/meeting-programmes/no-such-fair-${tag}`).set(bearer(h.tokens.staff)).send(programme);
    expect({ status: unknown.status, code: unknown.body.code }).toEqual({ status: 404, code: 'FAIR_NOT_FOUND' });
    const draftId = `draft-${tag}`;
    await publishFair(draftId, FairStatus.FAIR_STATUS_DRAFT, 1);
    const draft = await h.http.put(`/v1/meeting-programmes/${draftId}`).set(bearer(h.tokens.staff)).send(programme);
    expect({ status: draft.status, code: draft.body.code }).toEqual({ status: 409, code: 'FAIR_NOT_OPEN_FOR_MEETINGS' });
    expect((await h.http.get(`/v1/meeting-programmes/${draftId}`)).status).toBe(404); // nothing written

    // published: a programme and a meeting asked; cancelled meanwhile: no new meeting, none scheduled
    const laterId = `later-${tag}`;
    await publishFair(laterId, FairStatus.FAIR_STATUS_PUBLISHED, 4);
    expect((await h.http.put(`/v1/meeting-programmes/${laterId}`).set(bearer(h.tokens.staff)).send(programme)).status).toBe(200);
    const asked = await h.http.post('/v1/sourcing-meetings').set(bearer(h.tokens.staff)).send({ fairId: laterId, buyerBusinessId: buyers[4], supplierBusinessId: suppliers[9] });
    expect(asked.status).toBe(201);
    await publishFair(laterId, FairStatus.FAIR_STATUS_CANCELLED, 5);
    const again = await h.http.post('/v1/sourcing-meetings').set(bearer(h.tokens.staff)).send({ fairId: laterId, buyerBusinessId: buyers[4], supplierBusinessId: suppliers[8] });
    expect({ status: again.status, code: again.body.code }).toEqual({ status: 409, code: 'FAIR_NOT_OPEN_FOR_MEETINGS' });
    const accepted = await h.http.post(`/v1/sourcing-meetings/${asked.body.id}:accept`).set(bearer(await h.tokens.enterprise(suppliers[9]!))).send({});
    expect({ status: accepted.status, code: accepted.body.code }).toEqual({ status: 409, code: 'FAIR_NOT_OPEN_FOR_MEETINGS' });
  });

  it('refuses a fair without a programme and a business that is not active', async () => {
    const noFair = await h.http.post('/v1/sourcing-meetings').set(bearer(h.tokens.staff)).send({ fairId: 'no-such-fair', buyerBusinessId: buyers[0], supplierBusinessId: suppliers[0] });
    expect({ status: noFair.status, code: noFair.body.code }).toEqual({ status: 404, code: 'FAIR_NOT_FOUND' });
    const bareId = `bare-${tag}`;
    await publishFair(bareId, FairStatus.FAIR_STATUS_PUBLISHED, 4);
    const bare = await h.http.post('/v1/sourcing-meetings').set(bearer(h.tokens.staff)).send({ fairId: bareId, buyerBusinessId: buyers[0], supplierBusinessId: suppliers[0] });
    expect({ status: bare.status, code: bare.body.code }).toEqual({ status: 404, code: 'MEETING_PROGRAMME_NOT_FOUND' });
    const inactive = await h.http.post('/v1/sourcing-meetings').set(bearer(h.tokens.staff)).send({ fairId, buyerBusinessId: buyers[0], supplierBusinessId: suspended });
    expect({ status: inactive.status, errors: inactive.body.errors }).toEqual({ status: 422, errors: [expect.objectContaining({ field: 'supplierBusinessId', code: 'BUSINESS_NOT_ACTIVE' })] });
  });
});

describe('every mutating route against every role', () => {
  it('answers 401 without a token, 403 to roles and businesses that may not, and lets the right one through', async () => {
    const [b, s, other] = [buyers[2]!, suppliers[2]!, suppliers[3]!];
    const closing = new Date(Date.now() + 10 * 86_400_000).toISOString();
    const submitBody = {
      buyerBusinessId: b, title: 'Đầu vào', description: 'Mô tả', industry: { edition: '2018', code: '1079' }, quantity: 1, unit: 'tấn',
      neededBy: closing.slice(0, 10), originPreference: 'ANY', responseCap: 10, closingTime: closing,
    };
    const filed = await h.http.post('/v1/sourcing-requests').set(bearer(await h.tokens.enterprise(b))).send(submitBody);
    const rid = filed.body.id as string;
    const meeting = ((await ask(b, s)).body as MeetingBody).id;
    const tokens = {
      anonymous: undefined,
      partner: h.tokens.partner,
      stranger: await h.tokens.enterprise(other),
      buyer: await h.tokens.enterprise(b),
      supplier: await h.tokens.enterprise(s),
      staff: h.tokens.staff,
      admin: h.tokens.admin,
    };
    type Who = keyof typeof tokens;
    const routes: { name: string; method: 'post' | 'put' | 'patch'; path: string; body: object; allowed: Who[]; refused: Partial<Record<Who, string>> }[] = [
      { name: 'submit', method: 'post', path: '/v1/sourcing-requests', body: submitBody, allowed: ['staff'], refused: { stranger: 'NOT_OWNER', supplier: 'NOT_OWNER' } },
      { name: 'publish', method: 'post', path: `/v1/sourcing-requests/${rid}:publish`, body: {}, allowed: ['admin'], refused: { buyer: 'ROLE_REQUIRED', stranger: 'ROLE_REQUIRED' } },
      { name: 'reject', method: 'post', path: `/v1/sourcing-requests/${rid}:reject`, body: { reason: 'x' }, allowed: [], refused: { buyer: 'ROLE_REQUIRED' } },
      { name: 'renew', method: 'post', path: `/v1/sourcing-requests/${rid}:renew`, body: { closingTime: closing }, allowed: [], refused: { stranger: 'NOT_OWNER' } },
      { name: 'respond', method: 'post', path: `/v1/sourcing-requests/${rid}/responses`, body: { supplierBusinessId: s, message: 'Có' }, allowed: ['supplier'], refused: { stranger: 'NOT_OWNER', buyer: 'NOT_OWNER' } },
      { name: 'edit response', method: 'patch', path: `/v1/sourcing-requests/${rid}/responses/${s}`, body: { message: 'Sửa' }, allowed: ['supplier'], refused: { stranger: 'NOT_OWNER', buyer: 'NOT_OWNER' } },
      { name: 'shortlist', method: 'post', path: `/v1/sourcing-requests/${rid}/responses/${s}:shortlist`, body: {}, allowed: ['buyer'], refused: { stranger: 'NOT_OWNER', supplier: 'NOT_OWNER' } },
      { name: 'outcome', method: 'post', path: `/v1/sourcing-requests/${rid}/outcomes`, body: { supplierBusinessId: s, kind: 'MOU', valueVnd: 0, signedDate: closing.slice(0, 10) }, allowed: [], refused: { stranger: 'NOT_OWNER' } },
      { name: 'close', method: 'post', path: `/v1/sourcing-requests/${rid}:close`, body: {}, allowed: ['buyer'], refused: { stranger: 'NOT_OWNER', supplier: 'NOT_OWNER' } },
      { name: 'programme', method: 'put', path: `/v1/meeting-programmes/${fairId}-2`, body: { tables: 1, slots: [{ start: closing, end: new Date(Date.parse(closing) + 30 * 60_000).toISOString() }] }, allowed: ['staff'], refused: { buyer: 'ROLE_REQUIRED' } },
      { name: 'ask meeting', method: 'post', path: '/v1/sourcing-meetings', body: { fairId, buyerBusinessId: b, supplierBusinessId: suppliers[4] }, allowed: ['buyer'], refused: { stranger: 'NOT_OWNER', supplier: 'NOT_OWNER' } },
      { name: 'decline', method: 'post', path: `/v1/sourcing-meetings/${meeting}:decline`, body: {}, allowed: [], refused: { stranger: 'NOT_PARTY', buyer: 'NOT_INVITEE' } },
      { name: 'accept', method: 'post', path: `/v1/sourcing-meetings/${meeting}:accept`, body: {}, allowed: ['supplier'], refused: { stranger: 'NOT_PARTY', buyer: 'NOT_INVITEE' } },
      { name: 'cancel', method: 'post', path: `/v1/sourcing-meetings/${meeting}:cancel`, body: {}, allowed: ['buyer'], refused: { stranger: 'NOT_PARTY' } },
    ];
    const outcomes: string[] = [];
    for (const route of routes) {
      const call = (who: Who) => {
        const req = h.http[route.method](route.path);
        const token = tokens[who];
        return (token ? req.set(bearer(token)) : req).send(route.body);
      };
      const anonymous = await call('anonymous');
      outcomes.push(`${route.name} anonymous ${anonymous.status} ${anonymous.body.code}`);
      const partner = await call('partner');
      outcomes.push(`${route.name} partner ${partner.status} ${partner.body.code}`);
      for (const [who, code] of Object.entries(route.refused)) {
        const res = await call(who as Who);
        outcomes.push(`${route.name} ${who} ${res.status} ${res.body.code}`);
        expect(`${route.name} ${who} ${res.status} ${res.body.code}`).toBe(`${route.name} ${who} 403 ${code}`);
      }
      for (const who of route.allowed) {
        const res = await call(who);
        expect(`${route.name} ${who} ${res.status}`).toMatch(new RegExp(`^${route.name} ${who} 20[01]$`));
      }
    }
    expect(outcomes.filter((o) => / anonymous /.test(o)).every((o) => o.endsWith('401 TOKEN_MISSING'))).toBe(true);
    expect(outcomes.filter((o) => / partner /.test(o)).every((o) => o.endsWith('403 ROLE_REQUIRED'))).toBe(true);
  }, 120_000);
});
