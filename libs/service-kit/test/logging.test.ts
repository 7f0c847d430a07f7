import { AsyncLocalStorage } from 'node:async_hooks';
import { context, ROOT_CONTEXT, trace, type Context, type ContextManager } from '@opentelemetry/api';
import request from 'supertest';
import { requestContext } from '../src/context';
import { createHttpApp, finishHttpApp } from '../src/http';
import { createLogger } from '../src/logging';
import { createReadiness } from '../src/readiness';
import { testKeys } from './helpers';

function capture() {
  const chunks: string[] = [];
  const logger = createLogger({ service: 'svc', level: 'debug', destination: { write: (c: string) => void chunks.push(c) } });
  return { logger, lines: () => chunks.join('').split('\n').filter(Boolean).map((l) => JSON.parse(l) as Record<string, unknown>) };
}

// A minimal AsyncLocalStorage context manager, standing in for the one the telemetry SDK registers.
class TestContextManager implements ContextManager {
  private readonly storage = new AsyncLocalStorage<Context>();
  active(): Context {
    return this.storage.getStore() ?? ROOT_CONTEXT;
  }
  with<A extends unknown[], F extends (...args: A) => ReturnType<F>>(ctx: Context, fn: F, thisArg?: ThisParameterType<F>, ...args: A): ReturnType<F> {
    return this.storage.run(ctx, () => fn.call(thisArg, ...args));
  }
  bind<T>(_ctx: Context, target: T): T {
    return target;
  }
  enable(): this {
    return this;
  }
  disable(): this {
    this.storage.disable();
    return this;
  }
}

describe('createLogger', () => {
  afterAll(() => context.disable());

  it('writes JSON with service and level, and censors credentials wherever they sit', () => {
    const { logger, lines } = capture();
    logger.info(
      { req: { headers: { authorization: 'Bearer abc.def.ghi', cookie: 'sid=1' } }, password: 'hunter2', user: { token: 't0k', name: 'Lan' } },
      'hello',
    );
    const [line] = lines();
    expect(line).toMatchObject({ service: 'svc', level: 'info', msg: 'hello', password: '[redacted]', user: { token: '[redacted]', name: 'Lan' } });
    expect(line?.req).toEqual({ headers: { authorization: '[redacted]', cookie: '[redacted]' } });
    expect(JSON.stringify(lines())).not.toMatch(/abc\.def|hunter2|t0k|sid=1/);
  });

  it('adds the request id and the active trace and span ids to each line', () => {
    context.setGlobalContextManager(new TestContextManager());
    const { logger, lines } = capture();
    const span = trace.wrapSpanContext({ traceId: '4bf92f3577b34da6a3ce929d0e0e4736', spanId: '00f067aa0ba902b7', traceFlags: 1 });
    context.with(trace.setSpan(context.active(), span), () => {
      requestContext.run({ requestId: 'req-1' }, () => logger.info('inside'));
    });
    logger.info('outside');
    expect(lines()).toEqual([
      expect.objectContaining({ msg: 'inside', request_id: 'req-1', trace_id: '4bf92f3577b34da6a3ce929d0e0e4736', span_id: '00f067aa0ba902b7' }),
      expect.not.objectContaining({ request_id: expect.anything() }),
    ]);
  });

  it('lines logged by a handler through the service logger carry the request id', async () => {
    const keys = await testKeys();
    const { logger, lines } = capture();
    const app = createHttpApp({ service: 'svc', logger, readiness: createReadiness(), authenticator: keys.authenticator });
    app.get('/work', async (_req, res) => {
      await new Promise((r) => setTimeout(r, 5));
      logger.info('doing work');
      res.json({});
    });
    finishHttpApp(app);
    await request(app).get('/work').set('X-Request-Id', 'req-77').expect(200);
    keys.cleanup();
    expect(lines().find((l) => l.msg === 'doing work')).toMatchObject({ request_id: 'req-77' });
    expect(lines().find((l) => l.msg === 'request completed')).toMatchObject({ req: { id: 'req-77' } });
  });
});
