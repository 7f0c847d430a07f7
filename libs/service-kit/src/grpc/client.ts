// The one way a service calls another over gRPC: a deadline on every call, the caller's identity as a bearer
// token, and bounded, backed-off retries of UNAVAILABLE for the methods that are safe to repeat.
import * as grpc from '@grpc/grpc-js';
import type { TokenSource } from './identity';
import { methodsNamed, serviceNameOf } from './methods';

export interface GrpcClientOptions {
  /**
   * The bearer token sent when a call's metadata has none (a forwarded user token wins): the calling service's
   * identity (`host.identity`, or `host.grpcClient`, which passes it), a test's token, or null to send none.
   */
  token: TokenSource | null | undefined;
  /** Deadline given to every call that has none (default 5000 ms). */
  deadlineMs?: number;
  /** Methods safe to repeat: their UNAVAILABLE failures are retried. 'GetBusiness', 'getBusiness' or '/pkg.Svc/GetBusiness'. */
  idempotentMethods?: string[];
  /** Extra attempts for idempotent methods (default 2, at most 4: grpc-js caps attempts at 5). */
  retries?: number;
  /** Extra grpc.Client options. */
  channelOptions?: grpc.ClientOptions;
  credentials?: grpc.ChannelCredentials;
}

export type GrpcClientClass<C extends grpc.Client> = new (address: string, creds: grpc.ChannelCredentials, options?: object) => C;

export function createGrpcClient<C extends grpc.Client>(Client: GrpcClientClass<C>, address: string, opts: GrpcClientOptions): C {
  const definition = (Client as unknown as { service?: grpc.ServiceDefinition }).service;
  const serviceConfig = retryServiceConfig(definition, opts.idempotentMethods ?? [], opts.retries);
  const interceptors = [
    deadlineInterceptor(opts.deadlineMs ?? 5000),
    authorizationInterceptor(opts.token ?? undefined),
    ...((opts.channelOptions?.interceptors as grpc.Interceptor[] | undefined) ?? []),
  ];
  return new Client(address, opts.credentials ?? grpc.credentials.createInsecure(), {
    ...opts.channelOptions,
    interceptors,
    ...(serviceConfig ? { 'grpc.service_config': JSON.stringify(serviceConfig) } : {}),
  });
}

/** Gives a call without a deadline one `deadlineMs` from now. */
function deadlineInterceptor(deadlineMs: number): grpc.Interceptor {
  return (options, nextCall) => {
    if (options.deadline === undefined || options.deadline === Infinity) {
      return new grpc.InterceptingCall(nextCall({ ...options, deadline: Date.now() + deadlineMs }));
    }
    return new grpc.InterceptingCall(nextCall(options));
  };
}

/** Adds `authorization: Bearer <token>` unless the call carries one already. */
function authorizationInterceptor(source: TokenSource | undefined): grpc.Interceptor {
  return (options, nextCall) =>
    new grpc.InterceptingCall(nextCall(options), {
      start(metadata, listener, next) {
        if (!source || metadata.get('authorization').length > 0) return next(metadata, listener);
        source().then(
          (token) => {
            if (token) metadata.set('authorization', `Bearer ${token}`);
            next(metadata, listener);
          },
          // No token to be had: the call goes without one and the server answers UNAUTHENTICATED.
          () => next(metadata, listener),
        );
      },
    });
}

/** grpc-js's own retry policy (service config) for the idempotent methods: UNAVAILABLE only, backed off. */
function retryServiceConfig(definition: grpc.ServiceDefinition | undefined, methods: string[], retriesOption: number | undefined) {
  if (!methods.length) return undefined;
  if (!definition) throw new Error('createGrpcClient: idempotentMethods need a client class with a static `service` definition');
  const name = methods.map((wanted) => {
    const found = methodsNamed(definition, wanted)[0];
    if (!found) throw new Error(`createGrpcClient: '${wanted}' is not a method of ${serviceNameOf(definition)}`);
    const [, service = '', method = ''] = /^\/([^/]+)\/([^/]+)$/.exec(found.path) ?? [];
    return { service, method };
  });
  const retries = Math.min(Math.max(retriesOption ?? 2, 0), 4);
  if (retries === 0) return undefined;
  return {
    methodConfig: [
      {
        name,
        retryPolicy: { maxAttempts: retries + 1, initialBackoff: '0.05s', maxBackoff: '1s', backoffMultiplier: 2, retryableStatusCodes: ['UNAVAILABLE'] },
      },
    ],
  };
}

/** Promise form of a unary client call, with optional metadata (e.g. a forwarded bearer token). */
export function callUnary<Req, Res>(
  client: grpc.Client,
  method: (
    request: Req,
    metadata: grpc.Metadata,
    options: Partial<grpc.CallOptions>,
    callback: (err: grpc.ServiceError | null, res: Res) => void,
  ) => grpc.ClientUnaryCall,
  request: Req,
  metadata = new grpc.Metadata(),
  options: Partial<grpc.CallOptions> = {},
): Promise<Res> {
  return new Promise((resolve, reject) => {
    method.call(client, request, metadata, options, (err, res) => (err ? reject(err) : resolve(res)));
  });
}
