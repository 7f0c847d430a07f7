// Reference data the registry serves for forms and filters: the 34 provinces and their wards (units since
// 1 July 2025) and VSIC industries, searched by name. Provinces and wards change once in years: kept for the
// tab's life after the first call.
import { api } from './api';

export interface Province {
  code: string;
  name: string;
  fullName: string;
}
export interface Ward {
  code: string;
  name: string;
  provinceCode: string;
}
export interface Industry {
  edition: '2018' | '2025';
  code: string;
  level: string;
  nameVi: string;
  nameEn: string;
}

let provincesCall: Promise<Province[]> | undefined;
const wardsCalls = new Map<string, Promise<Ward[]>>();

export function loadProvinces(): Promise<Province[]> {
  provincesCall ??= api<{ items: Province[] }>('/v1/provinces').then(
    (r) => r.items,
    (err: unknown) => {
      provincesCall = undefined;
      throw err;
    },
  );
  return provincesCall;
}

export function loadWards(provinceCode: string): Promise<Ward[]> {
  let call = wardsCalls.get(provinceCode);
  if (!call) {
    call = api<{ items: Ward[] }>(`/v1/provinces/${encodeURIComponent(provinceCode)}/wards`).then(
      (r) => r.items,
      (err: unknown) => {
        wardsCalls.delete(provinceCode);
        throw err;
      },
    );
    wardsCalls.set(provinceCode, call);
  }
  return call;
}

/** VSIC industries whose code starts with, or whose name contains, the text (the registry folds diacritics). */
export async function searchIndustries(q: string, edition: '2018' | '2025' = '2025'): Promise<Industry[]> {
  const query = new URLSearchParams({ edition, q });
  return (await api<{ items: Industry[] }>(`/v1/industries?${query}`)).items;
}
