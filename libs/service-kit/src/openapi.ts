// The pieces every service's OpenAPI 3.1 document is made of, once: the document's frame with the one
// `Problem` schema, the router that serves it, and the helpers that turn the zod schemas the routes validate
// with into request bodies and parameters, so a document says what its server enforces (npm run fuzz holds
// both to it: a schema looser than the server fails the run).
//
// The schemas come from zod's own JSON Schema output (`z.toJSONSchema`, draft 2020-12, the dialect of
// OpenAPI 3.1): it is the validator describing itself, so every bound, format, pattern and enum a route
// checks is in the document with no second declaration to keep in step, and no dependency to add.
import { Router } from 'express';
import { z } from 'zod';
import { accessOf, type Access } from './access';
import type { ProblemDetails } from './problem';

export type Json = Record<string, unknown>;

/** The shape problemOf() answers with (RFC 9457 plus `code`, `requestId` and, on 422, `errors`). */
export const PROBLEM_SCHEMA: Json = {
  type: 'object',
  required: ['type', 'title', 'status', 'code'] satisfies (keyof ProblemDetails)[],
  properties: {
    type: { type: 'string', format: 'uri' },
    title: { type: 'string' },
    status: { type: 'integer', minimum: 400, maximum: 599 },
    detail: { type: 'string' },
    code: { type: 'string', description: 'Stable (UPPER_SNAKE): clients branch on it' },
    instance: { type: 'string' },
    requestId: { type: 'string' },
    errors: {
      type: 'array',
      items: {
        type: 'object',
        required: ['field', 'code', 'message'],
        properties: { field: { type: 'string', description: 'Dotted path, e.g. `round.year`, `scores[2].points`' }, code: { type: 'string' }, message: { type: 'string' } },
      },
    },
  },
};

export const ref = (name: string): Json => ({ $ref: `#/components/schemas/${name}` });

/** An RFC 9457 problem response; the document's components define `Problem` (openApiDocument does). */
export const problemResponse = (description: string): Json => ({
  description,
  content: { 'application/problem+json': { schema: ref('Problem') } },
});

/** A JSON response; without a schema, any object. */
export const jsonResponse = (description = 'OK', schema: Json = { type: 'object' }, headers?: Json): Json => ({
  description,
  content: { 'application/json': { schema } },
  ...(headers ? { headers } : {}),
});

/** The JSON Schema of what a zod schema accepts as input (before transforms and defaults). */
export function jsonSchemaOf(schema: z.ZodType): Json {
  const { $schema: _dialect, ...rest } = z.toJSONSchema(schema, { target: 'draft-2020-12', io: 'input', unrepresentable: 'any' }) as Json;
  return rest;
}

/** A JSON request body validated by `schema`. */
export function requestBody(schema: z.ZodType, options: { required?: boolean; mediaTypes?: readonly string[]; description?: string } = {}): Json {
  const json = jsonSchemaOf(schema);
  return {
    required: options.required ?? true,
    ...(options.description ? { description: options.description } : {}),
    content: Object.fromEntries((options.mediaTypes ?? ['application/json']).map((type) => [type, { schema: json }])),
  };
}

function parametersOf(schema: z.ZodObject, location: 'query' | 'path', descriptions: Record<string, string>): Json[] {
  const json = jsonSchemaOf(schema);
  const required = new Set((json.required as string[] | undefined) ?? []);
  return Object.entries((json.properties ?? {}) as Record<string, Json>).map(([name, { description, ...property }]) => {
    const text = descriptions[name] ?? description;
    return { name, in: location, required: location === 'path' || required.has(name), schema: property, ...(text ? { description: text } : {}) };
  });
}

/** One query parameter per key of the zod object the route parses `req.query` with. */
export const queryParameters = (schema: z.ZodObject, descriptions: Record<string, string> = {}): Json[] => parametersOf(schema, 'query', descriptions);

/** One path parameter per key of the zod object the route parses `req.params` with. */
export const pathParameters = (schema: z.ZodObject, descriptions: Record<string, string> = {}): Json[] => parametersOf(schema, 'path', descriptions);

export const SECURITY = {
  /** A bearer token is required. */
  bearer: [{ bearer: [] }],
  /** Anonymous, or with a token (which may show more). */
  anyone: [{}, { bearer: [] }],
} as const;

/**
 * What an access rule says in the document: who may call (`x-roles`, and the summary's words) and whether a
 * token is needed. The same rule guards the route and the use case (access.ts): the three cannot disagree.
 */
export function accessDocumentation(access: Access): Json {
  const rule = accessOf(access);
  if (rule.roles === 'public') return { security: SECURITY.anyone };
  return { security: SECURITY.bearer, 'x-roles': [...rule.roles], ...(rule.note ? { 'x-access': rule.note } : {}) };
}

export interface DocumentInfo {
  title: string;
  description: string;
  version?: string;
  /** components.schemas besides Problem. */
  schemas?: Record<string, Json>;
  paths: Record<string, Json>;
  tags?: Json[];
}

/** An OpenAPI 3.1 document: the frame, the shared Problem schema and bearer scheme, the pipeline's responses. */
export function openApiDocument(info: DocumentInfo): Json {
  return {
    openapi: '3.1.0',
    info: { title: info.title, version: info.version ?? '1.0.0', description: info.description },
    servers: [{ url: '/' }],
    ...(info.tags ? { tags: info.tags } : {}),
    components: {
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } },
      schemas: { Problem: PROBLEM_SCHEMA, ...info.schemas },
    },
    paths: withPlatformResponses(info.paths),
  };
}

/**
 * Serves the document at /v1/openapi.json. A factory is called again once a day: bounds that follow the
 * calendar (an evaluation round's last year) stay true on a service that runs across New Year.
 */
export function openApiRouter(document: Json | ((now: Date) => Json), clock: () => Date = () => new Date()): Router {
  const router = Router();
  let cached: { day: string; body: string } | undefined;
  router.get('/v1/openapi.json', (_req, res) => {
    const now = clock();
    const day = now.toISOString().slice(0, 10);
    if (cached?.day !== day) cached = { day, body: JSON.stringify(typeof document === 'function' ? document(now) : document) };
    res.type('application/json').send(cached.body);
  });
  return router;
}

// What any operation of a hangviet service may answer from the shared HTTP pipeline (createHttpApp and
// finishHttpApp), added to every operation of a service's OpenAPI document, so that the documents and the
// servers agree on it (npm run fuzz checks every documented status) without each service listing it again.
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
