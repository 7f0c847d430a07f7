import { computeSupport } from './support-funding';

const policy = { firstParticipationPercent: 100, laterParticipationPercent: 50, capPerBusinessPerYearVnd: 5_000_000 };

describe('computeSupport', () => {
  it('pays the first participation share, then the later share', () => {
    expect(computeSupport({ boothFeeVnd: 3_000_000, booths: 1, policy, participationsThisYear: 0, supportThisYearVnd: 0 })).toEqual({
      feeVnd: 3_000_000, percent: 100, amountVnd: 3_000_000, basis: 'FIRST_PARTICIPATION', capped: false,
    });
    expect(computeSupport({ boothFeeVnd: 3_000_000, booths: 1, policy, participationsThisYear: 1, supportThisYearVnd: 3_000_000 })).toEqual({
      feeVnd: 3_000_000, percent: 50, amountVnd: 1_500_000, basis: 'LATER_PARTICIPATION', capped: false,
    });
  });
  it('caps support per business per year', () => {
    expect(computeSupport({ boothFeeVnd: 3_000_000, booths: 2, policy, participationsThisYear: 1, supportThisYearVnd: 4_000_000 })).toMatchObject({ amountVnd: 1_000_000, capped: true });
    expect(computeSupport({ boothFeeVnd: 3_000_000, booths: 2, policy, participationsThisYear: 2, supportThisYearVnd: 6_000_000 })).toMatchObject({ amountVnd: 0, capped: true });
  });
  it('has no cap when the cap is 0', () => {
    expect(computeSupport({ boothFeeVnd: 10_000_000, booths: 3, policy: { ...policy, capPerBusinessPerYearVnd: 0 }, participationsThisYear: 0, supportThisYearVnd: 9e9 })).toMatchObject({ amountVnd: 30_000_000, capped: false });
  });
});
