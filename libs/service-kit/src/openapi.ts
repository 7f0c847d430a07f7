// What any operation of a hangviet service may answer from the shared HTTP pipeline (createHttpApp and
// finishHttpApp), added to every operation of a service's OpenAPI document, so that the documents and the
// servers agree on it (npm run fuzz checks every documented status) without each service listing it again.
type Json = Record<string, unknown>;

/** An RFC 9457 problem response; the document's components must define `Problem`. */
export const problemResponse = (description: string): Json => ({
  description,
  content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } },
});

const retryAfter = { 'Retry-After': { description: 'Seconds to wait before retrying', schema: { type: 'integer', minimum: 1 } } };

const EVERY_OPERATION: Record<string, Json> = {
  '400': problemResponse('PATH_ENCODING_INVALID, CONTENT_ENCODING_INVALID, MALFORMED_JSON: the request cannot be read'),
  '422': problemResponse('Invalid input; errors[] names each field'),
  '429': { ...problemResponse('RATE_LIMITED: per client, per principal, or a rule of the route'), headers: retryAfter },
  '503': { ...problemResponse('DATABASE_UNAVAILABLE, or a service this one asks is unavailable: retry shortly'), headers: retryAfter },
};
const WITH_PATH_PARAMETER: Record<string, Json> = { '404': problemResponse('Not found (or not visible to the caller)') };
const WITH_BODY: Record<string, Json> = {
  '413': problemResponse('PAYLOAD_TOO_LARGE'),
  '415': problemResponse('UNSUPPORTED_MEDIA_TYPE, UNSUPPORTED_ENCODING: not the media type this operation takes'),
};
const WITH_TOKEN: Record<string, Json> = {
  '401': problemResponse('TOKEN_MISSING or TOKEN_INVALID'),
  '403': problemResponse('The role or ownership this operation needs'),
};

const METHODS = new Set(['get', 'put', 'post', 'delete', 'patch', 'head', 'options']);

/** Adds the pipeline's responses to each operation of `paths` where the operation does not say otherwise. */
export function withPlatformResponses<T extends Record<string, unknown>>(paths: T): T {
  for (const [path, item] of Object.entries(paths)) {
    for (const [method, op] of Object.entries(item as Record<string, Json>)) {
      if (!METHODS.has(method)) continue;
      const responses = (op.responses ??= {}) as Record<string, Json>;
      const security = op.security as Json[] | undefined;
      const tokenTaken = security === undefined || security.some((requirement) => Object.keys(requirement).length > 0);
      for (const [status, response] of Object.entries({
        ...EVERY_OPERATION,
        ...(path.includes('{') ? WITH_PATH_PARAMETER : {}),
        ...(op.requestBody ? WITH_BODY : {}),
        ...(tokenTaken ? WITH_TOKEN : {}),
      })) {
        responses[status] ??= response;
      }
    }
  }
  return paths;
}

interface RouterLayer {
  route?: { path: string; methods: Record<string, boolean> };
}

/**
 * "METHOD /path" for every route of express routers, in OpenAPI path syntax (`:id` → `{id}`, `\:approve` →
 * `:approve`): what a service's test compares with the operations its OpenAPI document lists.
 */
export function routeSignatures(...routers: { stack: unknown[] }[]): string[] {
  return routers.flatMap((router) =>
    (router.stack as RouterLayer[]).flatMap((layer) => {
      if (!layer.route) return [];
      const path = layer.route.path.replace(/(?<!\\):([A-Za-z]+)/g, '{$1}').replace(/\\:/g, ':');
      return Object.keys(layer.route.methods).map((m) => `${m.toUpperCase()} ${path}`);
    }),
  );
}
