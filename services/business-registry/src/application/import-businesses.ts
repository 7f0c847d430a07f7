// Bulk registration from the spreadsheets centres already keep (CSV, English or Vietnamese
// headers). Each row is registered like POST /v1/businesses; a tax code already in the directory
// is reported as a duplicate, so running the same file again creates nothing twice.
import { authorize, toFieldErrors, type Principal } from '@hangviet/service-kit';
import { ACCESS } from './access-rules';
import { AppError, invalid, type FieldError } from '@hangviet/service-kit/errors';
import { foldVietnamese, parseTaxCode } from '@hangviet/vn';
import { parse as parseCsv } from 'csv-parse/sync';
import { Business, type BusinessType } from '../domain/business';
import type { RegistryDeps } from './ports';
import { registerBusinessSchema } from './profile-schema';
import { prepareRegistration } from './register-business';

export const MAX_IMPORT_ROWS = 5000;

export type ImportOutcome = 'created' | 'duplicate' | 'invalid';

export interface ImportRowReport {
  /** 1-based line in the file (the header is line 1). */
  line: number;
  taxCode: string;
  outcome: ImportOutcome;
  id?: string;
  existingId?: string;
  errors?: FieldError[];
}

export interface ImportReport {
  summary: Record<ImportOutcome, number> & { total: number };
  rows: ImportRowReport[];
}

export interface ImportOptions {
  /** Register rows as ACTIVE at once (staff vouch for the spreadsheet); default PENDING_REVIEW. */
  approve?: boolean;
}

type Column =
  | 'taxCode' | 'type' | 'legalName' | 'tradeName' | 'englishName' | 'provinceCode' | 'wardCode' | 'street'
  | 'legacyProvince' | 'legacyDistrict' | 'legacyWard' | 'industries' | 'email' | 'phone' | 'website'
  | 'representativeName' | 'representativePosition' | 'foundingDate' | 'description';

const COLUMNS: readonly Column[] = [
  'taxCode', 'type', 'legalName', 'tradeName', 'englishName', 'provinceCode', 'wardCode', 'street',
  'legacyProvince', 'legacyDistrict', 'legacyWard', 'industries', 'email', 'phone', 'website',
  'representativeName', 'representativePosition', 'foundingDate', 'description',
];

/** Vietnamese headers as centres write them, folded. */
const VIETNAMESE_HEADERS: Record<string, Column> = {
  'ma so thue': 'taxCode',
  'ma so doanh nghiep': 'taxCode',
  'loai hinh': 'type',
  'ten doanh nghiep': 'legalName',
  'ten giao dich': 'tradeName',
  'ten tieng anh': 'englishName',
  'ma tinh': 'provinceCode',
  'ma xa': 'wardCode',
  'dia chi': 'street',
  'tinh cu': 'legacyProvince',
  'huyen cu': 'legacyDistrict',
  'xa cu': 'legacyWard',
  'nganh nghe': 'industries',
  'email': 'email',
  'dien thoai': 'phone',
  'website': 'website',
  'nguoi dai dien': 'representativeName',
  'chuc vu': 'representativePosition',
  'ngay thanh lap': 'foundingDate',
  'mo ta': 'description',
};

const TYPE_WORDS: Record<string, BusinessType> = {
  company: 'COMPANY',
  'cong ty': 'COMPANY',
  'doanh nghiep': 'COMPANY',
  cooperative: 'COOPERATIVE',
  'hop tac xa': 'COOPERATIVE',
  htx: 'COOPERATIVE',
  household: 'HOUSEHOLD',
  'ho kinh doanh': 'HOUSEHOLD',
  branch: 'BRANCH',
  'chi nhanh': 'BRANCH',
};

const REQUIRED: readonly Column[] = ['taxCode', 'type', 'legalName', 'industries'];

function columnOf(header: string): Column | undefined {
  const trimmed = header.trim();
  const english = COLUMNS.find((c) => c.toLowerCase() === trimmed.toLowerCase());
  return english ?? VIETNAMESE_HEADERS[foldVietnamese(trimmed)];
}

/** `2018:1073;2018:4632` or `1073;4632` (edition 2018): the first is the main industry. */
function industriesOf(cell: string): unknown[] {
  return cell
    .split(/[;|]/)
    .map((s) => s.trim())
    .filter((s) => s !== '')
    .map((entry, n) => {
      const [edition, code] = entry.includes(':') ? entry.split(':', 2).map((s) => s.trim()) : ['2018', entry];
      return { edition, code, main: n === 0 };
    });
}

function bodyOf(row: Partial<Record<Column, string>>): unknown {
  const v = (c: Column): string | undefined => (row[c]?.trim() ? row[c]?.trim() : undefined);
  const legacy = v('legacyProvince') !== undefined || v('legacyWard') !== undefined;
  const body: Record<string, unknown> = {
    taxCode: v('taxCode') ?? '',
    type: TYPE_WORDS[foldVietnamese(v('type') ?? '')] ?? v('type'),
    legalName: v('legalName') ?? '',
    tradeName: v('tradeName'),
    englishName: v('englishName'),
    industries: industriesOf(v('industries') ?? ''),
    website: v('website'),
    foundingDate: v('foundingDate'),
    description: v('description'),
  };
  if (legacy) {
    body.legacyAddress = { provinceName: v('legacyProvince'), districtName: v('legacyDistrict'), wardName: v('legacyWard'), street: v('street') ?? '' };
  } else if (v('provinceCode') || v('wardCode')) {
    body.address = { provinceCode: v('provinceCode') ?? '', wardCode: v('wardCode') ?? '', street: v('street') ?? '' };
  }
  if (v('email') || v('phone')) body.contact = { email: v('email'), phone: v('phone') };
  if (v('representativeName')) body.representative = { fullName: v('representativeName'), position: v('representativePosition') };
  return body;
}

function readCsv(csv: string): { rows: Partial<Record<Column, string>>[]; lines: number[] } {
  let parsed: { record: string[]; info: { lines: number } }[];
  try {
    parsed = parseCsv(csv.replace(/^\uFEFF/, ''), { skip_empty_lines: true, relax_column_count: true, trim: true, info: true }) as unknown as typeof parsed;
  } catch (err) {
    throw invalid([{ field: 'file', code: 'CSV_MALFORMED', message: `the file is not valid CSV: ${(err as Error).message}` }]);
  }
  const [header, ...data] = parsed.map((p) => p.record);
  if (!header) throw invalid([{ field: 'file', code: 'CSV_EMPTY', message: 'the file has no header row' }]);
  const columns = header.map(columnOf);
  const unknown = header.filter((_, i) => columns[i] === undefined);
  const missing = REQUIRED.filter((c) => !columns.includes(c));
  const errors: FieldError[] = [
    ...unknown.map((h) => ({ field: 'file', code: 'CSV_UNKNOWN_COLUMN', message: `unknown column "${h}"` })),
    ...missing.map((c) => ({ field: 'file', code: 'CSV_MISSING_COLUMN', message: `required column "${c}" is missing` })),
  ];
  if (data.length > MAX_IMPORT_ROWS) {
    errors.push({ field: 'file', code: 'CSV_TOO_MANY_ROWS', message: `at most ${MAX_IMPORT_ROWS} rows per file` });
  }
  if (errors.length > 0) throw invalid(errors);
  const rows = data.map((cells) => Object.fromEntries(columns.map((c, i) => [c as Column, cells[i] ?? ''])) as Partial<Record<Column, string>>);
  return { rows, lines: parsed.slice(1).map((p) => p.info.lines) };
}

function rowErrors(err: unknown): FieldError[] {
  if (err instanceof AppError && err.kind === 'invalid') return err.errors ?? [];
  throw err;
}

export async function importBusinesses(deps: RegistryDeps, principal: Principal | undefined, csv: string, options: ImportOptions = {}): Promise<ImportReport> {
  const staff = authorize(principal, ACCESS.importBusinesses);
  const { rows, lines } = readCsv(csv);
  const report: ImportRowReport[] = [];
  // One query for every tax code of the file instead of one per row; rows registered by this run
  // are added to the map as they go, so a code repeated within the file is a duplicate too.
  const cellCodes = rows.map((r) => parseTaxCode(r.taxCode?.trim() ?? '', { allowPersonalId: true })).flatMap((p) => (p.ok ? [p.value] : []));
  const taken = await deps.businesses.findIdsByTaxCodes(cellCodes);
  for (const [n, row] of rows.entries()) {
    const line = lines[n] ?? n + 2;
    const taxCodeCell = row.taxCode?.trim() ?? '';
    const parsed = registerBusinessSchema.safeParse(bodyOf(row));
    if (!parsed.success) {
      report.push({ line, taxCode: taxCodeCell, outcome: 'invalid', errors: toFieldErrors(parsed.error.issues, row) });
      continue;
    }
    let prepared: ReturnType<typeof prepareRegistration>;
    try {
      prepared = prepareRegistration(parsed.data);
    } catch (err) {
      report.push({ line, taxCode: taxCodeCell, outcome: 'invalid', errors: rowErrors(err) });
      continue;
    }
    const existingId = taken.get(prepared.taxCode);
    if (existingId) {
      report.push({ line, taxCode: prepared.taxCode, outcome: 'duplicate', existingId });
      continue;
    }
    const now = deps.now();
    const actor = { subject: staff.subject };
    try {
      const business = Business.register({ id: deps.businesses.newId(), taxCode: prepared.taxCode, type: parsed.data.type, profile: prepared.profile, actor, now });
      if (options.approve) business.approve(actor, now);
      await deps.businesses.add(business);
      taken.set(prepared.taxCode, business.id);
      report.push({ line, taxCode: prepared.taxCode, outcome: 'created', id: business.id });
    } catch (err) {
      // Another import (or a registration) took the tax code in between.
      if (err instanceof AppError && err.code === 'DUPLICATE_TAX_CODE') {
        report.push({ line, taxCode: prepared.taxCode, outcome: 'duplicate', existingId: err.meta?.existingId ?? '' });
        continue;
      }
      report.push({ line, taxCode: prepared.taxCode, outcome: 'invalid', errors: rowErrors(err) });
    }
  }
  const count = (o: ImportOutcome) => report.filter((r) => r.outcome === o).length;
  return { summary: { total: report.length, created: count('created'), duplicate: count('duplicate'), invalid: count('invalid') }, rows: report };
}
