// A service's gRPC server: its services with the caller verified before any handler runs (a token is required
// unless the method is listed anonymous), a log line per unary call, grpc.health.v1 and server reflection.
// Handlers written with unary() get the verified caller and have their errors mapped (status.ts).
import { readFileSync } from 'node:fs';
import * as grpc from '@grpc/grpc-js';
import { loadFileDescriptorSetFromBuffer, type PackageDefinition } from '@grpc/proto-loader';
import { ReflectionService } from '@grpc/reflection';
import { HealthService } from '@hangviet/contracts/grpc/health/v1/health';
import { bearerToken, type Authenticator, type Principal } from '../auth';
import { AppError } from '../errors';
import type { Logger } from '../logging';
import type { Readiness } from '../readiness';
import { HEALTH_SERVICE, healthService } from './health';
import { methodsNamed, serviceNameOf } from './methods';
import { toServiceError } from './status';

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
    for (const wanted of opts.anonymousMethods ?? []) methodsNamed(definition, wanted).forEach((m) => anonymous.add(m.path));
  }
  for (const { definition, implementation } of opts.services) {
    server.addService(definition, withContext(definition, implementation, context, anonymous));
  }
  server.addService(HealthService, healthService({ names, readiness: opts.readiness, shuttingDown: () => shuttingDown }));

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
