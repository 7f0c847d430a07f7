// Rules that span fields, declared once and rendered twice: as the zod refinement the route validates with
// (with the stable code clients branch on) and as the JSON Schema the OpenAPI document shows (zod's own
// output cannot see inside a refinement), so a document is no looser than its server.
import { z } from 'zod';

/** At least one of `fields` is present: `anyOf` of `required` in the document, `code` on the first field otherwise. */
export function requireOneOf<T extends z.ZodObject>(schema: T, fields: readonly (keyof z.infer<T> & string)[], code: string, message: string): T {
  const refined = schema.refine((value: Record<string, unknown>) => fields.some((f) => value[f] !== undefined && value[f] !== ''), {
    message,
    path: [fields[0]!],
    params: { code },
  });
  return refined.meta({ anyOf: fields.map((f) => ({ required: [f] })) }) as unknown as T;
}

/**
 * `pageToken` of every list (AIP-158): opaque, issued by the server as `nextPageToken` and bound to the query;
 * none (or empty) asks for the first page. `format: page-token` tells a client (and the fuzzer) that it cannot
 * make one up: anything but a token this API returned is 422 PAGE_TOKEN_INVALID or PAGE_TOKEN_MISMATCH.
 */
export const pageTokenSchema = z
  .string()
  .max(1000)
  .meta({ format: 'page-token', description: 'The nextPageToken of the previous page, with the other parameters unchanged; empty or absent for the first page' });
