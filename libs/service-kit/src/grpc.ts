import { readFileSync } from 'node:fs';
import * as grpc from '@grpc/grpc-js';
import { loadFileDescriptorSetFromBuffer, type PackageDefinition } from '@grpc/proto-loader';
import { ReflectionService } from '@grpc/reflection';
import { BadRequest, ErrorInfo } from '@hangviet/contracts/google/rpc/error_details';
import { Status } from '@hangviet/contracts/google/rpc/status';
import {
  HealthCheckResponse_ServingStatus as ServingStatus,
  HealthService,
  type HealthCheckRequest,
  type HealthCheckResponse,
} from '@hangviet/contracts/grpc/health/v1/health';
import { bearerToken, type Authenticator, type Principal } from './auth';
import { AppError, type ErrorKind, type FieldError } from './errors';
import type { Logger } from './logging';
import { isDatabaseUnavailable } from './mongo-errors';
import type { Readiness } from './readiness';

export const ERROR_DOMAIN = 'hangviet.vn';
const DETAILS_KEY = 'grpc-status-details-bin';
const ERROR_INFO_TYPE = 'type.googleapis.com/google.rpc.ErrorInfo';
const BAD_REQUEST_TYPE = 'type.googleapis.com/google.rpc.BadRequest';
const HEALTH_SERVICE = 'grpc.health.v1.Health';

const statusOfKind: Record<ErrorKind, grpc.status> = {
  bad_request: grpc.status.INVALID_ARGUMENT,
  unsupported_media_type: grpc.status.INVALID_ARGUMENT,
  invalid: grpc.status.INVALID_ARGUMENT,
  unauthenticated: grpc.status.UNAUTHENTICATED,
  forbidden: grpc.status.PERMISSION_DENIED,
  not_found: grpc.status.NOT_FOUND,
  conflict: grpc.status.ALREADY_EXISTS,
  failed_precondition: grpc.status.FAILED_PRECONDITION,
  precondition_failed: grpc.status.FAILED_PRECONDITION,
  too_many_requests: grpc.status.RESOURCE_EXHAUSTED,
  unavailable: grpc.status.UNAVAILABLE,
  internal: grpc.status.INTERNAL,
};

export interface GrpcServiceRegistration {
  definition: grpc.ServiceDefinition;
  implementation: grpc.UntypedServiceImplementation;
}

export interface GrpcServerOptions {
  service: string;
  logger: Logger;
  readiness: Readiness;
  authenticator: Authenticator;
  services: GrpcServiceRegistration[];
  /** Descriptors for reflection beyond the contracts' descriptor set (e.g. a test's own proto). */
  extraDescriptors?: PackageDefinition;
  /** Options for the grpc.Server (message sizes, keepalive…). */
  serverOptions?: grpc.ServerOptions;
  /**
   * Methods callable without a token ('GetBusiness' or '/pkg.Svc/GetBusiness'); every other call of the
   * services must carry a service token (role `service`) or a user token, else UNAUTHENTICATED (issue 12,
   * item 5). Health and reflection are always open.
   */
  anonymousMethods?: string[];
}

export interface GrpcServer {
  listen(port: number, host?: string): Promise<number>;
  shutdown(timeoutMs: number): Promise<void>;
  /** The underlying server, for what this factory does not cover. */
  readonly server: grpc.Server;
}

interface ServerContext {
  authenticator: Authenticator;
  logger: Logger;
}

interface CallContext extends ServerContext {
  /** The verified caller, when the call carried a token. */
  principal?: Principal;
}

// Handlers built with unary() find the server's authenticator, logger and verified caller here, keyed by the call.
const contexts = new WeakMap<object, CallContext>();

/** The caller createGrpcServer verified for this call (streaming handlers read it here). */
export function callerOf(call: object): Principal | undefined {
  return contexts.get(call)?.principal;
}

async function verifyCaller(metadata: grpc.Metadata, context: ServerContext, required: boolean): Promise<Principal | undefined> {
  const header = metadata.get('authorization')[0];
  const token = bearerToken(typeof header === 'string' ? header : header?.toString('utf8'));
  if (token === undefined) {
    if (required) throw new AppError('unauthenticated', 'TOKEN_MISSING', 'This service needs a service token or a user token.');
    return undefined;
  }
  return context.authenticator.verify(token);
}

/** '/hangviet.registry.v1.BusinessService/GetBusiness' → 'hangviet.registry.v1.BusinessService'. */
export function serviceNameOf(definition: grpc.ServiceDefinition): string {
  const first = Object.values(definition)[0] as grpc.MethodDefinition<unknown, unknown> | undefined;
  const match = first && /^\/([^/]+)\//.exec(first.path);
  if (!match?.[1]) throw new Error('a gRPC service definition without methods');
  return match[1];
}

let contractsDescriptors: PackageDefinition | undefined;
function loadContractsDescriptors(): PackageDefinition {
  return (contractsDescriptors ??= loadFileDescriptorSetFromBuffer(
    readFileSync(require.resolve('@hangviet/contracts/descriptor-set.binpb')),
  ));
}

export function createGrpcServer(opts: GrpcServerOptions): GrpcServer {
  const server = new grpc.Server(opts.serverOptions);
  const context: ServerContext = { authenticator: opts.authenticator, logger: opts.logger };
  const names = opts.services.map((s) => serviceNameOf(s.definition));
  let shuttingDown = false;

  const anonymous = new Set<string>();
  for (const { definition } of opts.services) {
    for (const wanted of opts.anonymousMethods ?? []) {
      for (const [key, m] of Object.entries(definition)) {
        if (key === wanted || m.path === wanted || m.path.endsWith(`/${wanted}`) || m.originalName === wanted) anonymous.add(m.path);
      }
    }
  }
  for (const { definition, implementation } of opts.services) {
    server.addService(definition, withContext(definition, implementation, context, anonymous));
  }

  async function servingStatus(service: string): Promise<ServingStatus | undefined> {
    if (service !== '' && service !== HEALTH_SERVICE && !names.includes(service)) return undefined;
    if (shuttingDown) return ServingStatus.NOT_SERVING;
    return (await opts.readiness.check()).ok ? ServingStatus.SERVING : ServingStatus.NOT_SERVING;
  }

  const health: grpc.UntypedServiceImplementation = {
    check: (call: grpc.ServerUnaryCall<HealthCheckRequest, HealthCheckResponse>, callback: grpc.sendUnaryData<HealthCheckResponse>) => {
      servingStatus(call.request.service).then(
        (status) =>
          status === undefined
            ? callback({ code: grpc.status.NOT_FOUND, details: `unknown service '${call.request.service}'` })
            : callback(null, { status }),
        () => callback(null, { status: ServingStatus.NOT_SERVING }),
      );
    },
    watch: (call: grpc.ServerWritableStream<HealthCheckRequest, HealthCheckResponse>) => {
      // Sends the status now and again whenever it changes, polling readiness every second.
      let last: ServingStatus | undefined;
      const tick = async () => {
        const status = (await servingStatus(call.request.service).catch(() => ServingStatus.NOT_SERVING)) ?? ServingStatus.SERVICE_UNKNOWN;
        if (status !== last && !call.cancelled) {
          last = status;
          call.write({ status });
        }
      };
      void tick();
      const timer = setInterval(() => void tick(), 1000);
      const end = () => clearInterval(timer);
      call.on('cancelled', end);
      call.on('close', end);
      call.on('error', end);
    },
  };
  server.addService(HealthService, health);

  const descriptors = { ...loadContractsDescriptors(), ...opts.extraDescriptors };
  const reflection = new ReflectionService(descriptors, {
    services: [...names, HEALTH_SERVICE, 'grpc.reflection.v1.ServerReflection', 'grpc.reflection.v1alpha.ServerReflection'],
  });
  reflection.addToServer(server);

  return {
    server,
    listen(port, host = '127.0.0.1') {
      return new Promise((resolve, reject) => {
        server.bindAsync(`${host}:${port}`, grpc.ServerCredentials.createInsecure(), (err, bound) => {
          if (err) reject(err);
          else {
            opts.logger.info({ port: bound }, 'gRPC server listening');
            resolve(bound);
          }
        });
      });
    },
    shutdown(timeoutMs) {
      shuttingDown = true;
      return new Promise((resolve) => {
        // Let in-flight calls finish; past the bound, cut them off.
        const timer = setTimeout(() => server.forceShutdown(), timeoutMs);
        server.tryShutdown(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    },
  };
}

function withContext(
  definition: grpc.ServiceDefinition,
  implementation: grpc.UntypedServiceImplementation,
  context: ServerContext,
  anonymous: ReadonlySet<string>,
): grpc.UntypedServiceImplementation {
  const wrapped: grpc.UntypedServiceImplementation = {};
  for (const [name, handler] of Object.entries(implementation)) {
    // ts-proto keys methods in lowerCamel, proto-loader by their proto name (with originalName in lowerCamel).
    const method = definition[name] ?? Object.values(definition).find((m) => m.originalName === name);
    const fn = handler as (...args: unknown[]) => unknown;
    const required = !method || !anonymous.has(method.path);
    if (!method || method.requestStream || method.responseStream) {
      wrapped[name] = ((call: grpc.ServerWritableStream<unknown, unknown>, ...rest: unknown[]) => {
        // The caller is known before the handler runs; an unauthenticated stream ends with its status.
        verifyCaller(call.metadata, context, required).then(
          (principal) => {
            contexts.set(call, { ...context, ...(principal ? { principal } : {}) });
            fn(call, ...rest);
          },
          (err: unknown) => {
            const callback = rest[0];
            if (typeof callback === 'function') (callback as grpc.sendUnaryData<unknown>)(toServiceError(err));
            else call.emit('error', toServiceError(err));
          },
        );
      }) as grpc.UntypedHandleCall;
      continue;
    }
    wrapped[name] = ((call: grpc.ServerUnaryCall<unknown, unknown>, callback: grpc.sendUnaryData<unknown>) => {
      const started = process.hrtime.bigint();
      const done = (err: grpc.ServerErrorResponse | null, value?: unknown) => {
        const durationMs = Number(process.hrtime.bigint() - started) / 1e6;
        const code = err ? (err.code ?? grpc.status.UNKNOWN) : grpc.status.OK;
        const level = code === grpc.status.OK ? 'info' : code === grpc.status.INTERNAL || code === grpc.status.UNKNOWN ? 'error' : 'warn';
        context.logger[level]({ grpc: { method: method.path, code: grpc.status[code] }, durationMs: Math.round(durationMs * 10) / 10 }, 'gRPC call');
        callback(err, value);
      };
      verifyCaller(call.metadata, context, required).then(
        (principal) => {
          contexts.set(call, { ...context, ...(principal ? { principal } : {}) });
          fn(call, done);
        },
        (err: unknown) => done(toServiceError(err)),
      );
    }) as grpc.UntypedHandleCall;
  }
  return wrapped;
}

export interface UnaryContext {
  principal?: Principal;
  metadata: grpc.Metadata;
  deadline: Date | number;
}

/**
 * Wraps a unary handler: verifies a bearer token from 'authorization' metadata when present
 * (→ ctx.principal; a bad one → UNAUTHENTICATED before the handler runs) and maps thrown errors
 * (AppError → its status with ErrorInfo/BadRequest details, anything else → INTERNAL, generic).
 */
export function unary<Req, Res>(
  handler: (request: Req, ctx: UnaryContext) => Promise<Res>,
): grpc.handleUnaryCall<Req, Res> {
  return (call, callback) => {
    const server = contexts.get(call);
    void (async () => {
      try {
        if (!server) throw new AppError('internal', 'NO_AUTHENTICATOR', 'unary() handler used outside createGrpcServer');
        const ctx: UnaryContext = { metadata: call.metadata, deadline: call.getDeadline() };
        // createGrpcServer verified the token (or refused the call) before this handler ran.
        if (server.principal) ctx.principal = server.principal;
        callback(null, await handler(call.request, ctx));
      } catch (err) {
        if (!(err instanceof AppError) || err.kind === 'internal') {
          server?.logger.error({ err, grpc: { method: call.getPath() } }, 'gRPC handler failed');
        }
        callback(toServiceError(err));
      }
    })();
  };
}

/** AppError → status + google.rpc.Status in grpc-status-details-bin; anything else → INTERNAL, generic. */
export function toServiceError(err: unknown): grpc.ServerErrorResponse {
  const appError =
    err instanceof AppError
      ? err
      : isDatabaseUnavailable(err)
        ? new AppError('unavailable', 'DATABASE_UNAVAILABLE', 'The database cannot be reached right now; retry shortly.', { cause: err })
        : new AppError('internal', 'INTERNAL', 'An unexpected error occurred.', { cause: err });
  const code = statusOfKind[appError.kind];
  const message = appError.kind === 'internal' ? 'An unexpected error occurred.' : appError.message;
  const details = [
    {
      typeUrl: ERROR_INFO_TYPE,
      value: Buffer.from(ErrorInfo.encode({ reason: appError.code, domain: ERROR_DOMAIN, metadata: appError.meta ?? {} }).finish()),
    },
  ];
  if (appError.kind === 'invalid' && appError.errors?.length) {
    details.push({
      typeUrl: BAD_REQUEST_TYPE,
      value: Buffer.from(
        BadRequest.encode({
          fieldViolations: appError.errors.map((e) => ({ field: e.field, reason: e.code, description: e.message, localizedMessage: undefined })),
        }).finish(),
      ),
    });
  }
  const metadata = new grpc.Metadata();
  metadata.set(DETAILS_KEY, Buffer.from(Status.encode({ code, message, details }).finish()));
  return Object.assign(new Error(message), { code, details: message, metadata });
}

export interface DecodedGrpcError {
  code: grpc.status;
  message?: string;
  reason?: string;
  errors?: FieldError[];
  meta?: Record<string, string>;
}

export function decodeGrpcError(err: grpc.ServiceError): DecodedGrpcError {
  const decoded: DecodedGrpcError = { code: err.code };
  if (err.details) decoded.message = err.details;
  const raw = err.metadata?.get(DETAILS_KEY)[0];
  if (!raw || typeof raw === 'string') return decoded;
  let status: Status;
  try {
    status = Status.decode(raw);
  } catch {
    return decoded; // not ours, or corrupt: the status code alone still says what happened
  }
  for (const detail of status.details) {
    if (detail.typeUrl === ERROR_INFO_TYPE) {
      const info = ErrorInfo.decode(detail.value);
      decoded.reason = info.reason;
      if (Object.keys(info.metadata).length) decoded.meta = info.metadata;
    } else if (detail.typeUrl === BAD_REQUEST_TYPE) {
      decoded.errors = BadRequest.decode(detail.value).fieldViolations.map((v) => ({
        field: v.field,
        code: v.reason,
        message: v.description,
      }));
    }
  }
  return decoded;
}

const kindOfStatus: Partial<Record<grpc.status, ErrorKind>> = {
  [grpc.status.INVALID_ARGUMENT]: 'invalid',
  [grpc.status.UNAUTHENTICATED]: 'unauthenticated',
  [grpc.status.PERMISSION_DENIED]: 'forbidden',
  [grpc.status.NOT_FOUND]: 'not_found',
  [grpc.status.ALREADY_EXISTS]: 'conflict',
  [grpc.status.FAILED_PRECONDITION]: 'failed_precondition',
  [grpc.status.RESOURCE_EXHAUSTED]: 'too_many_requests',
  [grpc.status.UNAVAILABLE]: 'unavailable',
  [grpc.status.DEADLINE_EXCEEDED]: 'unavailable',
};

/** A downstream gRPC failure as an AppError, to rethrow from a use case (reason kept as the code). */
export function appErrorFromGrpc(err: grpc.ServiceError): AppError {
  const decoded = decodeGrpcError(err);
  const kind = kindOfStatus[decoded.code] ?? 'internal';
  const code = decoded.reason ?? `UPSTREAM_${grpc.status[decoded.code] ?? 'UNKNOWN'}`;
  return new AppError(kind, code, decoded.message ?? 'A downstream call failed.', {
    ...(decoded.errors ? { errors: decoded.errors } : {}),
    ...(decoded.meta ? { meta: decoded.meta } : {}),
    cause: err,
  });
}

/** Gives the bearer token a client sends; undefined sends none. */
export type TokenSource = () => Promise<string | undefined>;

let processIdentity: TokenSource | undefined;

/**
 * The token this process's gRPC clients send by default: the service host sets it at start (a service token,
 * role `service`, subject the service's name). One process is one service in production; in tests the
 * service started last wins, and a test wanting an anonymous call passes `{ token: null }`.
 */
export function setServiceIdentity(source: TokenSource | undefined): void {
  processIdentity = source;
}

/** A cached token source over a mint function, refreshed a while before it expires. */
export function cachedTokenSource(mint: () => Promise<string>, lifetimeMs = 50 * 60 * 1000): TokenSource {
  let current: { token: Promise<string>; until: number } | undefined;
  return async () => {
    if (!current || Date.now() >= current.until) {
      const token = mint();
      current = { token, until: Date.now() + lifetimeMs };
      token.catch(() => (current = undefined));
    }
    return current.token;
  };
}

export interface GrpcClientOptions {
  /**
   * Where this client's bearer token comes from when a call's metadata has none (a forwarded user token wins):
   * by default the process's service identity (setServiceIdentity); null sends none.
   */
  token?: TokenSource | null;
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

/**
 * A client with a deadline on every call (interceptor) and bounded, backed-off retries of UNAVAILABLE
 * for the listed idempotent methods only (grpc-js retry policy from the service config).
 */
export function createGrpcClient<C extends grpc.Client>(
  Client: new (address: string, creds: grpc.ChannelCredentials, options?: object) => C,
  address: string,
  opts: GrpcClientOptions = {},
): C {
  const deadlineMs = opts.deadlineMs ?? 5000;
  const deadline: grpc.Interceptor = (options, nextCall) => {
    if (options.deadline === undefined || options.deadline === Infinity) {
      return new grpc.InterceptingCall(nextCall({ ...options, deadline: Date.now() + deadlineMs }));
    }
    return new grpc.InterceptingCall(nextCall(options));
  };
  const retries = Math.min(Math.max(opts.retries ?? 2, 0), 4);
  const definition = (Client as unknown as { service?: grpc.ServiceDefinition }).service;
  const retried = retryTargets(definition, opts.idempotentMethods ?? []);
  const serviceConfig = retried.length && retries > 0
    ? {
        methodConfig: [
          {
            name: retried,
            retryPolicy: {
              maxAttempts: retries + 1,
              initialBackoff: '0.05s',
              maxBackoff: '1s',
              backoffMultiplier: 2,
              retryableStatusCodes: ['UNAVAILABLE'],
            },
          },
        ],
      }
    : undefined;
  const authorization: grpc.Interceptor = (options, nextCall) =>
    new grpc.InterceptingCall(nextCall(options), {
      start(metadata, listener, next) {
        const source = opts.token === undefined ? processIdentity : (opts.token ?? undefined);
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
  const interceptors = [deadline, authorization, ...((opts.channelOptions?.interceptors as grpc.Interceptor[] | undefined) ?? [])];
  return new Client(address, opts.credentials ?? grpc.credentials.createInsecure(), {
    ...opts.channelOptions,
    interceptors,
    ...(serviceConfig ? { 'grpc.service_config': JSON.stringify(serviceConfig) } : {}),
  });
}

function retryTargets(definition: grpc.ServiceDefinition | undefined, methods: string[]): { service: string; method: string }[] {
  if (!methods.length) return [];
  if (!definition) throw new Error('createGrpcClient: idempotentMethods need a client class with a static `service` definition');
  const targets: { service: string; method: string }[] = [];
  for (const wanted of methods) {
    const found = Object.entries(definition).find(
      ([key, m]) => key === wanted || m.path === wanted || m.path.endsWith(`/${wanted}`) || (m.originalName ?? '') === wanted,
    );
    if (!found) throw new Error(`createGrpcClient: '${wanted}' is not a method of ${serviceNameOf(definition)}`);
    const [, service, method] = /^\/([^/]+)\/([^/]+)$/.exec(found[1].path) ?? [];
    if (service && method) targets.push({ service, method });
  }
  return targets;
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
