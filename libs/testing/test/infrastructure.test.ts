// The harness's promise to every other test: a real Kafka, a real MongoDB-compatible database and
// gRPC over ts-proto stubs all work from here.
import * as grpc from '@grpc/grpc-js';
import {
  HealthCheckResponse_ServingStatus,
  HealthClient,
  HealthService,
  type HealthServer,
} from '@hangviet/contracts/grpc/health/v1/health';
import { Kafka, logLevel } from 'kafkajs';
import mongoose from 'mongoose';
import { testScope } from '../src';

const scope = testScope('harness');

describe('Kafka', () => {
  const kafka = new Kafka({
    clientId: 'harness-test',
    brokers: scope.kafkaBrokers,
    logLevel: logLevel.NOTHING,
  });
  const topic = scope.topic('harness.ping');

  it('delivers a produced message to a consumer group, key and headers intact', async () => {
    const admin = kafka.admin();
    await admin.connect();
    await admin.createTopics({ topics: [{ topic, numPartitions: 3 }], waitForLeaders: true });
    await admin.disconnect();

    const consumer = kafka.consumer({ groupId: scope.group('harness') });
    await consumer.connect();
    await consumer.subscribe({ topic, fromBeginning: true });
    const received = new Promise<{ key: string; value: string; header: string }>((resolve) => {
      void consumer.run({
        eachMessage: async ({ message }) =>
          resolve({
            key: String(message.key),
            value: String(message.value),
            header: String(message.headers?.ce_type),
          }),
      });
    });

    const producer = kafka.producer({ idempotent: true });
    await producer.connect();
    await producer.send({
      topic,
      acks: -1,
      messages: [{ key: 'biz-1', value: 'xin chào', headers: { ce_type: 'hangviet.test.ping.v1' } }],
    });
    await producer.disconnect();

    await expect(received).resolves.toEqual({
      key: 'biz-1',
      value: 'xin chào',
      header: 'hangviet.test.ping.v1',
    });
    await consumer.disconnect();
  });
});

describe('database through mongoose', () => {
  const Enterprise = mongoose.model(
    'HarnessEnterprise',
    new mongoose.Schema({ taxCode: { type: String, required: true, unique: true }, name: String }),
  );

  beforeAll(async () => {
    await mongoose.connect(scope.mongoUrl);
    await Enterprise.init();
  });
  afterAll(async () => {
    await mongoose.connection.dropDatabase();
    await mongoose.disconnect();
  });

  it('writes and reads a document with Vietnamese text unchanged', async () => {
    await Enterprise.create({ taxCode: '0100233488', name: 'Hợp tác xã Hồi Lạng Sơn' });
    const found = await Enterprise.findOne({ taxCode: '0100233488' }).lean();
    expect(found?.name).toBe('Hợp tác xã Hồi Lạng Sơn');
  });

  // The outbox, optimistic concurrency and leases rely on MongoDB's atomic single-document updates;
  // FerretDB v1 needs deploy/local's patch for this (deploy/local/ferretdb/patches/0001-*).
  it('applies concurrent updates of one document atomically: none lost', async () => {
    const counters = mongoose.connection.collection<{ _id: string; n: number; items: number[] }>(
      'harness_counters',
    );
    await counters.insertOne({ _id: 'c', n: 0, items: [] });
    await Promise.all(
      Array.from({ length: 25 }, (_, i) =>
        counters.updateOne({ _id: 'c' }, { $inc: { n: 1 }, $push: { items: i } }),
      ),
    );
    const doc = await counters.findOne({ _id: 'c' });
    expect(doc?.n).toBe(25);
    expect([...(doc?.items ?? [])].sort((a, b) => a - b)).toEqual(Array.from({ length: 25 }, (_, i) => i));
  });

  it('lets exactly one of several concurrent conditional updates win', async () => {
    const versions = mongoose.connection.collection<{ _id: string; version: number; owner?: number }>(
      'harness_versions',
    );
    for (let round = 0; round < 5; round++) {
      await versions.insertOne({ _id: `v${round}`, version: 0 });
      const results = await Promise.all(
        Array.from({ length: 6 }, (_, owner) =>
          versions.findOneAndUpdate({ _id: `v${round}`, version: 0 }, { $set: { version: 1, owner } }),
        ),
      );
      expect(results.filter((r) => r !== null)).toHaveLength(1);
    }
  });

  // FerretDB's patched build answers these from the _id index (deploy/local/ferretdb/patches/0002-*; the
  // plan is checked in search-pushdown.test.ts); the results must be exactly MongoDB's: the rest of the
  // filter still applies.
  it('filters by _id together with other fields, and by _id $in, with the whole filter applied', async () => {
    const docs = mongoose.connection.collection<{ _id: string; version: number }>('harness_id_filters');
    await docs.insertMany(Array.from({ length: 6 }, (_, i) => ({ _id: `d${i}`, version: i % 2 })));
    expect(await docs.findOne({ _id: 'd1', version: 1 })).toEqual({ _id: 'd1', version: 1 });
    expect(await docs.findOne({ _id: 'd1', version: 0 })).toBeNull();
    const update = await docs.updateOne({ _id: 'd2', version: 1 }, { $set: { version: 9 } });
    expect(update.matchedCount).toBe(0);
    const found = await docs.find({ _id: { $in: ['d0', 'd3', 'd4', 'missing'] }, version: 0 }).toArray();
    expect(found.map((d) => d._id).sort()).toEqual(['d0', 'd4']);
    const removed = await docs.deleteMany({ _id: { $in: ['d0', 'd1', 'd2'] }, version: 1 });
    expect(removed.deletedCount).toBe(1);
    expect(await docs.countDocuments()).toBe(5);
  });

  // Upstream FerretDB v1 held every statement's read open until the end of the command, and on
  // PostgreSQL held it while the write waited for a connection of its own: a bulk update of more
  // statements than its pool has connections (50), or 50 concurrent writers, never answered
  // (deploy/local/ferretdb/patches/0001-*).
  it('applies a bulk update of 500 statements', async () => {
    const docs = mongoose.connection.collection<{ _id: string; n: number }>('harness_bulk');
    await docs.insertMany(Array.from({ length: 500 }, (_, i) => ({ _id: `b${i}`, n: 0 })));
    const result = await docs.bulkWrite(
      Array.from({ length: 500 }, (_, i) => ({
        updateOne: { filter: { _id: `b${i}` }, update: { $inc: { n: i + 1 } } },
      })),
      { ordered: false },
    );
    expect(result.modifiedCount).toBe(500);
    expect(await docs.findOne({ _id: 'b499' })).toEqual({ _id: 'b499', n: 500 });
  });

  it('answers 60 writers at once, each a read-modify-write of a document of its own', async () => {
    const client = await mongoose.mongo.MongoClient.connect(scope.mongoUrl, {
      maxPoolSize: 100,
      minPoolSize: 60,
    });
    try {
      const docs = client.db().collection<{ _id: string; version: number }>('harness_writers');
      await docs.insertMany(Array.from({ length: 60 }, (_, i) => ({ _id: `w${i}`, version: 0 })));
      const results = await Promise.all(
        Array.from({ length: 60 }, (_, i) =>
          i % 2 === 0
            ? docs
                .updateOne({ _id: `w${i}`, version: 0 }, { $set: { version: 1 } })
                .then((r) => r.modifiedCount)
            : docs
                .findOneAndUpdate({ _id: `w${i}`, version: 0 }, { $set: { version: 1 } })
                .then((r) => (r ? 1 : 0)),
        ),
      );
      expect(results.reduce((a, b) => a + b, 0)).toBe(60);
      expect(await docs.countDocuments({ version: 1 })).toBe(60);
    } finally {
      await client.close();
    }
  });

  // MongoDB stores any string; PostgreSQL's jsonb refuses U+0000, which the idempotency records' _id
  // holds (deploy/local/ferretdb/patches/0005-*).
  it('stores, finds and returns strings holding NUL unchanged', async () => {
    const docs = mongoose.connection.collection<{ _id: string; key: string }>('harness_nul');
    await docs.insertOne({ _id: 'scope\u0000key', key: 'a\u0000b\uffffc' });
    expect(await docs.findOne({ _id: 'scope\u0000key' })).toEqual({
      _id: 'scope\u0000key',
      key: 'a\u0000b\uffffc',
    });
    expect(await docs.countDocuments({ key: 'a\u0000b\uffffc' })).toBe(1);
    expect(await docs.countDocuments({ key: 'a' })).toBe(0);
  });

  it('enforces a unique index', async () => {
    await Enterprise.create({ taxCode: '0100112437', name: 'Công ty A' });
    await expect(Enterprise.create({ taxCode: '0100112437', name: 'Công ty B' })).rejects.toMatchObject({
      code: 11000,
    });
    expect(await Enterprise.countDocuments({ taxCode: '0100112437' })).toBe(1);
  });
});

describe('gRPC through ts-proto stubs', () => {
  let server: grpc.Server;
  let client: HealthClient;

  beforeAll(async () => {
    server = new grpc.Server();
    const health: HealthServer = {
      check: (call, callback) =>
        call.request.service === 'hangviet.test.v1.Unknown'
          ? callback({ code: grpc.status.NOT_FOUND, details: 'unknown service' })
          : callback(null, { status: HealthCheckResponse_ServingStatus.SERVING }),
      watch: (call) => call.end(),
    };
    server.addService(HealthService, health);
    const port = await new Promise<number>((resolve, reject) =>
      server.bindAsync('127.0.0.1:0', grpc.ServerCredentials.createInsecure(), (err, p) =>
        err ? reject(err) : resolve(p),
      ),
    );
    client = new HealthClient(`127.0.0.1:${port}`, grpc.credentials.createInsecure());
  });
  afterAll(() => {
    client.close();
    server.forceShutdown();
  });

  it('answers grpc.health.v1.Health/Check', async () => {
    const response = await new Promise((resolve, reject) =>
      client.check({ service: '' }, new grpc.Metadata(), { deadline: Date.now() + 5000 }, (err, res) =>
        err ? reject(err) : resolve(res),
      ),
    );
    expect(response).toEqual({ status: HealthCheckResponse_ServingStatus.SERVING });
  });

  it('carries a status code back to the caller', async () => {
    const error = await new Promise<grpc.ServiceError>((resolve) =>
      client.check(
        { service: 'hangviet.test.v1.Unknown' },
        new grpc.Metadata(),
        { deadline: Date.now() + 5000 },
        (err) => resolve(err!),
      ),
    );
    expect(error.code).toBe(grpc.status.NOT_FOUND);
  });
});
