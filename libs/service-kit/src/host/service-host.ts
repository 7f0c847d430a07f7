// The shared service host. A service is a definition — its name, default database, config schema and
// a compose(host) that lists its parts — and the host does the rest the same way for every service:
// config → logger → its own database → readiness → authenticator → idempotency → the service's parts
// (each started as it is added) → HTTP and gRPC servers (last, so traffic arrives once all is up),
// with one shutdown stack, run in reverse within SHUTDOWN_TIMEOUT_MS: servers stop taking work first,
// the database closes last. main.ts runs it with runMain(); tests start it in-process with startService().
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { RequestHandler, Router } from 'express';
import type mongoose from 'mongoose';
import type { Db } from 'mongodb';
import { Registry } from 'prom-client';
import type { z } from 'zod';
import { createAuthenticator, type Authenticator } from '../auth';
import { loadConfig, type BaseConfig } from '../config';
import { createGrpcClient, createGrpcServer, serviceIdentity, type GrpcClientClass, type GrpcClientOptions, type GrpcServiceRegistration, type TokenSource } from '../grpc/index';
import type { Client as GrpcClient } from '@grpc/grpc-js';
import { createHttpApp, finishHttpApp } from '../http';
import { createIdempotencyStore, type IdempotencyStore } from '../idempotency';
import { createShutdownStack, type Lifecycle } from '../lifecycle';
import { createLogger, type Logger } from '../logging';
import { createRateLimitStore, type RateLimitStore } from '../rate-limit';
import { createReadiness, type Readiness } from '../readiness';
import { databaseName, openDatabase } from './database';

/** Something a service runs beside its servers: a Kafka producer, an outbox relay, a consumer, a work loop, a scheduler. */
export interface ServicePart {
  readonly name: string;
  start?(): void | Promise<void>;
  stop(): void | Promise<void>;
  /** Throws while the part cannot serve; joins /readyz and gRPC health under the part's name. */
  ready?(): Promise<void>;
}

export interface ServiceHost<C = BaseConfig> {
  readonly service: string;
  readonly config: C;
  readonly logger: Logger;
  /** The service's own database, for its mongoose models. */
  readonly connection: mongoose.Connection;
  readonly db: Db;
  readonly readiness: Readiness;
  readonly authenticator: Authenticator;
  /** For `idempotent(host.idempotency)` on creating POST routes; sweep it with libs/jobs' idempotencyKeysSweep. */
  readonly idempotency: IdempotencyStore;
  /** Shared rate-limit counters: per-client and per-principal limits use it; routes add their own rules; sweep with rateLimitSweep. */
  readonly rateLimits: RateLimitStore;
  /** The registry behind /metrics: parts add their own metrics here. */
  readonly metrics: Registry;
  /** The token this service sends on its gRPC calls (service-kit's serviceIdentity); undefined sends none. */
  readonly identity: TokenSource | undefined;
  /** A gRPC client of another service that calls as this service (createGrpcClient with `identity`). */
  grpcClient<C extends GrpcClient>(Client: GrpcClientClass<C>, address: string, opts?: Omit<GrpcClientOptions, 'token'>): C;
  /**
   * Starts the part now and stops it on shutdown (after the servers, before what was added earlier).
   * Its stop() also runs when its start() failed half-way, so it must tolerate that.
   */
  add<P extends ServicePart>(part: P): Promise<P>;
  /** Runs fn on shutdown, in the same reverse order as the parts. */
  onStop(name: string, fn: () => Promise<void>): void;
  /** Express routers and middleware, mounted in this order between the probes and the 404/error handlers. */
  http(...handlers: (Router | RequestHandler)[]): void;
  /** gRPC services; the server (with health and reflection) starts only if some are given. */
  grpc(...services: GrpcServiceRegistration[]): void;
}

export interface ServiceDefinition<S extends z.ZodObject, R> {
  /** `business-registry`: logs, metrics label, gRPC health, Kafka client id. */
  name: string;
  /** The database used when MONGO_URL names none (`hangviet_registry`). */
  database: string;
  /** baseConfigSchema.extend({...}) of service-kit: read once from the environment, validated. */
  config: S;
  /** How long gRPC calls in flight may finish at shutdown before they are cut (default 5 s; streams want less). */
  grpcDrainMs?: number;
  /** JSON body limit (default 100kb). */
  bodyLimit?: string;
  /**
   * false: /metrics is never served on the HTTP port (the public origin); only on METRICS_PORT when set.
   * Default true: served on the HTTP port unless METRICS_PORT moves it to its own listener.
   */
  metricsOnHttpPort?: boolean;
  /** Adds the service's parts, routes and gRPC services; what it returns is handed to the caller (tests). */
  compose(host: ServiceHost<z.infer<S>>): Promise<R>;
}

/** Declares a service: typing only; nothing runs until runMain or startService. */
export function defineService<S extends z.ZodObject, R>(definition: ServiceDefinition<S, R>): ServiceDefinition<S, R> {
  return definition;
}

export interface StartOptions<C> {
  /** Parsed configuration (tests, benchmarks: HTTP_PORT/GRPC_PORT 0 for ephemeral ports); else read from `env`. */
  config?: C;
  env?: NodeJS.ProcessEnv;
  logger?: Logger;
  /** Replaces the JWKS authenticator built from AUTH_* (tests). */
  authenticator?: Authenticator;
  /** Listen address for both servers (default: the HOST variable, itself 127.0.0.1 by default). */
  listenHost?: string;
  /** Where shutdown steps go: runMain passes runService's lifecycle; in-process, the service keeps its own. */
  lifecycle?: Lifecycle;
}

export interface RunningService<C, R> {
  httpPort: number;
  /** 0 when the service has no gRPC services. */
  grpcPort: number;
  /** The internal /metrics listener's port; 0 when METRICS_PORT is unset. */
  metricsPort: number;
  host: ServiceHost<C>;
  /** What compose returned. */
  parts: R;
  /** Runs the shutdown stack (in-process starts only; under runMain a signal does it). */
  stop(): Promise<void>;
}

export async function startService<S extends z.ZodObject, R>(
  definition: ServiceDefinition<S, R>,
  opts: StartOptions<z.infer<S>> = {},
): Promise<RunningService<z.infer<S>, R>> {
  type C = z.infer<S>;
  const config: C = opts.config ?? loadConfig(definition.config, opts.env);
  const base = config as unknown as BaseConfig;
  const logger = opts.logger ?? createLogger({ service: definition.name, level: base.LOG_LEVEL });
  const own = opts.lifecycle ? undefined : createShutdownStack({ logger, timeoutMs: base.SHUTDOWN_TIMEOUT_MS });
  const lifecycle: Lifecycle = opts.lifecycle ?? own!;
  const stop = async () => {
    if (own) await own.run();
  };

  try {
    const connection = await openDatabase(base.MONGO_URL, databaseName(base.MONGO_URL, definition.database));
    lifecycle.onShutdown('database', () => connection.close());
    const db = connection.db;
    if (!db) throw new Error('the database connection has no database');
    const readiness = createReadiness();
    readiness.add('mongo', async () => void (await db.command({ ping: 1 })));
    const authenticator =
      opts.authenticator ??
      createAuthenticator({
        issuer: base.AUTH_ISSUER,
        audience: base.AUTH_AUDIENCE,
        ...(base.AUTH_JWKS_URL ? { jwksUrl: base.AUTH_JWKS_URL } : { jwksFile: base.AUTH_JWKS_FILE }),
      });
    const identity = serviceIdentity(definition.name, base);
    const routes: (Router | RequestHandler)[] = [];
    const grpcServices: GrpcServiceRegistration[] = [];
    const host: ServiceHost<C> = {
      service: definition.name,
      config,
      logger,
      connection,
      db,
      readiness,
      authenticator,
      idempotency: createIdempotencyStore(db),
      rateLimits: createRateLimitStore(db),
      metrics: new Registry(),
      identity,
      grpcClient: (Client, address, clientOpts = {}) => createGrpcClient(Client, address, { ...clientOpts, token: identity }),
      async add(part) {
        // Before start: a part whose start fails half-way is stopped too, so stop() must tolerate that.
        lifecycle.onShutdown(part.name, async () => void (await part.stop()));
        await part.start?.();
        if (part.ready) readiness.add(part.name, () => part.ready!());
        return part;
      },
      onStop: (name, fn) => lifecycle.onShutdown(name, fn),
      http: (...handlers) => void routes.push(...handlers),
      grpc: (...services) => void grpcServices.push(...services),
    };

    const parts = await definition.compose(host);

    const app = createHttpApp({
      service: definition.name,
      logger,
      readiness,
      authenticator,
      metricsRegistry: host.metrics,
      rateLimits: { store: host.rateLimits, perClient: base.RATE_LIMIT_PER_CLIENT, perPrincipal: base.RATE_LIMIT_PER_PRINCIPAL, windowMs: base.RATE_LIMIT_WINDOW_MS },
      ...(base.TRUST_PROXY ? { trustProxy: base.TRUST_PROXY } : {}),
      ...(definition.bodyLimit ? { bodyLimit: definition.bodyLimit } : {}),
      serveMetrics: base.METRICS_PORT === undefined && definition.metricsOnHttpPort !== false,
    });
    for (const handler of routes) app.use(handler);
    finishHttpApp(app);
    const listenHost = opts.listenHost ?? base.HOST ?? '127.0.0.1';
    const http = await new Promise<Server>((resolve, reject) => {
      const done = (err?: Error) => (err ? reject(err) : resolve(server));
      const server = app.listen(base.HTTP_PORT, listenHost, done);
    });
    lifecycle.onShutdown('http', () => closeHttp(http));
    let metricsPort = 0;
    if (base.METRICS_PORT !== undefined) {
      const metrics = await listenMetrics(host.metrics, base.METRICS_PORT, listenHost);
      lifecycle.onShutdown('metrics', () => closeHttp(metrics));
      metricsPort = (metrics.address() as AddressInfo).port;
    }

    let grpcPort = 0;
    if (grpcServices.length > 0) {
      const grpc = createGrpcServer({ service: definition.name, logger, readiness, authenticator, services: grpcServices });
      grpcPort = await grpc.listen(base.GRPC_PORT, listenHost);
      lifecycle.onShutdown('grpc', () => grpc.shutdown(definition.grpcDrainMs ?? 5000));
    }
    const httpPort = (http.address() as AddressInfo).port;
    logger.info({ httpPort, grpcPort }, `${definition.name} listening`);
    return { httpPort, grpcPort, metricsPort, host, parts, stop };
  } catch (err) {
    // In-process: undo what started; under runService its start-failure path runs the same stack.
    await stop();
    throw err;
  }
}

/** /metrics alone on its own port: an internal listener the public origin does not route to. */
function listenMetrics(register: Registry, port: number, host: string): Promise<Server> {
  const server = createServer((req, res) => {
    if (req.method !== 'GET' || req.url?.split('?')[0] !== '/metrics') {
      res.writeHead(404).end();
      return;
    }
    register.metrics().then(
      (text) => res.writeHead(200, { 'content-type': register.contentType }).end(text),
      () => res.writeHead(500).end(),
    );
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve(server));
  });
}

function closeHttp(http: Server): Promise<void> {
  return new Promise((resolve) => {
    http.close(() => resolve());
    http.closeIdleConnections();
  });
}
