// The certification service end to end against the real Kafka and database: the OCOP flow's rules at
// the edge (92 → NATIONAL_PENDING, scoring before review, part maxima, deciding twice), the expiry job
// raced by two instances, verification of genuine, forged and revoked tokens, and the printable PDF.
import { randomUUID } from 'node:crypto';
import { BusinessStatus } from '@hangviet/contracts/hangviet/registry/v1/business';
import { BusinessApproved } from '@hangviet/events/catalog';
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { advanceCertificates } from '../src/application/advance-certificates';
import { verificationUrl } from '../src/application/verify-certificate';
import { bearer, eventually } from '@hangviet/service-testing';
import { startCertification, type Harness } from './support/start-certification';
import { decide, expectOk, productAndApplication, reviewAndScore, sheetOf } from './support/ocop';

const pdfText = (pdf: Buffer): Promise<string> =>
  new Promise((resolve, reject) => {
    const child = execFile(process.execPath, [join(__dirname, 'support', 'pdf-text.mjs')], { maxBuffer: 10_000_000 }, (err, stdout) => (err ? reject(err) : resolve(stdout)));
    child.stdin!.end(pdf);
  });

let h: Harness;
let second: Harness;
const business = randomUUID();

beforeAll(async () => {
  h = await startCertification('certification');
  second = await startCertification('certification-2', {}, { scope: h.scope });
  await h.listen('hangviet.certification.certificate');
  await h.listen('hangviet.certification.application');
  await h.publishBusiness(BusinessApproved, { id: business, status: BusinessStatus.BUSINESS_STATUS_ACTIVE, version: 2, name: 'HTX Kẹo dừa Thanh Long' });
  await eventually(async () => { const b = await h.parts.businesses.stored(business); return b?.status === 'ACTIVE' && b; }, "the business is ACTIVE in the copy");
}, 120_000);

afterAll(async () => {
  await second?.stop();
  await h?.stop();
}, 60_000);

const eventsOf = (subject: string) => h.received.filter((e) => e.subject === subject).map((e) => e.type.replace('hangviet.certification.', ''));

describe('the OCOP flow at the edge', () => {
  it('sends a total of 92 to NATIONAL_PENDING, not to a provincial certificate', async () => {
    const { applicationId } = await productAndApplication(h, business);
    const scored = await reviewAndScore(h, applicationId, 92);
    expect(scored.body).toMatchObject({ status: 'NATIONAL_PENDING', score: { total: 92, stars: 5, parts: { A: 32, B: 25, C: 35 } } });
    await eventually(async () => { const t = await eventsOf(applicationId); return (t.includes('application.national_pending.v1')) && t; }, 't.includes(\'application.national_pending.v1\')');
    expect(await h.parts.certificates.list({ businessId: business, scheme: 'OCOP', status: 'VALID' }, { pageSize: 100 }).then((p) => p.items.filter((c) => c.state.applicationId === applicationId))).toEqual([]);
    // Only the central decision certifies it, with 5 stars.
    const decided = await expectOk(await decide(h, applicationId, '123/QĐ-BNNMT'));
    expect(decided.body.certificate).toMatchObject({ stars: 5, issuer: 'Bộ Nông nghiệp và Môi trường', status: 'VALID' });
  });

  it('answers 409 for scoring an application that was not reviewed, and 422 naming a criterion above its maximum', async () => {
    const { applicationId } = await productAndApplication(h, business);
    const staff = await h.token({ role: 'staff', subject: 'secretariat-1' });
    const early = await h.http.post(`/v1/certification-applications/${applicationId}:score`).set(bearer(staff)).send({ scores: sheetOf(80) });
    expect(early.status).toBe(409);
    expect(early.body.code).toBe('ILLEGAL_STATUS_TRANSITION');
    await h.http.post(`/v1/certification-applications/${applicationId}:reviewCommune`).set(bearer(staff)).send({ reviewer: 'UBND xã', localRawMaterial: true, localLabour: true, localIdea: false });
    const over = await h.http
      .post(`/v1/certification-applications/${applicationId}:score`)
      .set(bearer(staff))
      .send({ scores: sheetOf(80).map((s) => (s.criterion === 'B3' ? { ...s, points: 9 } : s)) });
    expect(over.status).toBe(422);
    expect(over.headers['content-type']).toContain('application/problem+json');
    expect(over.body.errors).toEqual([expect.objectContaining({ field: 'scores[10].points', code: 'ABOVE_MAXIMUM', message: expect.stringContaining('B3') })]);
    expect((await h.http.get(`/v1/certification-applications/${applicationId}`).set(bearer(staff))).body.status).toBe('COMMUNE_REVIEWED');
  });

  it('issues exactly one certificate when the decision is recorded twice at once', async () => {
    const { applicationId } = await productAndApplication(h, business);
    await reviewAndScore(h, applicationId, 78);
    const answers = await Promise.all([decide(h, applicationId), decide(h, applicationId)]);
    expect(answers.map((r) => r.status).sort()).toEqual([200, 409]);
    const winner = answers.find((r) => r.status === 200)!;
    expect(winner.body.certificate).toMatchObject({ stars: 4, scheme: 'OCOP', decisionNumber: '5445/QĐ-UBND', status: 'VALID' });
    const mine = (await h.parts.certificates.list({ businessId: business }, { pageSize: 100 })).items.filter((c) => c.state.applicationId === applicationId);
    expect(mine).toHaveLength(1);
    await eventually(async () => { const t = await eventsOf(winner.body.certificate.number); return (t.length > 0) && t; }, 't.length > 0');
    expect(eventsOf(winner.body.certificate.number)).toEqual(['certificate.issued.v1']);
  });
});

describe('the expiry job', () => {
  it('emits one expiring per certificate when two instances race it', async () => {
    const numbers: string[] = [];
    for (let i = 0; i < 3; i++) {
      const { applicationId } = await productAndApplication(h, business, `Bánh phồng ${i}`);
      await reviewAndScore(h, applicationId, 72);
      numbers.push((await expectOk(await decide(h, applicationId))).body.certificate.number);
    }
    // 36 months minus 20 days later: inside the 30-day notice window of these three.
    const later = new Date(Date.now() + (36 * 30.44 - 20) * 86_400_000);
    const deps = [{ ...h.parts, now: () => later }, { ...second.parts, now: () => later }];
    await Promise.all([advanceCertificates(deps[0]!), advanceCertificates(deps[1]!), advanceCertificates(deps[0]!), advanceCertificates(deps[1]!)]);
    for (const number of numbers) {
      await eventually(async () => { const t = await eventsOf(number); return (t.includes('certificate.expiring.v1')) && t; }, 't.includes(\'certificate.expiring.v1\')');
      expect((await h.http.get(`/v1/certificates/${number}`)).body.status).toBe('EXPIRING');
    }
    // Another run a day later, on either instance, sends nothing more.
    await advanceCertificates({ ...second.parts, now: () => new Date(later.getTime() + 86_400_000) });
    // A revocation after it, on the same key (so the same partition, in order): anything the run sent arrives first.
    const staff = await h.token({ role: 'staff', subject: 'secretariat-1' });
    for (const number of numbers) {
      await expectOk(await h.http.post(`/v1/certificates/${number}:revoke`).set(bearer(staff)).send({ reason: 'kiểm tra' }));
      await eventually(async () => { const t = await eventsOf(number); return (t.includes('certificate.revoked.v1')) && t; }, 't.includes(\'certificate.revoked.v1\')');
      expect(eventsOf(number)).toEqual(['certificate.issued.v1', 'certificate.expiring.v1', 'certificate.revoked.v1']);
    }
  });
});

describe('verification and the printable certificate', () => {
  let number: string;
  beforeAll(async () => {
    const { applicationId } = await productAndApplication(h, business, 'Kẹo dừa lá dứa Mỏ Cày');
    await reviewAndScore(h, applicationId, 75);
    number = (await expectOk(await decide(h, applicationId))).body.certificate.number;
  });

  const tokenOf = async (): Promise<string> => {
    const svg = await h.http.get(`/v1/certificates/${number}/qr.svg`);
    expect(svg.headers['content-type']).toContain('image/svg+xml');
    const certificate = await h.parts.certificates.findById(number);
    return new URL(await verificationUrl(h.parts, certificate!)).searchParams.get('token')!;
  };

  it('refuses a forged or altered token, and says a genuine token of a revoked certificate is revoked', async () => {
    const token = await tokenOf();
    expect((await h.http.post('/v1/certificates:verify').send({ token })).body).toMatchObject({ genuine: true, status: 'VALID', certificate: { number, stars: 4 } });

    const [header, payload, signature] = token.split('.') as [string, string, string];
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString());
    const altered = `${header}.${Buffer.from(JSON.stringify({ ...claims, stars: 5 })).toString('base64url')}.${signature}`;
    expect((await h.http.post('/v1/certificates:verify').send({ token: altered })).body).toEqual({ genuine: false, reason: 'SIGNATURE_INVALID' });
    // Signed with another key (the second instance's dev pair): forged.
    const forged = await second.parts.qr.sign(claims);
    expect((await h.http.post('/v1/certificates:verify').send({ token: forged })).body).toEqual({ genuine: false, reason: 'SIGNATURE_INVALID' });
    expect((await h.http.post('/v1/certificates:verify').send({ token: 'not-a-token' })).body).toEqual({ genuine: false, reason: 'MALFORMED' });

    const staff = await h.token({ role: 'staff', subject: 'secretariat-1' });
    await expectOk(await h.http.post(`/v1/certificates/${number}:revoke`).set(bearer(staff)).send({ reason: 'Sản phẩm không còn sản xuất' }));
    expect((await h.http.post('/v1/certificates:verify').send({ token })).body).toMatchObject({ genuine: true, status: 'REVOKED' });
    const jwks = await h.http.get('/.well-known/jwks.json');
    expect(jwks.body.keys).toEqual([expect.objectContaining({ kty: 'EC', crv: 'P-256', alg: 'ES256' })]);
    expect(jwks.body.keys[0].d).toBeUndefined();
  });

  it('prints an A4 PDF whose text holds “Giấy chứng nhận” and the product name with its diacritics', async () => {
    const res = await h.http.get(`/v1/certificates/${number}/document.pdf`).buffer(true).parse((r, cb) => {
      const chunks: Buffer[] = [];
      r.on('data', (c: Buffer) => chunks.push(c));
      r.on('end', () => cb(null, Buffer.concat(chunks)));
    });
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    const text = await pdfText(res.body as Buffer);
    expect(text).toContain('Giấy chứng nhận');
    expect(text).toContain('Kẹo dừa lá dứa Mỏ Cày');
    expect(text).toContain('5445/QĐ-UBND');
    expect(text).toContain(number);
  });

  it('refuses a mistyped certificate number before looking it up', async () => {
    const typo = number.replace(/-(\d)$/, (_, d: string) => `-${(Number(d) + 1) % 10}`);
    const res = await h.http.get(`/v1/certificates/${typo}`);
    expect(res.status).toBe(422);
    expect(res.body.errors[0]).toMatchObject({ field: 'number', code: 'CERTIFICATE_NUMBER_INVALID' });
  });
});

describe('evidence documents', () => {
  it('stores a PDF checked by its content and refuses one whose content is not its declared type, writing nothing', async () => {
    const { productId, owner } = await productAndApplication(h, business, 'Kẹo dừa có hồ sơ');
    const pdf = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');
    const stored = await h.http.post(`/v1/products/${productId}/documents`).set(bearer(owner)).set('Content-Type', 'application/pdf').set('X-File-Name', 'giay-phep.pdf').send(pdf);
    expect(stored.status).toBe(201);
    expect(stored.body).toMatchObject({ fileName: 'giay-phep.pdf', contentType: 'application/pdf', size: pdf.length });
    const back = await h.http.get(`/v1/products/${productId}/documents/${stored.body.id}`).set(bearer(owner)).buffer(true);
    expect(back.headers['content-type']).toContain('application/pdf');

    const html = Buffer.from('<html><script>alert(1)</script></html>');
    const refused = await h.http.post(`/v1/products/${productId}/documents`).set(bearer(owner)).set('Content-Type', 'image/png').send(html);
    expect(refused.status).toBe(422);
    expect(refused.body.errors[0]).toMatchObject({ field: 'body', code: 'CONTENT_TYPE_MISMATCH' });
    const product = await h.http.get(`/v1/products/${productId}`).set(bearer(owner));
    expect(product.body.evidence).toHaveLength(1);
    expect(await h.service.host.db.collection('stored_files').countDocuments({ owner: `product:${productId}` })).toBe(1);
  });
});

describe('VietGAP and HVNCLC recorded by staff', () => {
  it('records VietGAP for at most 2 years, extends it once by at most 3 months, and records an HVNCLC title for its year', async () => {
    const { productId } = await productAndApplication(h, business, 'Bưởi da xanh');
    const staff = await h.token({ role: 'staff', subject: 'secretariat-1' });
    const record = (body: object) => h.http.post('/v1/certificates').set(bearer(staff)).send({ scheme: 'VIETGAP', businessId: business, productId, decisionNumber: '88/QĐ-VIETGAP', decisionDate: '2026-06-01', issuer: 'Trung tâm Chứng nhận VietGAP', validFrom: '2026-06-01', ...body });
    const tooLong = await record({ validUntil: '2028-07-01' });
    expect(tooLong.status).toBe(422);
    expect(tooLong.body.errors[0]).toMatchObject({ field: 'validUntil', code: 'TOO_LONG' });
    const created = await expectOk(await record({ validUntil: '2028-06-01' }), 201);
    expect(created.body).toMatchObject({ scheme: 'VIETGAP', stars: 0, productName: 'Bưởi da xanh', status: 'VALID', validUntil: '2028-06-01T00:00:00.000Z' });
    expect(created.body.number).toMatch(/^VIETGAP-2026-\d{6}-\d$/);
    const extend = (until: string) => h.http.post(`/v1/certificates/${created.body.number}:extend`).set(bearer(staff)).send({ validUntil: until });
    expect((await extend('2028-10-01')).status).toBe(422);
    expect((await expectOk(await extend('2028-08-01'))).body.validUntil).toBe('2028-08-01T00:00:00.000Z');
    expect((await extend('2028-08-15')).body.code).toBe('ALREADY_EXTENDED');
    await eventually(async () => { const t = await eventsOf(created.body.number); return (t.includes('certificate.extended.v1')) && t; }, 't.includes(\'certificate.extended.v1\')');

    const title = await expectOk(
      await h.http.post('/v1/certificates').set(bearer(staff)).send({ scheme: 'HVNCLC', businessId: business, decisionNumber: '12/QĐ-HVNCLC', decisionDate: '2026-01-10', issuer: 'Hội DN HVNCLC', year: 2026 }),
      201,
    );
    expect(title.body).toMatchObject({ scheme: 'HVNCLC', validFrom: '2026-01-01T00:00:00.000Z', validUntil: '2027-01-01T00:00:00.000Z' });
    expect(title.body.productId).toBeUndefined();
  });
});

describe('gRPC ProductCertificationService', () => {
  it('lists a business’s certificates with scheme, stars, status and validity, gets one, verifies a token, and answers INVALID_ARGUMENT with details', async () => {
    const grpc = await import('@grpc/grpc-js');
    const { ProductCertificationServiceClient } = await import('@hangviet/contracts/hangviet/certification/v1/product_certification_service');
    const { CertificationScheme, CertificateStatus } = await import('@hangviet/contracts/hangviet/certification/v1/certificate');
    const { callUnary, createGrpcClient, decodeGrpcError } = await import('@hangviet/service-kit');
    // A staff caller (internal gRPC needs a service or user identity); its rights decide what it sees.
    const staffToken = await h.token({ role: 'staff', subject: 'secretariat-1' });
    const client = createGrpcClient(ProductCertificationServiceClient, `127.0.0.1:${h.service.grpcPort}`, { deadlineMs: 5000, token: async () => staffToken });
    const { applicationId } = await productAndApplication(h, business, 'Thạch dừa');
    await reviewAndScore(h, applicationId, 74);
    await expectOk(await decide(h, applicationId));
    try {
      const listed = await callUnary(client, client.listCertificates, { businessId: business, pageSize: 100, pageToken: '', scheme: CertificationScheme.CERTIFICATION_SCHEME_OCOP, status: 0 });
      expect(listed.certificates.length).toBeGreaterThan(0);
      const first = listed.certificates[0]!;
      expect(first).toMatchObject({ businessId: business, scheme: CertificationScheme.CERTIFICATION_SCHEME_OCOP });
      expect([3, 4, 5]).toContain(first.stars);
      expect(Number(first.validUntil!.seconds)).toBeGreaterThan(Number(first.validFrom!.seconds));
      expect(listed.certificates.every((c) => c.scheme === CertificationScheme.CERTIFICATION_SCHEME_OCOP)).toBe(true);
      const got = await callUnary(client, client.getCertificate, { number: first.number });
      expect(got.certificate).toEqual(first);
      const certificate = await h.parts.certificates.findById(first.number);
      const token = new URL(await verificationUrl(h.parts, certificate!)).searchParams.get('token')!;
      const verified = await callUnary(client, client.verify, { token });
      expect(verified).toMatchObject({ genuine: true, reason: '', certificate: { number: first.number } });
      expect([CertificateStatus.CERTIFICATE_STATUS_VALID, CertificateStatus.CERTIFICATE_STATUS_REVOKED, CertificateStatus.CERTIFICATE_STATUS_EXPIRING]).toContain(verified.certificate!.status);
      const bad = await callUnary(client, client.listCertificates, { businessId: '', pageSize: 0, pageToken: '', scheme: 0, status: 0 }).catch((e: unknown) => e);
      expect((bad as { code: number }).code).toBe(grpc.status.INVALID_ARGUMENT);
      expect(decodeGrpcError(bad as never)).toMatchObject({ reason: 'VALIDATION_FAILED' });
    } finally {
      client.close();
    }
  });
});
