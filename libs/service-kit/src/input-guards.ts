// Checks every request passes before any route sees it (issue 12, items 8, 10, 12): a path that does not
// percent-decode is a 400, a body in a media type no route parsed is a 415 when a route reads it, and no
// string anywhere in a JSON body or the query may carry NUL, a bidi override or a lone surrogate.
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { badRequest, invalid, unsupportedMediaType, type FieldError } from './errors';

// eslint-disable-next-line no-control-regex -- refusing control characters is the point
const CONTROL = /[\u0001-\u0008\u000b\u000c\u000e-\u001f\u007f]/;
const BIDI = /[\u202a-\u202e\u2066-\u2069]/;
// Without the u flag a regex sees UTF-16 units: a high half not followed by a low one, or a low one not after a high.
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** Why a string is refused (NUL, other C0 controls but tab/LF/CR, bidi controls, lone surrogates), else undefined. */
export function unsafeTextReason(text: string): 'NUL_CHARACTER' | 'CONTROL_CHARACTER' | 'BIDI_CONTROL' | 'LONE_SURROGATE' | undefined {
  if (text.includes('\u0000')) return 'NUL_CHARACTER';
  if (BIDI.test(text)) return 'BIDI_CONTROL';
  if (LONE_SURROGATE.test(text)) return 'LONE_SURROGATE';
  if (CONTROL.test(text)) return 'CONTROL_CHARACTER';
  return undefined;
}

const MESSAGES = {
  NUL_CHARACTER: 'NUL characters are not allowed.',
  CONTROL_CHARACTER: 'Control characters other than tab and line breaks are not allowed.',
  BIDI_CONTROL: 'Bidirectional override and isolate characters (U+202A–U+202E, U+2066–U+2069) are not allowed.',
  LONE_SURROGATE: 'The text contains an unpaired UTF-16 surrogate.',
} as const;

/** Deepest nesting of arrays and objects a JSON body or query may have; no API shape here comes close. */
export const MAX_INPUT_DEPTH = 32;

/**
 * One field error per unsafe string (keys included), named by its dotted JSON path like parse() does.
 * Iterative (an explicit stack), so a body of 5,000 nested arrays cannot overflow the call stack; a value
 * nested deeper than MAX_INPUT_DEPTH is one error (`NESTED_TOO_DEEPLY`) and is not walked further.
 */
export function unsafeTextErrors(value: unknown, path: string[] = [], out: FieldError[] = [], root = 'body'): FieldError[] {
  const stack: { value: unknown; path: string[] }[] = [{ value, path }];
  while (stack.length > 0 && out.length < 20) {
    const next = stack.pop()!;
    const field = () => (next.path.length ? next.path.join('.') : root);
    if (typeof next.value === 'string') {
      const reason = unsafeTextReason(next.value);
      if (reason) out.push({ field: field(), code: reason, message: MESSAGES[reason] });
      continue;
    }
    if (next.value === null || typeof next.value !== 'object') continue;
    if (next.path.length - path.length >= MAX_INPUT_DEPTH) {
      out.push({ field: field(), code: 'NESTED_TOO_DEEPLY', message: `Values may be nested at most ${MAX_INPUT_DEPTH} levels deep.` });
      continue;
    }
    // Pushed in reverse so errors come out in document order.
    const children: { value: unknown; path: string[] }[] = [];
    if (Array.isArray(next.value)) {
      next.value.forEach((item, i) => children.push({ value: item, path: [...next.path, String(i)] }));
    } else {
      for (const [key, item] of Object.entries(next.value as Record<string, unknown>)) {
        const reason = unsafeTextReason(key);
        if (reason) out.push({ field: [...next.path, key].join('.'), code: reason, message: `Field name: ${MESSAGES[reason]}` });
        else children.push({ value: item, path: [...next.path, key] });
      }
    }
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]!);
  }
  return out.slice(0, 20);
}

/** A path that is not valid percent-encoded UTF-8 (`/v1/businesses/%E0%A4%A`) names no resource: 400. */
export const pathEncodingGuard: RequestHandler = (req, _res, next) => {
  try {
    decodeURIComponent(req.path);
  } catch {
    throw badRequest('PATH_ENCODING_INVALID', 'The request path is not valid percent-encoded UTF-8.');
  }
  next();
};

/** Refuses unsafe text in the parsed JSON body and the query (422 VALIDATION_FAILED with field paths). */
export const textGuard: RequestHandler = (req, _res, next) => {
  const errors = [...unsafeTextErrors(req.query, [], [], 'query')];
  if (isPlainBody(req.body)) unsafeTextErrors(req.body, [], errors);
  if (errors.length) throw invalid(errors, 'The request has fields with characters that are not allowed.');
  next();
};

/**
 * What `req.body` holds when a request carried a body in a media type that no parser read (e.g. text/plain
 * on a JSON route). `parse(schema, req.body)` answers it with 415 UNSUPPORTED_MEDIA_TYPE; a route that takes
 * another type parses it itself (express.text on the CSV import), which replaces this marker.
 */
export class UnparsedBody {
  constructor(readonly contentType: string) {}
}

export const unsupportedBody = (body: UnparsedBody) =>
  unsupportedMediaType('UNSUPPORTED_MEDIA_TYPE', `This endpoint takes application/json, not ${body.contentType || 'a body without a Content-Type'}.`, {
    contentType: body.contentType,
  });

/** After the JSON parser: a body it did not read is marked, so a JSON route can say 415 rather than 422. */
export const unparsedBodyMarker: RequestHandler = (req: Request, _res: Response, next: NextFunction) => {
  const hasBody = req.headers['transfer-encoding'] !== undefined || Number(req.headers['content-length'] ?? 0) > 0;
  if (hasBody && req.body === undefined) req.body = new UnparsedBody(String(req.headers['content-type'] ?? ''));
  next();
};

function isPlainBody(body: unknown): boolean {
  return body !== undefined && !(body instanceof UnparsedBody);
}

/** `/v1/businesses/{id}` with every segment percent-encoded: ids never reach a Location header raw. */
export function resourcePath(prefix: string, ...segments: string[]): string {
  return [prefix.replace(/\/+$/, ''), ...segments.map((s) => encodeURIComponent(s))].join('/');
}
