import { join } from 'node:path';
import * as grpc from '@grpc/grpc-js';
import { loadSync } from '@grpc/proto-loader';
import { HealthCheckResponse_ServingStatus as Serving, HealthClient } from '@hangviet/contracts/grpc/health/v1/health';
import { AppError, invalid, notFound } from '../src/errors';
import { callUnary, createGrpcClient, createGrpcServer, decodeGrpcError, unary, type GrpcServer, type TokenSource } from '../src/grpc/index';
import { createReadiness } from '../src/readiness';
import { memoryLogger, signToken, testKeys } from './helpers';

interface EchoRequest { text: string; delayMs: number }
interface EchoResponse { text: string; subject: string }
type Callback = (err: grpc.ServiceError | null, res: EchoResponse) => void;
interface EchoClient extends grpc.Client {
  echo(req: Partial<EchoRequest>, md: grpc.Metadata, opts: Partial<grpc.CallOptions>, cb: Callback): grpc.ClientUnaryCall;
  getEcho(req: Partial<EchoRequest>, md: grpc.Metadata, opts: Partial<grpc.CallOptions>, cb: Callback): grpc.ClientUnaryCall;
  createEcho(req: Partial<EchoRequest>, md: grpc.Metadata, opts: Partial<grpc.CallOptions>, cb: Callback): grpc.ClientUnaryCall;
}

const packageDefinition = loadSync(join(__dirname, 'fixtures', 'echo.proto'), { defaults: true });
const echoDefinition = packageDefinition['hangviet.test.v1.EchoService'] as grpc.ServiceDefinition;
const EchoClientClass = grpc.makeGenericClientConstructor(echoDefinition, 'EchoService') as unknown as new (
  address: string,
  creds: grpc.ChannelCredentials,
  options?: object,
) => EchoClient;

const reflectionDefinition = loadSync(
  require.resolve('@grpc/reflection/build/proto/grpc/reflection/v1/reflection.proto'),
  { keepCase: true },
)['grpc.reflection.v1.ServerReflection'] as grpc.ServiceDefinition;
const ReflectionClient = grpc.makeGenericClientConstructor(reflectionDefinition, 'ServerReflection');

describe('gRPC server and client', () => {
  let keys: Awaited<ReturnType<typeof testKeys>>;
  let server: GrpcServer;
  let address: string;
  let ready = true;
  const calls = { echo: 0, getEcho: 0, createEcho: 0 };
  let failuresLeft = 0;
  let asCallingService: TokenSource;

  beforeAll(async () => {
    keys = await testKeys();
    const readiness = createReadiness();
    readiness.add('database', async () => {
      if (!ready) throw new Error('down');
    });
    // Returns UNAVAILABLE while failuresLeft > 0, so retries can be counted.
    const flaky = (name: 'getEcho' | 'createEcho') =>
      unary<EchoRequest, EchoResponse>(async (req) => {
        calls[name] += 1;
        if (failuresLeft > 0) {
          failuresLeft -= 1;
          throw new AppError('unavailable', 'TRY_AGAIN', 'Temporarily unavailable.');
        }
        return { text: req.text, subject: '' };
      });
    server = createGrpcServer({
      service: 'test',
      logger: memoryLogger().logger,
      readiness,
      authenticator: keys.authenticator,
      extraDescriptors: packageDefinition,
      services: [
        {
          definition: echoDefinition,
          implementation: {
            echo: unary<EchoRequest, EchoResponse>(async (req, ctx) => {
              calls.echo += 1;
              if (req.delayMs) await new Promise((r) => setTimeout(r, req.delayMs));
              if (req.text === 'missing') throw notFound('BUSINESS_NOT_FOUND', 'No business b9.', { businessId: 'b9' });
              if (req.text === '') throw invalid([{ field: 'text', code: 'REQUIRED', message: 'Text is required.' }]);
              if (req.text === 'crash') throw new Error('secret internals');
              return { text: req.text, subject: ctx.principal?.subject ?? '' };
            }),
            getEcho: flaky('getEcho'),
            createEcho: flaky('createEcho'),
          },
        },
      ],
    });
    const port = await server.listen(0, '127.0.0.1');
    address = `127.0.0.1:${port}`;
    // The clients below call as a service unless told otherwise.
    asCallingService = () => signToken(keys.dir, { sub: 'calling-service', roles: ['service'] });
  });

  afterAll(async () => {
    await server.shutdown(1000);
    keys.cleanup();
  });

  function echo(client: EchoClient, req: Partial<EchoRequest>, md = new grpc.Metadata(), opts: Partial<grpc.CallOptions> = {}) {
    return callUnary<Partial<EchoRequest>, EchoResponse>(client, client.echo, req, md, opts);
  }
  function expectRejection(p: Promise<unknown>): Promise<grpc.ServiceError> {
    return p.then(
      () => {
        throw new Error('expected the call to fail');
      },
      (err: grpc.ServiceError) => err,
    );
  }

  it('health is SERVING while ready and NOT_SERVING while a readiness check fails', async () => {
    const health = createGrpcClient(HealthClient, address, { token: asCallingService });
    const check = (service: string) =>
      new Promise<number>((resolve, reject) => health.check({ service }, (err, res) => (err ? reject(err) : resolve(res.status))));
    try {
      expect(await check('')).toBe(Serving.SERVING);
      expect(await check('hangviet.test.v1.EchoService')).toBe(Serving.SERVING);
      ready = false;
      expect(await check('')).toBe(Serving.NOT_SERVING);
      expect(await check('hangviet.test.v1.EchoService')).toBe(Serving.NOT_SERVING);
      ready = true;
      expect(await check('')).toBe(Serving.SERVING);
      const unknown = await expectRejection(check('no.Such'));
      expect(unknown.code).toBe(grpc.status.NOT_FOUND);
    } finally {
      ready = true;
      health.close();
    }
  });

  it('reflection lists the registered services', async () => {
    const client = new ReflectionClient(address, grpc.credentials.createInsecure());
    try {
      const stream = (client as unknown as { ServerReflectionInfo(): grpc.ClientDuplexStream<object, { list_services_response?: { service: { name: string }[] } }> }).ServerReflectionInfo();
      const response = new Promise<string[]>((resolve, reject) => {
        stream.on('data', (msg) => resolve((msg.list_services_response?.service ?? []).map((s: { name: string }) => s.name)));
        stream.on('error', reject);
      });
      stream.write({ list_services: '*' });
      const names = await response;
      stream.end();
      expect(names).toEqual(expect.arrayContaining(['hangviet.test.v1.EchoService', 'grpc.health.v1.Health']));
    } finally {
      client.close();
    }
  });

  it('an AppError arrives as its status with an ErrorInfo reason (and BadRequest for invalid)', async () => {
    const client = createGrpcClient(EchoClientClass, address, { token: asCallingService });
    try {
      const missing = await expectRejection(echo(client, { text: 'missing' }));
      expect(missing.code).toBe(grpc.status.NOT_FOUND);
      expect(decodeGrpcError(missing)).toEqual({
        code: grpc.status.NOT_FOUND,
        message: 'No business b9.',
        reason: 'BUSINESS_NOT_FOUND',
        meta: { businessId: 'b9' },
      });
      const bad = await expectRejection(echo(client, { text: '' }));
      expect(decodeGrpcError(bad)).toMatchObject({
        code: grpc.status.INVALID_ARGUMENT,
        reason: 'VALIDATION_FAILED',
        errors: [{ field: 'text', code: 'REQUIRED', message: 'Text is required.' }],
      });
      const crash = await expectRejection(echo(client, { text: 'crash' }));
      expect(decodeGrpcError(crash)).toMatchObject({ code: grpc.status.INTERNAL, reason: 'INTERNAL', message: 'An unexpected error occurred.' });
    } finally {
      client.close();
    }
  });

  it('verifies the bearer token in metadata: valid → principal, bad → UNAUTHENTICATED before the handler', async () => {
    const client = createGrpcClient(EchoClientClass, address, { token: asCallingService });
    try {
      const good = new grpc.Metadata();
      good.set('authorization', `Bearer ${await signToken(keys.dir, { sub: 'staff-7', roles: ['staff'] })}`);
      expect((await echo(client, { text: 'hi' }, good)).subject).toBe('staff-7');

      const before = calls.echo;
      const forged = new grpc.Metadata();
      forged.set('authorization', `Bearer ${await signToken(keys.dir, { sub: 'x', roles: ['admin'] }, { foreign: true })}`);
      const err = await expectRejection(echo(client, { text: 'hi' }, forged));
      expect(err.code).toBe(grpc.status.UNAUTHENTICATED);
      expect(decodeGrpcError(err).reason).toBe('TOKEN_INVALID');
      const expired = new grpc.Metadata();
      expired.set('authorization', `Bearer ${await signToken(keys.dir, { sub: 'x', roles: ['admin'] }, { exp: Math.floor(Date.now() / 1000) - 60 })}`);
      expect(decodeGrpcError(await expectRejection(echo(client, { text: 'hi' }, expired))).reason).toBe('TOKEN_EXPIRED');
      expect(calls.echo).toBe(before);
    } finally {
      client.close();
    }
  });

  it('a call without a token is refused before the handler (service identity, issue 12 item 5)', async () => {
    const anonymous = createGrpcClient(EchoClientClass, address, { token: null });
    const asService = createGrpcClient(EchoClientClass, address, { token: asCallingService });
    try {
      const before = calls.echo;
      const err = await expectRejection(echo(anonymous, { text: 'hi' }));
      expect(err.code).toBe(grpc.status.UNAUTHENTICATED);
      expect(decodeGrpcError(err).reason).toBe('TOKEN_MISSING');
      expect(calls.echo).toBe(before);
      // The client given the calling service's identity attached its token: the handler sees that service.
      expect((await echo(asService, { text: 'hi' })).subject).toBe('calling-service');
    } finally {
      anonymous.close();
      asService.close();
    }
  });

  it('anonymousMethods opens the named methods only', async () => {
    const open = createGrpcServer({
      service: 'open',
      logger: memoryLogger().logger,
      readiness: createReadiness(),
      authenticator: keys.authenticator,
      extraDescriptors: packageDefinition,
      anonymousMethods: ['GetEcho'],
      services: [
        {
          definition: echoDefinition,
          implementation: {
            echo: unary<EchoRequest, EchoResponse>(async (req) => ({ text: req.text, subject: '' })),
            getEcho: unary<EchoRequest, EchoResponse>(async (req, ctx) => ({ text: req.text, subject: ctx.principal?.subject ?? 'nobody' })),
            createEcho: unary<EchoRequest, EchoResponse>(async (req) => ({ text: req.text, subject: '' })),
          },
        },
      ],
    });
    const port = await open.listen(0);
    const client = createGrpcClient(EchoClientClass, `127.0.0.1:${port}`, { token: null });
    try {
      expect((await callUnary(client, client.getEcho, { text: 'a' })).subject).toBe('nobody');
      expect((await expectRejection(echo(client, { text: 'a' }))).code).toBe(grpc.status.UNAUTHENTICATED);
    } finally {
      client.close();
      await open.shutdown(1000);
    }
  });

  it('the client deadline fires on a slow handler', async () => {
    const client = createGrpcClient(EchoClientClass, address, { token: asCallingService, deadlineMs: 100 });
    try {
      const err = await expectRejection(echo(client, { text: 'slow', delayMs: 1000 }));
      expect(err.code).toBe(grpc.status.DEADLINE_EXCEEDED);
      // An explicit per-call deadline still wins over the default.
      expect((await echo(client, { text: 'ok', delayMs: 150 }, new grpc.Metadata(), { deadline: Date.now() + 5000 })).text).toBe('ok');
    } finally {
      client.close();
    }
  });

  it('retries UNAVAILABLE for idempotent methods only, bounded', async () => {
    const client = createGrpcClient(EchoClientClass, address, { token: asCallingService, idempotentMethods: ['GetEcho'], retries: 2 });
    try {
      // Idempotent: two failures then success, within 1 + 2 attempts.
      failuresLeft = 2;
      calls.getEcho = 0;
      expect((await callUnary(client, client.getEcho, { text: 'a' })).text).toBe('a');
      expect(calls.getEcho).toBe(3);

      // Bounded: three failures exhaust 1 + 2 attempts.
      failuresLeft = 3;
      calls.getEcho = 0;
      const exhausted = await expectRejection(callUnary(client, client.getEcho, { text: 'a' }));
      expect(exhausted.code).toBe(grpc.status.UNAVAILABLE);
      expect(calls.getEcho).toBe(3);

      // Not idempotent: one attempt, the UNAVAILABLE reaches the caller.
      failuresLeft = 1;
      calls.createEcho = 0;
      const err = await expectRejection(callUnary(client, client.createEcho, { text: 'a' }));
      expect(err.code).toBe(grpc.status.UNAVAILABLE);
      expect(decodeGrpcError(err).reason).toBe('TRY_AGAIN');
      expect(calls.createEcho).toBe(1);
    } finally {
      failuresLeft = 0;
      client.close();
    }
  });

  it('refuses to configure retries for a method the service does not have', () => {
    expect(() => createGrpcClient(EchoClientClass, address, { token: asCallingService, idempotentMethods: ['Nope'] })).toThrow(/'Nope' is not a method/);
  });
});
