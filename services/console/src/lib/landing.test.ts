import { landingFor } from './landing';

describe('where people land after signing in', () => {
  it('sends staff to their queue from the front page or an enterprise page, and elsewhere back where they were', () => {
    expect(landingFor(['staff'], '/my')).toBe('/staff/reviews');
    expect(landingFor(['admin'], '/')).toBe('/staff/reviews');
    expect(landingFor(['staff'], '/my/products')).toBe('/staff/reviews');
    expect(landingFor(['staff'], '/staff/applications')).toBe('/staff/applications');
    expect(landingFor(['staff'], '/businesses/b-1')).toBe('/businesses/b-1');
  });

  it('sends an enterprise to its business from the front page', () => {
    expect(landingFor(['enterprise'], '/')).toBe('/my');
    expect(landingFor(['enterprise'], '/my')).toBe('/my');
    expect(landingFor(['enterprise'], '/fairs')).toBe('/fairs');
  });
});
