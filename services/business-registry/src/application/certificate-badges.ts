// Certificate badges on the directory profile (scheme, stars, valid until), kept from the certification
// service's certificate.* events. Only certificates in force (VALID, EXPIRING) are shown and filtered on.
export const BADGE_SCHEMES = ['OCOP', 'VIETGAP', 'HVNCLC'] as const;
export type BadgeScheme = (typeof BADGE_SCHEMES)[number];

export interface CertificateBadge {
  number: string;
  scheme: BadgeScheme;
  stars: number;
  status: string;
  validUntil: string;
  productId?: string;
  productName?: string;
}

export interface CertificateBadges {
  /** Stores the certificate's latest state unless a newer version is stored; idempotent. */
  record(badge: CertificateBadge & { businessId: string; version: number }): Promise<'recorded' | 'stale'>;
  /** The badges in force of a business, best first. */
  ofBusiness(businessId: string): Promise<CertificateBadge[]>;
  /** Businesses holding a certificate in force of the scheme (and at least `minStars`). */
  businessIdsWith(filter: { scheme?: BadgeScheme; minStars?: number }): Promise<string[]>;
}

export const IN_FORCE = ['VALID', 'EXPIRING'];
