import { isLocale, LOCALES, toLocale } from './locale';

describe('locale', () => {
  it.each([
    ['en', 'en'],
    ['en-US', 'en'],
    ['EN', 'en'],
    ['vi-VN', 'vi'],
    ['', 'vi'],
    [undefined, 'vi'],
    ['fr', 'vi'],
  ])('%p → %p', (tag, locale) => {
    expect(toLocale(tag)).toBe(locale);
  });

  it('knows exactly the supported locales', () => {
    expect(LOCALES).toEqual(['vi', 'en']);
    expect(LOCALES.every(isLocale)).toBe(true);
    expect(isLocale('fr')).toBe(false);
  });
});
