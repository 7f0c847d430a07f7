// The shapes the new pages read (trade-fair, notification, registry, certification views).
export type BoothState = 'AVAILABLE' | 'RESERVED' | 'ALLOCATED' | 'BLOCKED';
export interface Booth {
  code: string;
  zone: string;
  row: number;
  column: number;
  widthM: number;
  depthM: number;
  corner: boolean;
  blocked: boolean;
}
export interface PlanBooth extends Booth {
  state: BoothState;
  holderName?: string;
}
export interface Venue {
  id: string;
  name: string;
  address: { provinceCode: string; wardCode: string; street?: string };
  booths: Booth[];
  boothCount: number;
}
export interface Fair {
  id: string;
  name: string;
  kind: string;
  venueId: string;
  venueName: string;
  provinceCode: string;
  days: { setUpDay: string; openingDay: string; closingDay: string; tearDownDay: string; openTime: string; closeTime: string };
  applicationOpenTime: string;
  applicationCloseTime: string;
  boothFeeVnd: number;
  rules: { eligibility: string; maxBoothsPerBusiness: number; certifiedProducts: string };
  supportPolicy: { firstParticipationPercent: number; laterParticipationPercent: number; capPerBusinessPerYearVnd: number };
  status: string;
  cancelReason?: string;
}
export interface Explanation {
  rank: number;
  scores: { certifiedProducts: number; localEnterprise: number; firstParticipation: number };
  facts: { bestOcopStars: number; certifiedProducts: number; local: boolean; firstParticipation: boolean };
  outcome: 'ALLOCATED' | 'WAITLISTED' | 'REJECTED';
  booths: { code: string; reason: string }[];
  waitlistPosition?: number;
  reason?: string;
  /** Booths passed over to keep competitors apart. */
  keptApartFrom?: string[];
  message: string;
}
export interface SupportGrant {
  feeVnd: number;
  percent: number;
  amountVnd: number;
  basis: string;
  capped: boolean;
}
export interface BoothApplication {
  id: string;
  fairId: string;
  businessId: string;
  businessName: string;
  status: string;
  boothsWanted: number;
  preferredZone?: string;
  preferredBooths: string[];
  wantsCorner: boolean;
  products: { id: string; name?: string; stars?: number }[];
  catalogueEntry: string;
  submitTime: string;
  booths: string[];
  waitlistPosition?: number;
  offerDeadline?: string;
  reason?: string;
  explanation?: Explanation;
  support?: SupportGrant;
}
export interface AllocationOutcome {
  dryRun: boolean;
  runId?: string;
  results: { applicationId: string; businessId: string; explanation: Explanation }[];
  support: Record<string, SupportGrant>;
}
export interface FairSummary {
  fairId: string;
  booths: { total: number; allocated: number; reserved: number; available: number; blocked: number };
  businesses: number;
  waitlisted: number;
  certifiedShare: number;
  totalSupportVnd: number;
  totalFeesVnd?: number;
}
