import { SEARCH_PREFIX_MAX, diacriticScore, foldVietnamese, normalizeText, queryTokens, searchTokens } from './text';

describe('foldVietnamese', () => {
  it.each([
    ['Bến Tre', 'ben tre'],
    ['ĐẮK LẮK', 'dak lak'],
    ['  Thành   phố\tHồ Chí Minh ', 'thanh pho ho chi minh'],
    ['\u00d0à Nẵng', 'da nang'],
    ['\u0189ồng Nai', 'dong nai'],
  ])('folds %j to %j', (input, folded) => {
    expect(foldVietnamese(input)).toBe(folded);
  });

  it('folds the old and new tone placement alike', () => {
    expect(foldVietnamese('Thanh Hoá')).toBe(foldVietnamese('Thanh Hóa'));
  });

  it('folds NFD input like NFC input', () => {
    const nfc = 'Đắk Lắk Hòa';
    expect(foldVietnamese(nfc.normalize('NFD'))).toBe(foldVietnamese(nfc));
  });
});

describe('normalizeText', () => {
  it('stores NFC with collapsed spaces', () => {
    const result = normalizeText('  Bến   Tre '.normalize('NFD'));
    expect(result).toBe('Bến Tre'.normalize('NFC'));
    expect(result.length).toBe(7);
  });
});

describe('searchTokens / queryTokens', () => {
  it('stores folded words and their prefixes from 2 characters, once each', () => {
    const tokens = searchTokens('Bánh tráng', undefined, 'bánh');
    expect(tokens.sort()).toEqual(['ba', 'ban', 'banh', 'tr', 'tra', 'tran', 'trang'].sort());
  });

  it('lets a partial query match through the stored prefixes', () => {
    const tokens = new Set(searchTokens('Cơ sở Đá mỹ nghệ Non Nước'));
    expect(queryTokens('da my ngh').every((t) => tokens.has(t))).toBe(true);
    expect(queryTokens('gốm').every((t) => tokens.has(t))).toBe(false);
  });

  it('caps prefixes at SEARCH_PREFIX_MAX and cuts query words to match', () => {
    const long = 'a'.repeat(SEARCH_PREFIX_MAX + 5);
    const tokens = new Set(searchTokens(long));
    expect(tokens.has(long)).toBe(true);
    expect(tokens.has(long.slice(0, SEARCH_PREFIX_MAX + 1))).toBe(false);
    expect(queryTokens(long.slice(0, SEARCH_PREFIX_MAX + 2))).toEqual([long.slice(0, SEARCH_PREFIX_MAX)]);
  });

  it('returns folded, deduplicated query words', () => {
    expect(queryTokens('  ĐÁ  đá, mỹ-nghệ ')).toEqual(['da', 'my', 'nghe']);
  });
});

describe('diacriticScore', () => {
  it('ranks the exact spelling above a folded-only match', () => {
    const stone = 'Đá mỹ nghệ Non Nước';
    const leather = 'Da thuộc Hà Nội';
    expect(diacriticScore('đá', stone)).toBeGreaterThan(diacriticScore('đá', leather));
    expect(diacriticScore('da', leather)).toBeGreaterThan(diacriticScore('da', stone));
  });

  it('ignores case and Unicode normalisation form', () => {
    expect(diacriticScore('ĐÁ MỸ'.normalize('NFD'), 'đá mỹ nghệ')).toBe(2);
  });
});
