import { isStaff, type Principal } from '@hangviet/service-kit';
import { forbidden, invalid } from '@hangviet/service-kit/errors';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE, type Page } from '@hangviet/service-kit/paging';
import { diacriticScore, queryTokens } from '@hangviet/vn';
import type { BusinessState, BusinessStatus, BusinessType } from '../domain/business';
import type { BadgeScheme } from './certificate-badges';
import type { RegistryDeps, SearchCriteria, VisibilityOptions } from './ports';

export { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE };

export interface SearchBusinessesQuery {
  q?: string;
  provinceCode?: string;
  wardCode?: string;
  industryCode?: string;
  type?: BusinessType;
  status?: BusinessStatus;
  /** Holding a certificate in force of this scheme (and at least minStars): from the certificate badges. */
  scheme?: BadgeScheme;
  minStars?: number;
  pageSize?: number;
  pageToken?: string;
}

export type SearchBusinessesResult = Page<BusinessState>;

function nameText(b: BusinessState): string {
  return [b.legalName, b.tradeName, b.englishName].filter(Boolean).join(' ');
}

/**
 * The directory: diacritic-insensitive, prefix-aware search over the names, in name order with
 * stable keyset paging. Within a page, rows spelled as typed (same diacritics) come first.
 * Non-staff callers see only ACTIVE businesses.
 */
export async function searchBusinesses(
  deps: RegistryDeps,
  principal: Principal | undefined,
  query: SearchBusinessesQuery,
  opts: VisibilityOptions = {},
): Promise<SearchBusinessesResult> {
  const staff = isStaff(principal) || opts.allStatuses === true;
  if (!staff && query.status !== undefined && query.status !== 'ACTIVE') {
    throw forbidden('STATUS_FILTER_FORBIDDEN', 'Only staff may list businesses that are not ACTIVE.', { status: query.status });
  }
  const pageSize = query.pageSize ?? DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(pageSize) || pageSize < 0 || pageSize > MAX_PAGE_SIZE) {
    throw invalid([{ field: 'pageSize', code: 'OUT_OF_RANGE', message: `pageSize must be 1–${MAX_PAGE_SIZE}` }]);
  }
  const statuses: BusinessStatus[] | undefined = query.status ? [query.status] : staff ? undefined : ['ACTIVE'];
  const criteria: SearchCriteria = {
    // One-letter words cannot be matched as prefixes (tokens start at two letters): "kẹo dừa b" searches "kẹo dừa".
    tokens: query.q ? queryTokens(query.q).filter((t) => t.length >= 2) : [],
    ...(query.provinceCode ? { provinceCode: query.provinceCode } : {}),
    ...(query.wardCode ? { wardCode: query.wardCode } : {}),
    ...(query.industryCode ? { industryCode: query.industryCode } : {}),
    ...(query.type ? { type: query.type } : {}),
    ...(statuses ? { statuses } : {}),
    ...(query.scheme || query.minStars ? { ids: (await deps.badges?.businessIdsWith({ scheme: query.minStars ? 'OCOP' : query.scheme, ...(query.minStars ? { minStars: query.minStars } : {}) })) ?? [] } : {}),
  };
  const size = pageSize === 0 ? DEFAULT_PAGE_SIZE : pageSize;
  const page = await deps.businesses.search(criteria, { pageSize: size, ...(query.pageToken ? { pageToken: query.pageToken } : {}) });
  const q = query.q;
  // Array.prototype.sort is stable: equal scores keep name order.
  const items = q ? [...page.items].sort((a, b) => diacriticScore(q, nameText(b)) - diacriticScore(q, nameText(a))) : page.items;
  return { items, nextPageToken: page.nextPageToken };
}
