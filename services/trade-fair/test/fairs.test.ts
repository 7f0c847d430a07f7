// Fairs end to end against the real Kafka, database and gRPC: overlapping fairs created at the same moment
// (exactly one wins, the 409 names the other), precise 4xx for bad input with nothing written, the
// calendar feeds parsed back with a parser library, the floor plan, and the certification inputs
// (events consumed, and the certification service asked over gRPC).
import { randomUUID } from 'node:crypto';
import * as grpc from '@grpc/grpc-js';
import { Certificate, CertificateStatus, CertificationScheme } from '@hangviet/contracts/hangviet/certification/v1/certificate';
import { ProductStatus } from '@hangviet/contracts/hangviet/certification/v1/product';
import { ProductCertificationServiceService, type ProductCertificationServiceServer } from '@hangviet/contracts/hangviet/certification/v1/product_certification_service';
import { CertificateIssued, CertificateRevoked, ProductRegistered } from '@hangviet/events/catalog';
import { toKafkaMessage } from '@hangviet/events';
import type ICALModule from 'ical.js' with { 'resolution-mode': 'import' };

// ical.js is an ES module with a CommonJS build (its "require" export), which jest loads.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const ICAL = require('ical.js') as typeof ICALModule;
import { bearer, eventually } from '@hangviet/service-testing';
import { activeBusinesses, apply, createVenue, fairBody, fairDays, openFair, staffToken, startTradeFair, type Harness } from './support/fixtures';

let h: Harness;
let venueId: string;
let staff: string;

beforeAll(async () => {
  h = await startTradeFair('tradefair_fairs');
  venueId = (await createVenue(h, 3, 4)).id;
  staff = await staffToken(h);
}, 120_000);

afterAll(async () => {
  await h?.stop();
}, 60_000);

describe('overlapping fairs at one venue', () => {
  it('created concurrently: exactly one succeeds, the other is 409 naming it, also when they share only a set-up/tear-down day', async () => {
    // Round 0: the second fair's set-up falls on the first one's tear-down day; then identical days.
    for (let round = 0; round < 3; round++) {
      const a = fairDays();
      const b = round === 0 ? { ...a, setUpDay: a.tearDownDay, openingDay: a.tearDownDay, closingDay: a.tearDownDay, tearDownDay: a.tearDownDay } : { ...a };
      const results = await Promise.all([a, b].map((x, i) => h.http.post('/v1/fairs').set(bearer(staff)).send(fairBody(venueId, { name: `Hội chợ ${round}-${i}`, days: x }))));
      const statuses = results.map((r) => r.status).sort();
      expect(statuses).toEqual([201, 409]);
      const won = results.find((r) => r.status === 201)!;
      const lost = results.find((r) => r.status === 409)!;
      expect(lost.body.code).toBe('FAIR_OVERLAP');
      expect(lost.body.detail).toContain(won.body.id);
      expect(lost.body.detail).toContain(won.body.name);
    }
    const count = await h.service.host.db.collection('fairs').countDocuments();
    expect(count).toBe(3);
  });

  it('cancelling a fair frees its days for another', async () => {
    const days = fairDays();
    const first = await h.http.post('/v1/fairs').set(bearer(staff)).send(fairBody(venueId, { days }));
    expect((await h.http.post('/v1/fairs').set(bearer(staff)).send(fairBody(venueId, { days }))).status).toBe(409);
    const cancelled = await h.http.post(`/v1/fairs/${first.body.id}:cancel`).set(bearer(staff)).send({ reason: 'Bão số 9' });
    expect(cancelled.body).toMatchObject({ status: 'CANCELLED', cancelReason: 'Bão số 9' });
    expect((await h.http.post('/v1/fairs').set(bearer(staff)).send(fairBody(venueId, { days }))).status).toBe(201);
  });
});

describe('bad input is a precise 4xx naming the field and rule, and nothing is written', () => {
  it('fairs: negative fee, days out of order, unknown venue', async () => {
    const before = await h.service.host.db.collection('fairs').countDocuments();
    const days = fairDays();
    const negative = await h.http.post('/v1/fairs').set(bearer(staff)).send(fairBody(venueId, { boothFeeVnd: -1 }));
    expect({ status: negative.status, errors: negative.body.errors }).toEqual({ status: 422, errors: [expect.objectContaining({ field: 'boothFeeVnd', code: 'NEGATIVE' })] });
    const backwards = await h.http.post('/v1/fairs').set(bearer(staff)).send(fairBody(venueId, { days: { ...days, closingDay: days.setUpDay } }));
    expect(backwards.body.errors).toEqual(expect.arrayContaining([expect.objectContaining({ field: 'days.closingDay', code: 'BEFORE_OPENING' })]));
    const nowhere = await h.http.post('/v1/fairs').set(bearer(staff)).send(fairBody(randomUUID()));
    expect(nowhere.body.errors).toEqual([expect.objectContaining({ field: 'venueId', code: 'VENUE_UNKNOWN' })]);
    expect(await h.service.host.db.collection('fairs').countDocuments()).toBe(before);
    expect(await h.service.host.db.collection('venue_days').countDocuments({ fairId: { $exists: false } })).toBe(0);
  });

  it('applications: booth codes outside the venue, too many booths, twice, outside the window', async () => {
    const fair = await openFair(h, venueId, { days: fairDays() });
    const [b] = await activeBusinesses(h, 1);
    const count = () => h.service.host.db.collection('booth_applications').countDocuments({ fairId: fair.id });
    const outside = await apply(h, fair.id, b!, { preferredBooths: ['Z99'], boothsWanted: 3 });
    expect(outside.status).toBe(422);
    expect(outside.body.errors).toEqual(expect.arrayContaining([
      expect.objectContaining({ field: 'preferredBooths[0]', code: 'BOOTH_UNKNOWN' }),
      expect.objectContaining({ field: 'boothsWanted', code: 'MAX_BOOTHS_EXCEEDED' }),
    ]));
    const foreign = await apply(h, fair.id, b!, { productIds: [randomUUID()] });
    expect(foreign.body.errors).toEqual([expect.objectContaining({ field: 'productIds[0]', code: 'PRODUCT_NOT_OWN' })]);
    expect(await count()).toBe(0);
    const [first, second] = await Promise.all([apply(h, fair.id, b!), apply(h, fair.id, b!)]);
    expect([first.status, second.status].sort()).toEqual([201, 409]);
    expect([first, second].find((r) => r.status === 409)!.body.code).toBe('APPLICATION_EXISTS');
    expect(await count()).toBe(1);

    const closed = await openFair(h, venueId, { days: fairDays(), applicationOpenTime: new Date(Date.now() - 2 * 86_400_000).toISOString(), applicationCloseTime: new Date(Date.now() - 86_400_000).toISOString() });
    const late = await apply(h, closed.id, b!);
    expect({ status: late.status, code: late.body.code }).toEqual({ status: 409, code: 'APPLICATION_WINDOW_CLOSED' });
  });
});

describe('calendar feeds and the floor plan', () => {
  it('the public and the enterprise feeds parse, at the right local times', async () => {
    const days = fairDays();
    const fair = await openFair(h, venueId, { days: { ...days, openTime: '07:30', closeTime: '21:00' }, name: 'Phiên chợ hàng Việt — Bến Tre' });
    const [b] = await activeBusinesses(h, 1);
    expect((await apply(h, fair.id, b!, { preferredBooths: ['B02'] })).status).toBe(201);
    expect((await h.http.post(`/v1/fairs/${fair.id}:allocate`).set(bearer(staff)).send({})).status).toBe(200);
    expect((await h.http.post(`/v1/fairs/${fair.id}:publish`).set(bearer(staff)).send()).status).toBe(200);

    const parse = (text: string) => {
      const calendar = new ICAL.Component(ICAL.parse(text));
      for (const tz of calendar.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(new ICAL.Timezone(tz));
      return calendar.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
    };
    const feed = await h.http.get('/v1/fairs.ics');
    expect(feed.headers['content-type']).toMatch(/^text\/calendar/);
    const event = parse(feed.text).find((e) => e.uid === `${fair.id}@hangviet`)!;
    expect(event.summary).toBe('Phiên chợ hàng Việt — Bến Tre');
    expect(event.startDate.zone!.tzid).toBe('Asia/Ho_Chi_Minh');
    // 07:30 in Vietnam (UTC+7) is 00:30 UTC on the opening day; the last of its daily repeats is the closing day.
    expect(event.startDate.toJSDate().toISOString()).toBe(`${days.openingDay}T00:30:00.000Z`);
    expect(event.endDate.toJSDate().toISOString()).toBe(`${days.openingDay}T14:00:00.000Z`);
    const it = event.iterator();
    const occurrences: string[] = [];
    for (let next = it.next(); next; next = it.next()) occurrences.push(next.toJSDate().toISOString());
    expect(occurrences).toHaveLength(5);
    expect(occurrences.at(-1)).toBe(`${days.closingDay}T00:30:00.000Z`);

    const own = await h.http.get(`/v1/businesses/${b!.id}/fairs.ics`).set(bearer(b!.token));
    const mine = parse(own.text);
    expect(mine.map((e) => e.summary)).toEqual(['Phiên chợ hàng Việt — Bến Tre — gian B02']);
    const stranger = await h.token({ role: 'enterprise', businessId: randomUUID() });
    expect((await h.http.get(`/v1/businesses/${b!.id}/fairs.ics`).set(bearer(stranger))).status).toBe(403);

    const svg = await h.http.get(`/v1/venues/${venueId}/floor-plan.svg`).query({ fairId: fair.id }).buffer(true).parse((res, cb) => {
      let text = '';
      res.on('data', (c: Buffer) => (text += c.toString('utf8')));
      res.on('end', () => cb(null, text));
    });
    expect(svg.headers['content-type']).toMatch(/^image\/svg\+xml/);
    expect(svg.body).toContain('data-code="B02" data-state="ALLOCATED"');
    expect(svg.body).toContain('Hợp tác xã Dừa');
    expect(svg.body).toContain('data-code="A01" data-state="AVAILABLE"');
  });
});

describe('certification inputs', () => {
  it('product and certificate events reach the projection; a revoked certificate stops counting', async () => {
    const businessId = randomUUID();
    const productId = randomUUID();
    const send = async (event: typeof ProductRegistered | typeof CertificateIssued | typeof CertificateRevoked, data: unknown) => {
      await h.producer.send(h.scope.topic(event.topic), [toKafkaMessage({ id: randomUUID(), type: event.type, source: 'product-certification', subject: productId, time: new Date().toISOString(), data: (event.codec as { fromJSON(o: unknown): unknown }).fromJSON(data) as never }, event.codec as never)]);
    };
    await send(ProductRegistered, { product: { id: productId, businessId, name: 'Bánh tráng Mỹ Lồng', status: 'PRODUCT_STATUS_LISTED', version: '1' } });
    await eventually(async () => { const p = await h.parts.certification.productsOf(businessId); return (p.length === 1) && p; }, 'p.length === 1');
    const certificate = { number: 'HV-OCOP-1', scheme: 'CERTIFICATION_SCHEME_OCOP', businessId, productId, productName: 'Bánh tráng Mỹ Lồng', stars: 4, status: 'CERTIFICATE_STATUS_VALID' };
    await send(CertificateIssued, { certificate });
    const certified = await eventually(async () => { const p = await h.parts.certification.productsOf(businessId); return (p[0]?.certified === true) && p; }, 'p[0]?.certified === true');
    expect(certified).toEqual([{ id: productId, name: 'Bánh tráng Mỹ Lồng', certified: true, ocopStars: 4 }]);
    await send(CertificateRevoked, { certificate: { ...certificate, status: 'CERTIFICATE_STATUS_REVOKED' } });
    await eventually(async () => { const p = await h.parts.certification.productsOf(businessId); return (p[0]?.certified === false) && p; }, 'p[0]?.certified === false');
  });

  it('asks the certification service over gRPC when it answers, and its answer wins', async () => {
    const businessId = randomUUID();
    const productId = randomUUID();
    await h.parts.certifications.recordProduct({ id: productId, businessId, name: 'Kẹo dừa', status: ProductStatus[ProductStatus.PRODUCT_STATUS_LISTED]!.slice(15) });
    const server = new grpc.Server();
    const implementation: Pick<ProductCertificationServiceServer, 'listCertificates'> = {
      listCertificates: (call, callback) => {
        callback(null, {
          certificates: call.request.businessId === businessId
            ? [Certificate.fromPartial({ number: 'HV-1', scheme: CertificationScheme.CERTIFICATION_SCHEME_OCOP, businessId, productId, productName: 'Kẹo dừa', stars: 5, status: CertificateStatus.CERTIFICATE_STATUS_VALID })]
            : [],
          nextPageToken: '',
        });
      },
    };
    server.addService(ProductCertificationServiceService, implementation as ProductCertificationServiceServer);
    const port = await new Promise<number>((resolve, reject) => server.bindAsync('127.0.0.1:0', grpc.ServerCredentials.createInsecure(), (e, p) => (e ? reject(e) : resolve(p))));
    const other = await startTradeFair('tradefair_certgrpc', { PRODUCT_CERTIFICATION_GRPC_ADDRESS: `127.0.0.1:${port}` });
    try {
      await other.parts.certifications.recordProduct({ id: productId, businessId, name: 'Kẹo dừa' });
      expect(await other.parts.certification.productsOf(businessId, { fresh: true })).toEqual([{ id: productId, name: 'Kẹo dừa', certified: true, ocopStars: 5 }]);
      // The service here has no such server: it falls back to what the events said (nothing certified).
      expect(await h.parts.certification.productsOf(businessId, { fresh: true })).toEqual([{ id: productId, name: 'Kẹo dừa', certified: false, ocopStars: 0 }]);
    } finally {
      await other.stop();
      server.forceShutdown();
    }
  }, 120_000);
});

describe('demo data', () => {
  it('an empty database gets a venue in Vĩnh Long with 60 booths and an open "Phiên chợ hàng Việt"', async () => {
    const fresh = await startTradeFair('tradefair_seed', { SEED_DEMO_DATA: 'true' });
    try {
      const fairs = await fresh.http.get('/v1/fairs');
      expect(fairs.body.items).toEqual([expect.objectContaining({ kind: 'MARKET_SESSION', status: 'OPEN', provinceCode: '86', name: expect.stringContaining('Phiên chợ hàng Việt') })]);
      const venue = await fresh.http.get(`/v1/venues/${fairs.body.items[0].venueId}`);
      expect(venue.body).toMatchObject({ boothCount: 60, address: { provinceCode: '86', provinceName: 'Vĩnh Long' } });
    } finally {
      await fresh.stop();
    }
  }, 120_000);
});
