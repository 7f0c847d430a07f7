import { industry, isValidIndustryCode, searchIndustries } from './industries';

describe('industries', () => {
  it('keys industries on (edition, code): the same code differs between editions', () => {
    expect(industry('2018', 'J')?.nameEn).toBe('Information and communication');
    expect(industry('2025', 'J')?.nameEn).toBe('Publishing, broadcasting, and content production and distribution activities');
    expect(industry('2025', 'V')).toMatchObject({ level: 'SECTION' });
    expect(industry('2018', 'V')).toBeUndefined();
  });

  it('has every division, each under its section', () => {
    const divisions = (edition: '2018' | '2025') =>
      Array.from({ length: 99 }, (_, i) => String(i + 1).padStart(2, '0')).filter((c) => industry(edition, c));
    expect(divisions('2018')).toHaveLength(88);
    expect(divisions('2025')).toHaveLength(87);
    expect(industry('2018', '10')).toMatchObject({ level: 'DIVISION', section: 'C' });
    expect(industry('2025', '68')).toMatchObject({ section: 'M' });
  });

  it('has trade-show organisation at 4 and 5 digits', () => {
    expect(industry('2018', '82300')).toMatchObject({ level: 'SUBCLASS', section: 'N', nameVi: 'Tổ chức giới thiệu và xúc tiến thương mại' });
    expect(industry('2025', '8230')).toMatchObject({ level: 'CLASS', section: 'O' });
  });

  it('validates codes against the divisions of the edition', () => {
    expect(isValidIndustryCode('2018', 'A')).toBe(true);
    expect(isValidIndustryCode('2018', 'V')).toBe(false);
    expect(isValidIndustryCode('2025', 'v')).toBe(true);
    expect(isValidIndustryCode('2018', '45200')).toBe(true);
    expect(isValidIndustryCode('2025', '4520')).toBe(false);
    expect(isValidIndustryCode('2018', '1')).toBe(false);
    expect(isValidIndustryCode('2018', '101010')).toBe(false);
    expect(isValidIndustryCode('2018', '04')).toBe(false);
  });

  it('searches Vietnamese names without diacritics, English names and code prefixes', () => {
    expect(searchIndustries('2018', 'xuc tien thuong mai').map((i) => i.code)).toEqual(['8230', '82300']);
    expect(searchIndustries('2018', 'Cà phê').map((i) => i.code)).toEqual(['0126', '1077']);
    expect(searchIndustries('2018', 'trade shows').map((i) => i.code)).toEqual(['8230', '82300']);
    expect(searchIndustries('2018', '110').map((i) => i.code)).toEqual(['1101', '1102', '1103', '1104']);
    expect(searchIndustries('2025', 'g').map((i) => i.code)).toEqual(['G']);
    expect(searchIndustries('2025', '  ')).toEqual([]);
  });
});
