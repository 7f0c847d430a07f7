// The provincial council's score sheet: one score per criterion of the catalogue, each within its
// maximum, parts within their maxima, and the stars derived from the total (never typed in).
import { invalid, type FieldError } from '@hangviet/service-kit/errors';
import { criterionByCode, OCOP_CRITERIA, PART_MAXIMA, type OcopPart } from './ocop-criteria';

export interface CriterionScore {
  criterion: string;
  points: number;
  scorer: string;
  note?: string;
}

export interface ScoreSheet {
  scores: CriterionScore[];
  parts: Record<OcopPart, number>;
  total: number;
  stars: 0 | 3 | 4 | 5;
}

/** 90–100 → 5★, 70–<90 → 4★, 50–<70 → 3★, below 50 → not certified (0). */
export function starsFor(total: number): 0 | 3 | 4 | 5 {
  if (total >= 90) return 5;
  if (total >= 70) return 4;
  if (total >= 50) return 3;
  return 0;
}

/** Totals of 90 and more are decided at the central level (5★ evaluation). */
export const NATIONAL_THRESHOLD = 90;

// Half points are how councils score; anything finer is a typing error.
const isHalfStep = (n: number): boolean => Number.isFinite(n) && Math.round(n * 2) === n * 2;

/** Validates every score against the catalogue and computes parts, total and stars; throws 422 naming each bad criterion. */
export function scoreSheet(scores: readonly CriterionScore[]): ScoreSheet {
  const errors: FieldError[] = [];
  const seen = new Set<string>();
  const parts: Record<OcopPart, number> = { A: 0, B: 0, C: 0 };
  scores.forEach((score, i) => {
    const field = `scores[${i}]`;
    const criterion = criterionByCode.get(score.criterion);
    if (!criterion) {
      errors.push({ field: `${field}.criterion`, code: 'UNKNOWN_CRITERION', message: `${score.criterion} is not a criterion of the OCOP score sheet` });
      return;
    }
    if (seen.has(criterion.code)) errors.push({ field: `${field}.criterion`, code: 'DUPLICATE_CRITERION', message: `${criterion.code} is scored twice` });
    seen.add(criterion.code);
    if (!isHalfStep(score.points) || score.points < 0) {
      errors.push({ field: `${field}.points`, code: 'INVALID_POINTS', message: `${criterion.code}: points must be 0 or more, in steps of 0.5` });
    } else if (score.points > criterion.max) {
      errors.push({ field: `${field}.points`, code: 'ABOVE_MAXIMUM', message: `${criterion.code} scores at most ${criterion.max}, got ${score.points}` });
    } else parts[criterion.part] += score.points;
    if (score.scorer.trim() === '') errors.push({ field: `${field}.scorer`, code: 'REQUIRED', message: `${criterion.code}: the scorer is required` });
  });
  for (const criterion of OCOP_CRITERIA) {
    if (!seen.has(criterion.code)) errors.push({ field: 'scores', code: 'CRITERION_MISSING', message: `${criterion.code} is not scored` });
  }
  for (const part of ['A', 'B', 'C'] as const) {
    if (parts[part] > PART_MAXIMA[part]) {
      errors.push({ field: 'scores', code: 'PART_ABOVE_MAXIMUM', message: `part ${part} totals ${parts[part]}, at most ${PART_MAXIMA[part]}` });
    }
  }
  if (errors.length > 0) throw invalid(errors, 'The score sheet has invalid scores.');
  const total = parts.A + parts.B + parts.C;
  return { scores: scores.map((s) => ({ ...s, scorer: s.scorer.trim() })), parts, total, stars: starsFor(total) };
}
