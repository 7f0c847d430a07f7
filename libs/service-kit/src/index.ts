export * from './errors';
export * from './validation';
export * from './dates';
export * from './paging';
export {
  PROBLEM_SCHEMA,
  SECURITY,
  accessDocumentation,
  jsonResponse,
  jsonSchemaOf,
  openApiDocument,
  openApiRouter,
  pathParameters,
  problemResponse,
  queryParameters,
  ref,
  requestBody,
  routeSignatures,
  withPlatformResponses,
  type DocumentInfo,
  type Json,
} from './openapi';
export { pageTokenSchema, requireOneOf } from './json-schema-rules';
export { accessGuard, accessOf, authorize, defineAccess, type Access, type AccessRule, type Roles } from './access';
export * from './config';
export * from './logging';
export * from './auth';
export * from './readiness';
export * from './problem';
export { createHttpApp, finishHttpApp, roleGuard, businessGuard, type HttpAppOptions } from './http';
export * from './idempotency';
export * from './rate-limit';
export { resourcePath, unsafeTextErrors, unsafeTextReason, UnparsedBody } from './input-guards';
// grpc/index, not grpc: a dist/grpc.js left by a build from before the split would be resolved first.
export * from './grpc/index';
export * from './lifecycle';
export { requestContext, type RequestContext } from './context';
export { repositoryRoot, fromRepositoryRoot } from './paths';
export { DUPLICATE_KEY, isDuplicateKey, duplicateKeyIndexes } from './mongo-errors';
export * from './host';
