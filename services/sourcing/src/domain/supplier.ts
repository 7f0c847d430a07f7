// A supplier as this service knows it: the directory's business (status, province, ward, industries) with
// its listed products and valid certificates, copied from the registry's and certification's events.
export interface SupplierProduct {
  id: string;
  name: string;
  /** The OCOP product group without its prefix (FOOD, …); '' when none. */
  group: string;
  /** DRAFT, LISTED or WITHDRAWN: only LISTED products are shown to buyers. */
  status: string;
  /** Declared share of local plus domestic raw materials, in percent (0 when not declared). */
  domesticPercent: number;
}

export interface SupplierCertificate {
  number: string;
  /** OCOP, VIETGAP or HVNCLC. */
  scheme: string;
  /** OCOP: 3–5; 0 otherwise. */
  stars: number;
  productId: string;
  productName: string;
  /** VALID or EXPIRING: a certificate a buyer may count on. */
  valid: boolean;
}

export interface Supplier {
  id: string;
  name: string;
  status: string;
  provinceCode: string;
  wardCode: string;
  /** Every industry the directory lists, the main one first. */
  industries: { edition: string; code: string }[];
  products: SupplierProduct[];
  /** Where its owner is told of a match (the directory's contact e-mail and language; '' when unknown). */
  contactEmail?: string;
  preferredLocale?: string;
  certificates: SupplierCertificate[];
}

/** The keys a supplier is found under for a requested industry: every prefix of each of its codes, per edition. */
export function industryKeys(industries: readonly { edition: string; code: string }[]): string[] {
  const keys = new Set<string>();
  for (const { edition, code } of industries) {
    for (let n = 1; n <= code.length; n += 1) keys.add(industryKey(edition, code.slice(0, n)));
  }
  return [...keys].sort();
}

export const industryKey = (edition: string, code: string): string => `${edition}:${code}`;
