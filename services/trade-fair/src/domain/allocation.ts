// Booth allocation, explainable and deterministic: rank the applications by the fair's rules (certified
// products, then local enterprise, then first participation, then time of application, then id), then
// give each in rank order the booths it asked for where it can. Never more booths than exist, never one
// booth twice. Pure: the same input gives the same output.
import type { Booth } from './booth';
import { boothsNextToCompetitors, neighbourIndex } from './competitor-separation';
import type { FairRules } from './fair';

export interface AllocationCandidate {
  applicationId: string;
  businessId: string;
  boothsWanted: number;
  preferredZone?: string;
  preferredBooths: readonly string[];
  wantsCorner: boolean;
  submitTime: Date;
  /** Best OCOP stars among the products shown (0: none). */
  bestOcopStars: number;
  /** Certified products among those shown. */
  certifiedProducts: number;
  /** The business is in the venue's province. */
  local: boolean;
  /** No booth at another fair that year. */
  firstParticipation: boolean;
  /** The business's main VSIC group (2 digits), read by "keep competitors apart". */
  mainVsicGroup?: string;
}

export interface RuleScores {
  /** 0 when the fair ignores certification; else 10 for any certified product plus 10 per OCOP star. */
  certifiedProducts: number;
  localEnterprise: number;
  firstParticipation: number;
}

export type BoothReason = 'PREFERRED_BOOTH' | 'PREFERRED_ZONE' | 'CORNER_REQUESTED' | 'NEXT_FREE';

/** What the ranking read about the application, as it was at the run. */
export interface CandidateFacts {
  bestOcopStars: number;
  certifiedProducts: number;
  local: boolean;
  firstParticipation: boolean;
  mainVsicGroup?: string;
}

export interface AllocationExplanation {
  rank: number;
  scores: RuleScores;
  facts: CandidateFacts;
  outcome: 'ALLOCATED' | 'WAITLISTED' | 'REJECTED';
  booths: { code: string; reason: BoothReason }[];
  waitlistPosition?: number;
  /** REJECTED: CERTIFIED_PRODUCTS_REQUIRED or NOT_LOCAL; WAITLISTED: NOT_ENOUGH_BOOTHS. */
  reason?: string;
  /** "Keep competitors apart": free booths passed over because a neighbour holds a business of the same VSIC group. */
  keptApartFrom?: string[];
  message: string;
}

export interface AllocationResult {
  applicationId: string;
  businessId: string;
  explanation: AllocationExplanation;
}

export function scoreOf(c: AllocationCandidate, rules: FairRules): RuleScores {
  return {
    certifiedProducts: rules.certifiedProducts === 'NONE' || c.certifiedProducts === 0 ? 0 : 10 + 10 * c.bestOcopStars,
    localEnterprise: c.local ? 1 : 0,
    firstParticipation: c.firstParticipation ? 1 : 0,
  };
}

/** Rank order: each rule in turn, higher first; then earlier application; then id (total, so deterministic). */
export function compareCandidates(a: { c: AllocationCandidate; s: RuleScores }, b: { c: AllocationCandidate; s: RuleScores }): number {
  return (
    b.s.certifiedProducts - a.s.certifiedProducts ||
    b.s.localEnterprise - a.s.localEnterprise ||
    b.s.firstParticipation - a.s.firstParticipation ||
    a.c.submitTime.getTime() - b.c.submitTime.getTime() ||
    (a.c.applicationId < b.c.applicationId ? -1 : a.c.applicationId > b.c.applicationId ? 1 : 0)
  );
}

function ineligibility(c: AllocationCandidate, rules: FairRules): string | undefined {
  if (rules.certifiedProducts === 'REQUIRED' && c.certifiedProducts === 0) return 'CERTIFIED_PRODUCTS_REQUIRED';
  if (rules.eligibility === 'PROVINCE_ONLY' && !c.local) return 'NOT_LOCAL';
  return undefined;
}

/**
 * The booths `c` gets from `free` (codes in plan order), or undefined when too few are free. Its own
 * booth codes first, then its zone; a corner for those who asked, and non-corners kept for those who did not.
 */
export function pickBooths(
  c: Pick<AllocationCandidate, 'boothsWanted' | 'preferredBooths' | 'preferredZone' | 'wantsCorner'>,
  free: readonly Booth[],
): { code: string; reason: BoothReason }[] | undefined {
  if (free.length < c.boothsWanted) return undefined;
  const picked: { code: string; reason: BoothReason }[] = [];
  const taken = new Set<string>();
  const byCode = new Map(free.map((b) => [b.code, b]));
  for (const code of c.preferredBooths) {
    if (picked.length === c.boothsWanted) break;
    if (byCode.has(code) && !taken.has(code)) {
      picked.push({ code, reason: 'PREFERRED_BOOTH' });
      taken.add(code);
    }
  }
  if (picked.length < c.boothsWanted) {
    const rest = free
      .filter((b) => !taken.has(b.code))
      .map((b, i) => ({ b, i, zone: c.preferredZone !== undefined && b.zone === c.preferredZone ? 0 : 1, corner: b.corner === c.wantsCorner ? 0 : 1 }))
      .sort((x, y) => x.zone - y.zone || x.corner - y.corner || x.i - y.i);
    for (const { b, zone, corner } of rest.slice(0, c.boothsWanted - picked.length)) {
      const reason: BoothReason = zone === 0 ? 'PREFERRED_ZONE' : c.wantsCorner && corner === 0 ? 'CORNER_REQUESTED' : 'NEXT_FREE';
      picked.push({ code: b.code, reason: reason === 'PREFERRED_ZONE' && c.wantsCorner && b.corner ? 'CORNER_REQUESTED' : reason });
    }
  }
  return picked;
}

const boothOrder = (a: Booth, b: Booth) => a.row - b.row || a.column - b.column || (a.code < b.code ? -1 : 1);

export function allocateBooths(input: {
  booths: readonly Booth[];
  /** Booths already held at this fair (none on the first run). */
  held?: ReadonlySet<string>;
  /** Of the held booths, their holders' VSIC groups (for "keep competitors apart"). */
  heldGroups?: ReadonlyMap<string, string>;
  rules: FairRules;
  candidates: readonly AllocationCandidate[];
}): AllocationResult[] {
  const held = input.held ?? new Set<string>();
  let free = input.booths.filter((b) => !b.blocked && !held.has(b.code)).sort(boothOrder);
  const apart = input.rules.separateCompetitors === true;
  /** Booth code → the holder's VSIC group, as booths are given (read by "keep competitors apart"). */
  const placed = new Map<string, string>(input.heldGroups ?? []);
  const neighbours = apart ? neighbourIndex(input.booths) : new Map<string, string[]>();
  const ranked = input.candidates.map((c) => ({ c, s: scoreOf(c, input.rules) })).sort(compareCandidates);
  let waitlistPosition = 0;
  return ranked.map(({ c, s }, i) => {
    const rank = i + 1;
    const facts = { bestOcopStars: c.bestOcopStars, certifiedProducts: c.certifiedProducts, local: c.local, firstParticipation: c.firstParticipation, ...(c.mainVsicGroup ? { mainVsicGroup: c.mainVsicGroup } : {}) };
    const base = { rank, scores: s, facts };
    const refused = ineligibility(c, input.rules);
    if (refused) {
      const message = refused === 'NOT_LOCAL' ? 'This fair takes only enterprises of its province.' : 'This fair requires certified products; none of those shown is certified.';
      return { applicationId: c.applicationId, businessId: c.businessId, explanation: { ...base, outcome: 'REJECTED', booths: [], reason: refused, message } };
    }
    const wanted = Math.min(c.boothsWanted, input.rules.maxBoothsPerBusiness);
    const excluded = apart ? boothsNextToCompetitors(c.mainVsicGroup, placed, neighbours) : new Set<string>();
    const open = excluded.size > 0 ? free.filter((b) => !excluded.has(b.code)) : free;
    const keptApartFrom = free.filter((b) => excluded.has(b.code)).map((b) => b.code);
    const apartNote = keptApartFrom.length > 0 ? ` Kept apart from competitors (VSIC ${c.mainVsicGroup}): passed over ${keptApartFrom.join(', ')}.` : '';
    const apartFact = keptApartFrom.length > 0 ? { keptApartFrom } : {};
    const picked = pickBooths({ ...c, boothsWanted: wanted }, open);
    if (!picked) {
      waitlistPosition += 1;
      return {
        applicationId: c.applicationId,
        businessId: c.businessId,
        explanation: { ...base, outcome: 'WAITLISTED', booths: [], waitlistPosition, reason: 'NOT_ENOUGH_BOOTHS', ...apartFact, message: `Rank ${rank}: ${open.length} booth(s) were left for the ${wanted} wanted; waitlist place ${waitlistPosition}.${apartNote}` },
      };
    }
    const codes = new Set(picked.map((p) => p.code));
    free = free.filter((b) => !codes.has(b.code));
    if (c.mainVsicGroup) for (const code of codes) placed.set(code, c.mainVsicGroup);
    const message = `Rank ${rank}: booth(s) ${picked.map((p) => `${p.code} (${p.reason})`).join(', ')}.${apartNote}`;
    return { applicationId: c.applicationId, businessId: c.businessId, explanation: { ...base, outcome: 'ALLOCATED', booths: picked, ...apartFact, message } };
  });
}

/** The waitlisted application to offer freed booths to: the best placed one that fits, with its booths. */
export function nextOffer<T extends Pick<AllocationCandidate, 'boothsWanted' | 'preferredBooths' | 'preferredZone' | 'wantsCorner'> & { waitlistPosition: number }>(
  waitlisted: readonly T[],
  free: readonly Booth[],
): { application: T; booths: string[] } | undefined {
  const ordered = free.filter((b) => !b.blocked).sort(boothOrder);
  for (const application of [...waitlisted].sort((a, b) => a.waitlistPosition - b.waitlistPosition)) {
    const picked = pickBooths(application, ordered);
    if (picked) return { application, booths: picked.map((p) => p.code) };
  }
  return undefined;
}
