// gRPC for every service, by concern: the server (server.ts, health.ts), the client (client.ts), the caller's
// identity (identity.ts), and the one error ↔ status mapping (status.ts).
export { callerOf, createGrpcServer, unary, type GrpcServer, type GrpcServerOptions, type GrpcServiceRegistration, type UnaryContext } from './server';
export { callUnary, createGrpcClient, type GrpcClientClass, type GrpcClientOptions } from './client';
export { cachedTokenSource, serviceIdentity, type TokenSource } from './identity';
export { serviceNameOf } from './methods';
export { appErrorFromGrpc, decodeGrpcError, ERROR_DOMAIN, toServiceError, type DecodedGrpcError } from './status';
