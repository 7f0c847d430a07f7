// Which of the directory's suppliers fit a sourcing request, and why. Pure: the repository fetches the
// candidates under the requested industry (a VSIC prefix), this ranks and explains them.
//
// Order: when certifications are required, suppliers holding all of them first; then, when the buyer asked
// for the province's makers, the local ones; then by score (each reason adds its weight), name, id.
import type { SourcingRequestState } from './sourcing-request';
import type { Supplier } from './supplier';

export type MatchReasonCode = 'INDUSTRY' | 'LOCAL' | 'SAME_WARD' | 'PRODUCT_GROUP' | 'CERTIFIED' | 'DOMESTIC_INPUTS';

export interface MatchReason {
  code: MatchReasonCode;
  message: string;
}

export interface SupplierMatch {
  businessId: string;
  name: string;
  contactEmail: string;
  preferredLocale: string;
  provinceCode: string;
  score: number;
  local: boolean;
  /** Whether it holds every certification the request requires (true when none is required). */
  certified: boolean;
  reasons: MatchReason[];
  /** The listed products that made it a match (the requested group's, else all listed). */
  products: { id: string; name: string }[];
}

export const WEIGHTS: Readonly<Record<MatchReasonCode, number>> = {
  INDUSTRY: 40,
  LOCAL: 25,
  SAME_WARD: 5,
  CERTIFIED: 20,
  PRODUCT_GROUP: 15,
  DOMESTIC_INPUTS: 10,
};

/** Products declaring at least this share of local and domestic inputs count as made of Vietnamese inputs. */
export const DOMESTIC_INPUTS_PERCENT = 80;

export type MatchQuery = Pick<SourcingRequestState, 'industry' | 'productGroup' | 'requiredCertifications' | 'originPreference' | 'provinceCode' | 'buyerBusinessId'> & {
  /** The buyer's ward, when the directory knows it. */
  wardCode?: string;
};

/**
 * The supplier's industry under the requested one (same edition, the request's code a prefix of it), if any,
 * and whether it is its main one (the copy lists the main industry first; a secondary one matches too).
 */
function industryUnder(query: MatchQuery, supplier: Supplier): { edition: string; code: string; main: boolean } | undefined {
  const at = supplier.industries.findIndex((i) => i.edition === query.industry.edition && i.code.startsWith(query.industry.code));
  return at < 0 ? undefined : { ...supplier.industries[at]!, main: at === 0 };
}

/** One supplier's match, or undefined when it does not fit (not ACTIVE, the buyer itself, another industry). */
export function matchSupplier(query: MatchQuery, supplier: Supplier): SupplierMatch | undefined {
  if (supplier.status !== 'ACTIVE' || supplier.id === query.buyerBusinessId) return undefined;
  const industry = industryUnder(query, supplier);
  if (!industry) return undefined;
  const which = industry.main ? '' : ' (a secondary industry)';
  const reasons: MatchReason[] = [{ code: 'INDUSTRY', message: `VSIC ${industry.edition} ${industry.code}${which} is under the requested ${query.industry.code}` }];
  const local = query.provinceCode !== '' && supplier.provinceCode === query.provinceCode;
  if (local) reasons.push({ code: 'LOCAL', message: `a maker of province ${supplier.provinceCode}` });
  if (query.wardCode && supplier.wardCode === query.wardCode) reasons.push({ code: 'SAME_WARD', message: `in the buyer's ward ${supplier.wardCode}` });

  const listed = supplier.products.filter((p) => p.status === 'LISTED');
  const inGroup = query.productGroup ? listed.filter((p) => p.group === query.productGroup) : [];
  if (inGroup.length > 0) reasons.push({ code: 'PRODUCT_GROUP', message: `lists ${inGroup.map((p) => p.name).join(', ')} (${query.productGroup})` });

  const valid = supplier.certificates.filter((c) => c.valid);
  const required = query.requiredCertifications;
  const held = required.map((r) => valid.find((c) => c.scheme === r.scheme && (r.scheme !== 'OCOP' || c.stars >= (r.minStars ?? 3))));
  const certified = held.every((c) => c !== undefined);
  if (required.length > 0 && certified) {
    reasons.push({ code: 'CERTIFIED', message: held.map((c) => describe(c!)).join('; ') });
  } else if (required.length === 0 && valid.length > 0) {
    reasons.push({ code: 'CERTIFIED', message: describe(valid.reduce((best, c) => (c.stars > best.stars ? c : best))) });
  }

  const shown = inGroup.length > 0 ? inGroup : listed;
  const domestic = shown.filter((p) => p.domesticPercent >= DOMESTIC_INPUTS_PERCENT);
  if (query.originPreference !== 'ANY' && domestic.length > 0) {
    reasons.push({ code: 'DOMESTIC_INPUTS', message: `${domestic.map((p) => `${p.name} ${p.domesticPercent}%`).join(', ')} of Vietnamese inputs` });
  }
  const score = reasons.reduce((sum, r) => sum + WEIGHTS[r.code], 0);
  return {
    businessId: supplier.id,
    name: supplier.name,
    contactEmail: supplier.contactEmail ?? '',
    preferredLocale: supplier.preferredLocale ?? '',
    provinceCode: supplier.provinceCode,
    score,
    local,
    certified,
    reasons,
    products: shown.map((p) => ({ id: p.id, name: p.name })),
  };
}

function describe(c: { scheme: string; stars: number; productName: string; number: string }): string {
  const what = c.scheme === 'OCOP' ? `OCOP ${c.stars}★` : c.scheme;
  return `${what}${c.productName ? ` for ${c.productName}` : ''} (${c.number})`;
}

/** Every fitting supplier, best first (see the order above). */
export function rankSuppliers(query: MatchQuery, suppliers: readonly Supplier[]): SupplierMatch[] {
  const certifiedFirst = query.requiredCertifications.length > 0;
  const localFirst = query.originPreference === 'PROVINCE';
  return suppliers
    .map((s) => matchSupplier(query, s))
    .filter((m): m is SupplierMatch => m !== undefined)
    .sort(
      (a, b) =>
        (certifiedFirst ? Number(b.certified) - Number(a.certified) : 0) ||
        (localFirst ? Number(b.local) - Number(a.local) : 0) ||
        b.score - a.score ||
        a.name.localeCompare(b.name, 'vi') ||
        a.businessId.localeCompare(b.businessId),
    );
}
