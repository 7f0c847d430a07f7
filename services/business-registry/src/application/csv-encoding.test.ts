import iconv from 'iconv-lite';
import { AppError } from '@hangviet/service-kit/errors';
import { decodeCsv } from './csv-encoding';

/** How Windows-1258 writes Vietnamese: precomposed base vowels (ô, ư, ơ, ă, â, ê), tone marks combining. */
function windows1258(text: string): Buffer {
  const tones = /[\u0300\u0301\u0303\u0309\u0323]/g;
  const spelled = [...text].map((c) => {
    const d = c.normalize('NFD');
    return d.replace(tones, '').normalize('NFC') + (d.match(tones) ?? []).join('');
  });
  return iconv.encode(spelled.join(''), 'windows-1258');
}

const SHEET = 'ma so thue,ten doanh nghiep\n0100233488,Công ty TNHH Kẹo Dừa Bến Tre Thượng Hạng\n';

function refusal(fn: () => unknown): { field: string; code: string } {
  try {
    fn();
  } catch (err) {
    if (err instanceof AppError && err.errors?.[0]) return err.errors[0];
    throw err;
  }
  throw new Error('expected a refusal');
}

describe('decodeCsv', () => {
  it('reads UTF-8, with or without a BOM', () => {
    expect(decodeCsv(Buffer.from(SHEET)).text).toBe(SHEET);
    expect(decodeCsv(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(SHEET)]))).toEqual({ text: SHEET, encoding: 'UTF-8' });
  });

  it('converts UTF-16LE ("Unicode text" from Excel) by its BOM', () => {
    const bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(SHEET, 'utf-16le')]);
    expect(decodeCsv(bytes)).toEqual({ text: SHEET, encoding: 'UTF-16LE' });
  });

  it('detects and converts Windows-1258 (tone marks composed to NFC)', () => {
    const bytes = windows1258(SHEET);
    expect(bytes.includes(0x3f)).toBe(false); // no '?': every character had a code
    const decoded = decodeCsv(bytes);
    expect(decoded.encoding).toBe('windows-1258');
    expect(decoded.text).toBe(SHEET);
    expect(decoded.text).not.toContain('\ufffd');
  });

  it('a declared charset wins', () => {
    expect(decodeCsv(windows1258(SHEET), 'windows-1258').text).toBe(SHEET);
  });

  it('refuses an unknown declared charset and a file declared UTF-8 that is not', () => {
    expect(refusal(() => decodeCsv(Buffer.from(SHEET), 'x-klingon'))).toMatchObject({ field: 'body', code: 'CSV_ENCODING_UNSUPPORTED' });
    expect(refusal(() => decodeCsv(windows1258(SHEET), 'utf-8'))).toMatchObject({ code: 'CSV_ENCODING_MISMATCH' });
  });

  it('never passes U+FFFD on: a file that already holds one is refused with its line', () => {
    const r = refusal(() => decodeCsv(Buffer.from('a,b\n1,C\ufffdng ty\n')));
    expect(r.code).toBe('REPLACEMENT_CHARACTER');
  });
});
