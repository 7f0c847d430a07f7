// Reference data the registry serves for forms and filters: the 34 provinces and their wards (units since
// 1 July 2025) and VSIC industries, searched by name. Provinces and wards change once in years: kept for the
// tab's life after the first answer.
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

/**
 * The provinces, and the wards of one, as server-state queries: fetched once per tab. A busy gateway or a restarting
 * service does not leave a picker empty: api() asks a read again with backoff, and the query once more after that.
 */
export const provincesQuery = {
  queryKey: ['provinces'],
  queryFn: () => api<{ items: Province[] }>('/v1/provinces').then((r) => r.items),
  staleTime: Infinity,
} as const;

export const wardsQuery = (provinceCode: string) =>
  ({
    queryKey: ['wards', provinceCode],
    queryFn: () => api<{ items: Ward[] }>(`/v1/provinces/${encodeURIComponent(provinceCode)}/wards`).then((r) => r.items),
    enabled: !!provinceCode,
    staleTime: Infinity,
  }) as const;

/** VSIC industries whose code starts with, or whose name contains, the text (the registry folds diacritics). */
export async function searchIndustries(q: string, edition: '2018' | '2025' = '2025'): Promise<Industry[]> {
  const query = new URLSearchParams({ edition, q });
  return (await api<{ items: Industry[] }>(`/v1/industries?${query}`)).items;
}
