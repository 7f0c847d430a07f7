// Units' submissions and the yearly report end to end, against the real Kafka, database and gRPC: only staff
// submit (enterprise and partner 403, anonymous 401); the centre approves or returns (not the submitter), each
// change audited and published through the outbox; an approved figure counts in its indicator; the report's
// XLSX and PDF; publishing a year raises hangviet.campaign.report.published.v1.
import * as grpc from '@grpc/grpc-js';
import { HealthCheckResponse_ServingStatus, HealthClient } from '@hangviet/contracts/grpc/health/v1/health';
import { SubmissionServiceClient, SubmissionStatus } from '@hangviet/contracts/hangviet/campaign/v1/submission';
import { callUnary, createGrpcClient, decodeGrpcError } from '@hangviet/service-kit';
import { bearer, eventually, startServiceHarness } from '@hangviet/service-testing';
import ExcelJS from 'exceljs';
import { campaignResultsService } from '../src/service';
import { knownSet, type PlatformEvent } from './support/platform-events';

const start = () => startServiceHarness(campaignResultsService, { label: 'campaign_submissions' });
let h: Awaited<ReturnType<typeof start>>;
let client: SubmissionServiceClient;
let reviewer: string;

const figure = {
  indicatorCode: 'inspections.count',
  value: 12,
  year: 2026,
  provinceCode: '86',
  unitName: 'Đội Quản lý thị trường số 2',
  evidence: [{ title: 'Báo cáo kiểm tra quý III', documentNumber: '125/BC-QLTT' }],
};
const submit = (token: string | undefined, body: object = figure) => {
  const req = h.http.post('/v1/submissions');
  return (token ? req.set(bearer(token)) : req).send(body);
};
const valueOf = async (code: string, query = 'year=2026') => {
  const res = await h.http.get(`/v1/indicators?${query}`).set(bearer(reviewer));
  return (res.body.items as { code: string; value: number }[]).find((i) => i.code === code)!.value;
};

beforeAll(async () => {
  h = await start();
  await h.listen('hangviet.campaign.submission');
  await h.listen('hangviet.campaign.report');
  reviewer = await h.token({ role: 'staff', subject: 'centre-reviewer' });
  client = createGrpcClient(SubmissionServiceClient, `127.0.0.1:${h.service.grpcPort}`, { token: async () => h.tokens.service, deadlineMs: 5000 });
}, 240_000);

afterAll(async () => {
  client?.close();
  await h?.stop();
}, 60_000);

describe('submissions', () => {
  it('only staff submit: 401 without a token, 403 for an enterprise or a partner, and nothing is written', async () => {
    const stored = () => h.service.host.db.collection('submissions').countDocuments();
    const before = await stored();
    const cases = [
      [await submit(undefined), 401, 'TOKEN_MISSING'],
      [await submit(await h.tokens.enterprise('some-business')), 403, 'ROLE_REQUIRED'],
      [await submit(h.tokens.partner), 403, 'ROLE_REQUIRED'],
    ] as const;
    for (const [res, status, code] of cases) expect({ status: res.status, code: res.body.code }).toEqual({ status, code });
    const enterpriseApproves = await h.http.post('/v1/submissions/x:approve').set(bearer(await h.tokens.enterprise('some-business')));
    expect({ status: enterpriseApproves.status, code: enterpriseApproves.body.code }).toEqual({ status: 403, code: 'ROLE_REQUIRED' });
    expect(await stored()).toBe(before);
  });

  it('refuses a figure the platform counts itself, a bad value or no evidence, naming the field', async () => {
    const cases = [
      [{ ...figure, indicatorCode: 'certificates.issued' }, 'indicatorCode'],
      [{ ...figure, indicatorCode: 'survey.prefer_vietnamese_pct', value: 130 }, 'value'],
      [{ ...figure, value: 2.5 }, 'value'],
      [{ ...figure, evidence: [] }, 'evidence'],
      [{ ...figure, evidence: [{ title: 'Biên bản' }] }, 'evidence[0]'],
      [{ ...figure, provinceCode: '086' }, 'provinceCode'],
    ] as const;
    for (const [body, field] of cases) {
      const res = await submit(h.tokens.staff, body);
      expect({ status: res.status, code: res.body.code, fields: res.body.errors.map((e: { field: string }) => e.field) }).toEqual({ status: 422, code: 'VALIDATION_FAILED', fields: [field] });
    }
  });

  it('a submitted figure counts once the centre approves it (not its submitter), every change audited and published', async () => {
    const submitted = await submit(h.tokens.staff);
    expect(submitted.status).toBe(201);
    expect(submitted.body).toMatchObject({ status: 'SUBMITTED', value: 12, quarter: 0, wardCode: '', version: 1, submitterSubject: 'staff-1' });
    const id = submitted.body.id as string;
    expect(await valueOf('inspections.count')).toBe(0);

    const self = await h.http.post(`/v1/submissions/${id}:approve`).set(bearer(h.tokens.staff));
    expect({ status: self.status, code: self.body.code }).toEqual({ status: 403, code: 'SELF_REVIEW' });
    const approved = await h.http.post(`/v1/submissions/${id}:approve`).set(bearer(reviewer));
    expect(approved.status).toBe(200);
    expect(approved.body).toMatchObject({ status: 'APPROVED', version: 2 });
    expect(approved.body.history.map((e: { action: string; actorSubject: string }) => [e.action, e.actorSubject])).toEqual([
      ['submitted', 'staff-1'],
      ['approved', 'centre-reviewer'],
    ]);
    const again = await h.http.post(`/v1/submissions/${id}:approve`).set(bearer(reviewer));
    expect({ status: again.status, code: again.body.code }).toEqual({ status: 409, code: 'SUBMISSION_NOT_SUBMITTED' });

    await eventually(async () => (await valueOf('inspections.count')) === 12, 'the approved figure counted');
    expect(await valueOf('inspections.count', 'year=2026&provinceCode=20')).toBe(0);
    expect(await valueOf('inspections.count', 'year=2026&quarter=3')).toBe(0); // a whole year's figure is in no quarter
    const events = await eventually(async () => { const list = h.received.filter((e) => e.subject === id); return list.length === 2 && list; }, 'two events');
    expect(events.map((e) => [e.type, (e.data.submission as { status: string }).status, e.data.actorSubject])).toEqual([
      ['hangviet.campaign.submission.submitted.v1', 'SUBMISSION_STATUS_SUBMITTED', 'staff-1'],
      ['hangviet.campaign.submission.approved.v1', 'SUBMISSION_STATUS_APPROVED', 'centre-reviewer'],
    ]);
    const records = await h.http.get('/v1/indicators/inspections.count/records?year=2026').set(bearer(reviewer));
    expect(records.body.items).toEqual([expect.objectContaining({ recordId: id, kind: 'submission', value: 12, quarter: 0, link: `/v1/submissions/${id}` })]);
  });

  it('a returned figure does not count until revised and approved; the mean of survey results', async () => {
    const first = await submit(h.tokens.staff, { ...figure, indicatorCode: 'survey.prefer_vietnamese_pct', value: 80, quarter: 2 });
    const second = await submit(h.tokens.staff, { ...figure, indicatorCode: 'survey.prefer_vietnamese_pct', value: 70, quarter: 2, provinceCode: '20' });
    const returned = await h.http.post(`/v1/submissions/${first.body.id}:return`).set(bearer(reviewer)).send({ reason: 'Thiếu phiếu khảo sát' });
    expect(returned.body).toMatchObject({ status: 'RETURNED', returnReason: 'Thiếu phiếu khảo sát' });
    await h.http.post(`/v1/submissions/${second.body.id}:approve`).set(bearer(reviewer)).expect(200);
    await eventually(async () => (await valueOf('survey.prefer_vietnamese_pct')) === 70, 'the approved survey counted');

    const revised = await h.http.post(`/v1/submissions/${first.body.id}:revise`).set(bearer(h.tokens.staff)).send({ ...figure, indicatorCode: 'survey.prefer_vietnamese_pct', value: 76, quarter: 2 });
    expect(revised.body).toMatchObject({ status: 'SUBMITTED', value: 76, version: 3 });
    expect(revised.body.history.at(-1)).toMatchObject({ action: 'revised', note: 'value' });
    await h.http.post(`/v1/submissions/${first.body.id}:approve`).set(bearer(reviewer)).expect(200);
    await eventually(async () => (await valueOf('survey.prefer_vietnamese_pct', 'year=2026&quarter=2')) === 73, 'the mean of 76 and 70');
    const queue = await h.http.get('/v1/submissions?status=APPROVED&year=2026').set(bearer(reviewer));
    expect(queue.body.items.map((s: { id: string }) => s.id)).toEqual(expect.arrayContaining([first.body.id, second.body.id]));
  });

  it('answers gRPC GetSubmission and health, with NOT_FOUND details for an unknown id', async () => {
    const health = createGrpcClient(HealthClient, `127.0.0.1:${h.service.grpcPort}`, { token: async () => h.tokens.service, deadlineMs: 5000 });
    try {
      expect((await callUnary(health, health.check, { service: '' })).status).toBe(HealthCheckResponse_ServingStatus.SERVING);
    } finally {
      health.close();
    }
    const made = await submit(h.tokens.staff, { ...figure, indicatorCode: 'outlets.count', value: 4 });
    const res = await callUnary(client, client.getSubmission, { id: made.body.id });
    expect(res.submission).toMatchObject({ id: made.body.id, indicatorCode: 'outlets.count', value: 4, status: SubmissionStatus.SUBMISSION_STATUS_SUBMITTED, version: '1' });
    const err = await callUnary(client, client.getSubmission, { id: 'no-such-id' }).then(
      () => undefined,
      (e: grpc.ServiceError) => decodeGrpcError(e),
    );
    expect(err).toMatchObject({ code: grpc.status.NOT_FOUND, reason: 'SUBMISSION_NOT_FOUND' });
  });
});

describe('the yearly report', () => {
  const set = knownSet('report');
  const send = (e: PlatformEvent) => h.publish(e.definition, e.subject, e.data, { id: e.id, time: e.time, source: 'test' });

  beforeAll(async () => {
    for (const e of [...set.events, set.revocation]) await send(e);
    await eventually(async () => (await valueOf('certificates.revoked')) === 1 && (await valueOf('fairs.visitors')) === 1200, 'the known set counted');
  }, 60_000);

  it('is an XLSX workbook: a summary with the year before, one sheet per section with the records', async () => {
    const res = await h.http.get('/v1/campaign-reports/2026.xlsx').set(bearer(reviewer)).buffer(true).parse((r, cb) => {
      const chunks: Buffer[] = [];
      r.on('data', (c: Buffer) => chunks.push(c));
      r.on('end', () => cb(null, Buffer.concat(chunks)));
    });
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/spreadsheetml/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.body as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Tổng hợp', 'Doanh nghiệp, sản phẩm', 'Chứng nhận', 'Hội chợ, phiên chợ', 'Quản lý thị trường', 'Kết nối cung cầu', 'Tuyên truyền, người tiêu dùng']);
    const summary = wb.getWorksheet('Tổng hợp')!;
    const row = summary.getColumn(1).values.findIndex((v) => v === 'certificates.issued');
    expect(summary.getRow(row).values).toEqual(expect.arrayContaining(['certificates.issued', 1, 1, 0]));
    const certification = wb.getWorksheet('Chứng nhận')!;
    expect(certification.getColumn(3).values).toEqual(expect.arrayContaining([set.ids.certificate1, set.ids.certificate2]));
  });

  it('is a PDF in Vietnamese (DejaVu embedded), with the same filters', async () => {
    const res = await h.http.get('/v1/campaign-reports/2026.pdf?provinceCode=86').set(bearer(reviewer)).buffer(true).parse((r, cb) => {
      const chunks: Buffer[] = [];
      r.on('data', (c: Buffer) => chunks.push(c));
      r.on('end', () => cb(null, Buffer.concat(chunks)));
    });
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    const text = (res.body as Buffer).toString('latin1');
    expect(text.startsWith('%PDF-')).toBe(true);
    expect(text).toMatch(/DejaVuSans/);
    const anonymous = await h.http.get('/v1/campaign-reports/2026.pdf');
    expect(anonymous.status).toBe(401);
  });

  it('publishing a year raises hangviet.campaign.report.published.v1 with its figures; again is a new version', async () => {
    const first = await h.http.post('/v1/campaign-reports/2026:publish').set(bearer(reviewer)).send({ provinceCode: '86' });
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ id: '2026-86', year: 2026, provinceCode: '86', version: 1 });
    expect(first.body.figures).toEqual(expect.arrayContaining([{ code: 'fairs.visitors', value: 1200, unit: 'count', previousYearValue: 0 }]));
    const second = await h.http.post('/v1/campaign-reports/2026:publish').set(bearer(reviewer)).send({ provinceCode: '86' });
    expect(second.body.version).toBe(2);
    const events = await eventually(async () => { const list = h.received.filter((e) => e.subject === '2026-86'); return list.length === 2 && list; }, 'two published events');
    expect(events.map((e) => [e.type, e.data.version])).toEqual([
      ['hangviet.campaign.report.published.v1', '1'],
      ['hangviet.campaign.report.published.v1', '2'],
    ]);
    const partner = await h.http.post('/v1/campaign-reports/2026:publish').set(bearer(h.tokens.partner)).send({});
    expect(partner.status).toBe(403);
  });
});
