// CSV import: a per-row report (created / duplicate / invalid with reasons); re-running the same
// file creates nothing twice; Vietnamese headers and pre-2025 addresses as centres keep them.
import iconv from 'iconv-lite';
import { bearer } from '@hangviet/service-testing';
import { startRegistry, type Harness } from './support/start-registry';
import { nextTaxCode } from './support/fixtures';

let h: Harness;

beforeAll(async () => {
  h = await startRegistry('registry_import');
}, 120_000);

afterAll(async () => {
  await h?.stop();
}, 60_000);

const importCsv = (csv: string, query: Record<string, string> = {}) =>
  h.http.post('/v1/businesses:import').query(query).set(bearer(h.tokens.staff)).set('Content-Type', 'text/csv').send(csv);

describe('POST /v1/businesses:import', () => {
  it('reports each row and creates nothing twice on a re-run', async () => {
    const [a, b, c] = [nextTaxCode(), nextTaxCode(), nextTaxCode()];
    const csv = [
      'taxCode,type,legalName,tradeName,provinceCode,wardCode,street,legacyProvince,legacyDistrict,legacyWard,industries,email,phone,representativeName',
      `${a},COMPANY,Công ty TNHH Kẹo dừa Nhập Một,Kẹo dừa Một,86,28903,1 Quốc lộ 60,,,,2018:1073;2018:4632,mot@example.vn,0912345678,Trần Văn Một`,
      `${b},Hợp tác xã,Hợp tác xã Hồi Nhập Hai,,,,Thôn Bản Pằng,Lạng Sơn,Văn Quan,Thị trấn Văn Quan,0128,,,`,
      `${a},COMPANY,Trùng mã trong cùng tệp,,86,28903,2 Quốc lộ 60,,,,1073,,,`,
      '0100233480,COMPANY,Sai chữ số kiểm tra,,86,28903,3 Quốc lộ 60,,,,1073,,,',
      `${c},COMPANY,,,86,28903,4 Quốc lộ 60,,,,1073,,123,`,
    ].join('\n');
    const first = await importCsv(csv);
    expect(first.status).toBe(200);
    expect(first.body.summary).toEqual({ total: 5, created: 2, duplicate: 1, invalid: 2 });
    const rows = first.body.rows as { line: number; outcome: string; id?: string; existingId?: string; errors?: { field: string; code: string }[] }[];
    expect(rows.map((r) => [r.line, r.outcome])).toEqual([
      [2, 'created'],
      [3, 'created'],
      [4, 'duplicate'],
      [5, 'invalid'],
      [6, 'invalid'],
    ]);
    expect(rows[2]?.existingId).toBe(rows[0]?.id);
    expect(rows[3]?.errors).toEqual([expect.objectContaining({ field: 'taxCode', code: 'TAX_CODE_CHECK_DIGIT' })]);
    expect(rows[4]?.errors?.map((e) => e.field)).toEqual(expect.arrayContaining(['legalName']));

    const cooperative = await h.http.get(`/v1/businesses/${rows[1]?.id}`).set(bearer(h.tokens.staff));
    expect(cooperative.body).toMatchObject({ type: 'COOPERATIVE', status: 'PENDING_REVIEW', address: { provinceCode: '20', wardCode: '06253' } });
    const company = await h.http.get(`/v1/businesses/${rows[0]?.id}`).set(bearer(h.tokens.staff));
    expect(company.body.industries).toEqual([
      expect.objectContaining({ code: '1073', main: true }),
      expect.objectContaining({ code: '4632', main: false }),
    ]);
    expect(company.body.contact).toEqual({ email: 'mot@example.vn', phone: '+84912345678' });

    const again = await importCsv(csv);
    expect(again.body.summary).toEqual({ total: 5, created: 0, duplicate: 3, invalid: 2 });
    expect(again.body.rows.filter((r: { outcome: string }) => r.outcome === 'duplicate').map((r: { existingId: string }) => r.existingId)).toEqual([rows[0]?.id, rows[1]?.id, rows[0]?.id]);
  }, 60_000);

  it('understands Vietnamese headers and can register rows as ACTIVE', async () => {
    const taxCode = nextTaxCode();
    const csv = `\uFEFFMã số thuế,Loại hình,Tên doanh nghiệp,Mã tỉnh,Mã xã,Địa chỉ,Ngành nghề\n${taxCode},Công ty,Công ty TNHH Tiêu đề Tiếng Việt,86,28903,5 Quốc lộ 60,1073\n`;
    const res = await importCsv(csv, { approve: 'true' });
    expect(res.body.summary).toMatchObject({ created: 1 });
    const lookup = await h.http.get('/v1/businesses:lookup').query({ taxCode });
    expect(lookup.status).toBe(200);
    expect(lookup.body.status).toBe('ACTIVE');
  }, 30_000);

  it('rejects a file with unknown or missing columns as a whole', async () => {
    const res = await importCsv('taxCode,colour\n0100233488,red\n');
    expect(res.status).toBe(422);
    const codes = res.body.errors.map((e: { code: string }) => e.code);
    expect(codes).toEqual(expect.arrayContaining(['CSV_UNKNOWN_COLUMN', 'CSV_MISSING_COLUMN']));
  });
  describe('non-UTF-8 files (issue 12, item 9)', () => {
    const row = (taxCode: string) => `taxCode,type,legalName,provinceCode,wardCode,street,industries\n${taxCode},COMPANY,Công ty TNHH Kẹo Dừa Bến Tre,86,28903,1 Quốc lộ 60,1073\n`;
    const send = (bytes: Buffer, contentType = 'text/csv') =>
      h.http.post('/v1/businesses:import').set(bearer(h.tokens.staff)).set('Content-Type', contentType).send(bytes);

    it('converts a UTF-16LE export (with BOM) and stores the names intact', async () => {
      const taxCode = nextTaxCode();
      const res = await send(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(row(taxCode), 'utf16le')]));
      expect(res.status).toBe(200);
      expect(res.body.summary.created).toBe(1);
      const stored = await h.http.get(`/v1/businesses/${res.body.rows[0].id}`).set(bearer(h.tokens.staff));
      expect(stored.body.legalName).toBe('Công ty TNHH Kẹo Dừa Bến Tre');
    });

    it('converts a declared Windows-1258 file', async () => {
      const taxCode = nextTaxCode();
      // "Công ty TNHH Kẹo Dừa Bến Tre" as Windows-1258 writes it: ô/ư/ê precomposed, tones combining.
      const text = row(taxCode).replace('Công ty TNHH Kẹo Dừa Bến Tre', 'Công ty TNHH Ke\u0323o Dư\u0300a Bê\u0301n Tre');
      const res = await send(iconv.encode(text, 'windows-1258'), 'text/csv; charset=windows-1258');
      expect(res.status).toBe(200);
      const stored = await h.http.get(`/v1/businesses/${res.body.rows[0].id}`).set(bearer(h.tokens.staff));
      expect(stored.body.legalName).toBe('Công ty TNHH Kẹo Dừa Bến Tre');
      expect(stored.body.legalName).not.toContain('\ufffd');
    });

    it('refuses bytes declared UTF-8 that are not, rather than storing U+FFFD', async () => {
      const res = await send(iconv.encode(row(nextTaxCode()).replace('Kẹo Dừa Bến', 'Keo Du\u0300a'), 'windows-1258'), 'text/csv; charset=utf-8');
      expect(res.status).toBe(422);
      expect(res.body.errors[0]).toMatchObject({ field: 'body', code: 'CSV_ENCODING_MISMATCH' });
    });
  });
});
