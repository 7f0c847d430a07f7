// The service host in-process against the real database and Kafka: a service made of a few parts starts
// on ephemeral ports, is ready only while its parts are, serves HTTP and gRPC, and stops in reverse order.
import { connect } from 'node:net';
import * as grpc from '@grpc/grpc-js';
import { HealthCheckResponse_ServingStatus as Serving, HealthClient } from '@hangviet/contracts/grpc/health/v1/health';
import { BusinessDirectoryServiceService } from '@hangviet/contracts/hangviet/registry/v1/business_directory_service';
import { testScope } from '@hangviet/testing';
import express from 'express';
import { Kafka, logLevel, type Admin } from 'kafkajs';
import { Counter } from 'prom-client';
import request from 'supertest';
import { z } from 'zod';
import { baseConfigSchema, loadConfig } from '../src/config';
import { notFound } from '../src/errors';
import { unary } from '../src/grpc/index';
import { roleGuard } from '../src/http';
import { idempotent } from '../src/idempotency';
import { defineService, startService, type RunningService, type ServicePart } from '../src/host';
import { memoryLogger, signToken, testKeys } from './helpers';

jest.setTimeout(60_000);

const schema = baseConfigSchema.extend({ GREETING: z.string().default('xin chào') });

/** A part that is ready while Kafka answers: what the events library's bus part does, in miniature. */
function kafkaProbe(brokers: string[]): ServicePart {
  let admin: Admin | undefined;
  return {
    name: 'kafka',
    async start() {
      admin = new Kafka({ clientId: 'host-test', brokers, logLevel: logLevel.NOTHING }).admin();
      await admin.connect();
    },
    async ready() {
      await admin!.describeCluster();
    },
    stop: async () => admin?.disconnect(),
  };
}

function accepts(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

describe('service host', () => {
  const scope = testScope('service_kit_host');
  let keys: Awaited<ReturnType<typeof testKeys>>;
  const events: string[] = [];
  let flakyReady = true;
  let service: RunningService<z.infer<typeof schema>, { created: () => number }>;
  let grpcHealth: HealthClient;

  const recording = (name: string, extra: Partial<ServicePart> = {}): ServicePart => ({
    name,
    start: () => void events.push(`start:${name}`),
    stop: () => void events.push(`stop:${name}`),
    ...extra,
  });

  const definition = defineService({
    name: 'host-test',
    database: 'hangviet_host_test',
    config: schema,
    async compose(host) {
      await host.add(kafkaProbe(host.config.KAFKA_BROKERS));
      await host.add(recording('relay'));
      await host.add(
        recording('consumer', {
          ready: async () => {
            if (!flakyReady) throw new Error('not joined to its group');
          },
          // The servers have stopped taking work before any part stops.
          stop: async () => void events.push(`stop:consumer (http ${(await accepts(service.httpPort)) ? 'open' : 'closed'})`),
        }),
      );
      host.onStop('webhook connections', async () => void events.push('stop:webhook connections'));
      const greetings = new Counter({ name: 'greetings_total', help: 'Greetings served.', registers: [host.metrics] });
      let created = 0;
      const router = express.Router();
      router.get('/v1/greeting', (_req, res) => {
        greetings.inc();
        res.json({ text: host.config.GREETING, database: host.db.databaseName });
      });
      router.post('/v1/greetings', roleGuard('staff'), idempotent(host.idempotency), (_req, res) => {
        created += 1;
        res.status(201).json({ n: created });
      });
      host.http(router);
      host.grpc({
        definition: BusinessDirectoryServiceService,
        implementation: {
          getBusiness: unary(async () => {
            throw notFound('BUSINESS_NOT_FOUND', 'No such business.');
          }),
        },
      });
      return { created: () => created };
    },
  });

  beforeAll(async () => {
    keys = await testKeys();
    const config = {
      ...loadConfig(schema, {
        MONGO_URL: scope.mongoUrl,
        KAFKA_BROKERS: scope.kafkaBrokers.join(','),
        AUTH_ISSUER: 'hangviet-test',
        AUTH_JWKS_FILE: `${keys.dir}/jwks.json`,
      }),
      HTTP_PORT: 0,
      GRPC_PORT: 0,
    };
    service = await startService(definition, { config, logger: memoryLogger().logger, listenHost: '127.0.0.1' });
    grpcHealth = new HealthClient(`127.0.0.1:${service.grpcPort}`, grpc.credentials.createInsecure());
  });
  afterAll(async () => {
    grpcHealth?.close();
    keys.cleanup();
  });

  const http = () => request(`http://127.0.0.1:${service.httpPort}`);
  const health = () =>
    new Promise<Serving>((resolve, reject) =>
      grpcHealth.check({ service: '' }, (err, res) => (err ? reject(err) : resolve(res.status))),
    );

  it('starts the parts in the order they were added, on the database MONGO_URL names', async () => {
    expect(events).toEqual(['start:relay', 'start:consumer']);
    expect((await http().get('/v1/greeting')).body).toEqual({ text: 'xin chào', database: scope.databaseName });
  });

  it('is ready while the database, Kafka and every part with a check are, over HTTP and gRPC alike', async () => {
    const ready = await http().get('/readyz');
    expect(ready.status).toBe(200);
    expect(ready.body.checks).toEqual({ mongo: 'ok', kafka: 'ok', consumer: 'ok' });
    expect(await health()).toBe(Serving.SERVING);

    flakyReady = false;
    const unready = await http().get('/readyz');
    expect(unready.status).toBe(503);
    expect(unready.body.checks.consumer).toBe('not joined to its group');
    expect(await health()).toBe(Serving.NOT_SERVING);
    flakyReady = true;
    expect((await http().get('/readyz')).status).toBe(200);
  });

  it('serves its gRPC services, authenticates, and keeps Idempotency-Key records in its database', async () => {
    expect((await http().post('/v1/greetings').send({})).status).toBe(401);
    const token = await signToken(keys.dir, { sub: 'staff-1', roles: ['staff'] });
    const first = await http().post('/v1/greetings').set('Authorization', `Bearer ${token}`).set('Idempotency-Key', 'k-1').send({});
    const again = await http().post('/v1/greetings').set('Authorization', `Bearer ${token}`).set('Idempotency-Key', 'k-1').send({});
    expect([first.status, first.body, again.status, again.headers['idempotency-replayed']]).toEqual([201, { n: 1 }, 201, 'true']);
    expect(service.parts.created()).toBe(1);
    expect(await service.host.db.collection('idempotency_keys').countDocuments()).toBe(1);
  });

  it("shows the parts' metrics on /metrics beside the HTTP ones", async () => {
    const text = (await http().get('/metrics')).text;
    expect(text).toMatch(/^greetings_total\{service="host-test"\} [1-9]/m);
    expect(text).toContain('http_server_request_duration_seconds_bucket');
  });

  it('stops the servers first, then the parts in reverse, then the database', async () => {
    const httpPort = service.httpPort;
    await service.stop();
    expect(events).toEqual(['start:relay', 'start:consumer', 'stop:webhook connections', 'stop:consumer (http closed)', 'stop:relay']);
    expect(service.host.connection.readyState).toBe(0);
    await expect(request(`http://127.0.0.1:${httpPort}`).get('/healthz')).rejects.toThrow(/ECONNREFUSED/);
  });

  it('undoes what started when compose fails, and rethrows', async () => {
    const stopped: string[] = [];
    const failing = defineService({
      name: 'host-test-failing',
      database: 'hangviet_host_test',
      config: schema,
      async compose(host) {
        await host.add({ name: 'producer', stop: () => void stopped.push('producer') });
        throw new Error('topic hangviet.registry.business cannot be created');
      },
    });
    const config = { ...loadConfig(schema, { MONGO_URL: scope.mongoUrl, AUTH_JWKS_FILE: `${keys.dir}/jwks.json` }), HTTP_PORT: 0, GRPC_PORT: 0 };
    await expect(startService(failing, { config, logger: memoryLogger().logger })).rejects.toThrow('cannot be created');
    expect(stopped).toEqual(['producer']);
  });
});
