// The OpenAPI 3.1 document of this API, served at /v1/openapi.json: bodies and parameters from the zod schemas
// the routes validate with, who may call from the access table the guards and use cases read. openapi.test.ts
// holds the route list to the routers; npm run fuzz holds the bounds to the server.
import { accessDocumentation, jsonResponse, openApiDocument as document, openApiRouter as documentRouter, pathParameters, requestBody, type Json } from '@hangviet/service-kit';
import type { Router } from 'express';
import { ACCESS } from '../../application/access-rules';
import { idParams, openBody } from './sourcing-requests-router';

const who = (operationId: keyof typeof ACCESS): Json => ({ operationId, ...accessDocumentation(ACCESS[operationId]) });

export function openApiDocument(): Json {
  return document({
    title: 'hangviet sourcing',
    description: 'Errors are RFC 9457 problem+json with a stable `code`.',
    paths: {
      '/v1/sourcing-requests': {
        post: { ...who('openSourcingRequest'), summary: 'Open a sourcing-request for an ACTIVE business (an enterprise: its own)', requestBody: requestBody(openBody), responses: { '201': jsonResponse('Opened'), '409': { description: 'IDEMPOTENCY_IN_FLIGHT' } } },
      },
      '/v1/sourcing-requests/{id}': {
        get: { ...who('getSourcingRequest'), summary: 'One sourcing-request', parameters: pathParameters(idParams), responses: { '200': jsonResponse() } },
      },
      '/v1/openapi.json': { get: { ...who('getOpenApi'), summary: 'This document', responses: { '200': jsonResponse() } } },
    },
  });
}

export const openApiRouter = (): Router => documentRouter(openApiDocument());
