// The bytes of an uploaded spreadsheet as text (issue 12, item 9). Windows exports of the centres' sheets are
// Windows-1258 ("CSV") or UTF-16 ("Unicode text"), not UTF-8: decoding them as UTF-8 stored U+FFFD in names.
// Order: a BOM, a declared charset, valid UTF-8, then detection (chardet) of the encodings iconv-lite converts;
// anything else is refused with what was found. Text that still holds U+FFFD is refused, never stored.
import { invalid } from '@hangviet/service-kit/errors';
import chardet from 'chardet';
import iconv from 'iconv-lite';

export interface DecodedCsv {
  text: string;
  /** The encoding the bytes were read as. */
  encoding: string;
}

/** What detection may pick without a declaration: UTF-16 and the single-byte code pages of Vietnamese exports. */
const DETECTABLE = new Set(['UTF-16LE', 'UTF-16BE', 'windows-1258', 'windows-1252', 'ISO-8859-1']);

function refuse(code: string, message: string): never {
  throw invalid([{ field: 'body', code, message }], 'The CSV file cannot be read as text.');
}

export function decodeCsv(bytes: Buffer, declaredCharset?: string): DecodedCsv {
  const decoded = decodeBytes(bytes, declaredCharset);
  const bad = decoded.text.indexOf('\ufffd');
  if (bad >= 0) {
    const line = decoded.text.slice(0, bad).split('\n').length;
    refuse('REPLACEMENT_CHARACTER', `Line ${line} holds U+FFFD (a character lost before upload, or bytes that are not ${decoded.encoding}); fix the file and upload it again.`);
  }
  // Windows-1258 writes tone marks as combining characters: store the composed (NFC) form like every other input.
  return { text: decoded.text.normalize('NFC'), encoding: decoded.encoding };
}

function decodeBytes(bytes: Buffer, declaredCharset?: string): DecodedCsv {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { text: bytes.subarray(3).toString('utf8'), encoding: 'UTF-8' };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: iconv.decode(bytes.subarray(2), 'utf-16le'), encoding: 'UTF-16LE' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: iconv.decode(bytes.subarray(2), 'utf-16be'), encoding: 'UTF-16BE' };
  const declared = declaredCharset?.trim().toLowerCase();
  if (declared && declared !== 'utf-8' && declared !== 'utf8') {
    if (!iconv.encodingExists(declared)) refuse('CSV_ENCODING_UNSUPPORTED', `The declared charset ${declaredCharset} is not one this service converts; save the file as UTF-8.`);
    return { text: iconv.decode(bytes, declared), encoding: declared };
  }
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'UTF-8' };
  } catch {
    if (declared) refuse('CSV_ENCODING_MISMATCH', 'The file was declared UTF-8 but is not valid UTF-8; declare its real charset (e.g. charset=windows-1258) or save it as UTF-8.');
  }
  const guess = chardet.analyse(bytes).find((m) => m.confidence >= 10 && DETECTABLE.has(m.name));
  if (!guess) {
    const top = chardet.detect(bytes);
    refuse('CSV_ENCODING_UNDETECTED', `The file is not UTF-8${top ? ` (it looks like ${top})` : ''}; save it as UTF-8 or declare its charset, e.g. text/csv; charset=windows-1258.`);
  }
  // A Vietnamese sheet detected as a Western code page is Windows-1258: the two share the ASCII range.
  const encoding = guess.name === 'windows-1252' || guess.name === 'ISO-8859-1' ? 'windows-1258' : guess.name;
  return { text: iconv.decode(bytes, encoding), encoding };
}
