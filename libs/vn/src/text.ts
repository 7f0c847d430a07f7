// Vietnamese text: NFC storage form, the diacritic-free search key, prefix tokens for an index
// field, and a ranking signal that puts exact-diacritic matches first ("đá" before "da").

/** Longest prefix stored by `searchTokens`; `queryTokens` cuts words to the same length. */
export const SEARCH_PREFIX_MAX = 20;

const COMBINING_MARKS = /[\u0300-\u036f]/g;
// `đ` has no decomposition under NFD, so it and its look-alikes (Đ đ Ð Ɖ ɖ) are mapped explicitly.
const D_LOOKALIKES = /[\u0110\u0111\u00d0\u0189\u0256]/g;
const SPACES = /\s+/g;
const WORD_SEPARATORS = /[^\p{L}\p{N}]+/u;

/** Storage form: NFC, trimmed, inner whitespace collapsed to one space. */
export function normalizeText(s: string): string {
  return s.normalize('NFC').replace(SPACES, ' ').trim();
}

/** Search key: "ĐẮK LẮK" → "dak lak", "Thanh Hoá" and "Thanh Hóa" → "thanh hoa". */
export function foldVietnamese(s: string): string {
  // NFD of any canonically equivalent input is the same, so the NFC step of the rule is implied.
  return s
    .normalize('NFD')
    .replace(COMBINING_MARKS, '')
    .replace(D_LOOKALIKES, 'd')
    .toLowerCase()
    .replace(SPACES, ' ')
    .trim();
}

function words(folded: string): string[] {
  return folded.split(WORD_SEPARATORS).filter((w) => w.length > 0);
}

/**
 * Tokens for a prefix-aware index field (e.g. a multikey array with an ordinary index): every
 * folded word plus each of its prefixes from 2 to `SEARCH_PREFIX_MAX` characters, deduplicated.
 * Storing prefixes lets "ben t" find "Bến Tre" with an exact-match lookup on an index instead of
 * an unanchored regular expression scan; the cap bounds the size of the field.
 */
export function searchTokens(...texts: (string | undefined)[]): string[] {
  const tokens = new Set<string>();
  for (const text of texts) {
    if (text === undefined) continue;
    for (const word of words(foldVietnamese(text))) {
      tokens.add(word);
      const longest = Math.min(word.length, SEARCH_PREFIX_MAX);
      for (let end = 2; end <= longest; end += 1) tokens.add(word.slice(0, end));
    }
  }
  return [...tokens];
}

/**
 * Folded words of a search query, deduplicated and cut to `SEARCH_PREFIX_MAX` characters so each
 * one is found among the tokens `searchTokens` stored.
 */
export function queryTokens(q: string): string[] {
  return [...new Set(words(foldVietnamese(q)).map((w) => w.slice(0, SEARCH_PREFIX_MAX)))];
}

function exactWords(s: string): string[] {
  return s.normalize('NFC').toLocaleLowerCase('vi').split(WORD_SEPARATORS).filter((w) => w.length > 0);
}

/**
 * How many query words occur in `text` with the same diacritics (case-insensitive, NFC), as a
 * whole word or a word prefix. Folding merges "đá" (stone) and "da" (leather); sorting results by
 * this score, descending, shows the spelling the user typed first.
 */
export function diacriticScore(query: string, text: string): number {
  const textWords = exactWords(text);
  return [...new Set(exactWords(query))].filter((q) => textWords.some((w) => w.startsWith(q))).length;
}
