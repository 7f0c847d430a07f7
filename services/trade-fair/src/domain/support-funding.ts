// Support funding: the share of the booth fee the promotion programme pays, from the fair's policy and
// the business's participations that year, capped per business per year. Pure; amounts in whole VND.
import type { SupportPolicy } from './fair';

export interface SupportGrant {
  feeVnd: number;
  percent: number;
  amountVnd: number;
  /** FIRST_PARTICIPATION or LATER_PARTICIPATION; CAPPED when the yearly cap cut it. */
  basis: 'FIRST_PARTICIPATION' | 'LATER_PARTICIPATION';
  capped: boolean;
}

export function computeSupport(input: {
  boothFeeVnd: number;
  booths: number;
  policy: SupportPolicy;
  /** Other fairs of that calendar year where the business holds booths. */
  participationsThisYear: number;
  /** Support already granted to the business that year. */
  supportThisYearVnd: number;
}): SupportGrant {
  const feeVnd = input.boothFeeVnd * input.booths;
  const first = input.participationsThisYear === 0;
  const percent = first ? input.policy.firstParticipationPercent : input.policy.laterParticipationPercent;
  const uncapped = Math.floor((feeVnd * percent) / 100);
  const cap = input.policy.capPerBusinessPerYearVnd;
  const room = cap > 0 ? Math.max(0, cap - input.supportThisYearVnd) : Number.MAX_SAFE_INTEGER;
  const amountVnd = Math.min(uncapped, room);
  return { feeVnd, percent, amountVnd, basis: first ? 'FIRST_PARTICIPATION' : 'LATER_PARTICIPATION', capped: amountVnd < uncapped };
}
