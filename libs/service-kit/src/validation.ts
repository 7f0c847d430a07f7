import type { z } from 'zod';
import { invalid, type FieldError } from './errors';
import { UnparsedBody, unsupportedBody } from './input-guards';

export type InputLocation = 'body' | 'query' | 'params';

/** Parses input at the edge; on failure throws invalid() with one FieldError per problem, dotted paths. */
export function parse<T>(schema: z.ZodType<T>, input: unknown, location: InputLocation = 'body'): T {
  // A body no parser read (text/plain on a JSON route) is the wrong media type, not missing fields.
  if (input instanceof UnparsedBody) throw unsupportedBody(input);
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  throw invalid(toFieldErrors(result.error.issues, input, location), `The request ${location} has invalid fields.`);
}

export function toFieldErrors(issues: readonly z.core.$ZodIssue[], input: unknown, location: InputLocation = 'body'): FieldError[] {
  const errors: FieldError[] = [];
  for (const issue of issues) {
    const path = issue.path.map(String);
    if (issue.code === 'unrecognized_keys') {
      // One error per unknown key, so a client can point at each one.
      for (const key of issue.keys) {
        errors.push({ field: joinPath([...path, key], location), code: 'UNKNOWN_FIELD', message: `Unknown field "${key}".` });
      }
      continue;
    }
    errors.push({ field: joinPath(path, location), code: issueCode(issue, input), message: issue.message });
  }
  return errors;
}

function joinPath(path: string[], location: InputLocation): string {
  return path.length ? path.join('.') : location;
}

function issueCode(issue: z.core.$ZodIssue, input: unknown): string {
  switch (issue.code) {
    case 'invalid_type':
      return valueAt(input, issue.path) === undefined ? 'REQUIRED' : 'INVALID_TYPE';
    case 'too_small':
      return 'TOO_SMALL';
    case 'too_big':
      return 'TOO_BIG';
    case 'invalid_format':
      return 'INVALID_FORMAT';
    case 'invalid_value':
    case 'invalid_union':
    case 'invalid_key':
    case 'invalid_element':
      return 'INVALID_VALUE';
    case 'not_multiple_of':
      return 'NOT_MULTIPLE_OF';
    case 'custom': {
      // Refinements may name their own stable code: .refine(fn, { params: { code: 'DATE_IN_PAST' } }).
      const code = (issue.params as { code?: unknown } | undefined)?.code;
      return typeof code === 'string' ? code : 'INVALID';
    }
    default:
      return 'INVALID';
  }
}

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let current = input;
  for (const key of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<PropertyKey, unknown>)[key];
  }
  return current;
}
