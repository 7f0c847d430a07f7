import pino from 'pino';
import { createShutdownStack } from './lifecycle';

const logger = pino({ level: 'silent' });

describe('createShutdownStack', () => {
  it('runs hooks in reverse order, keeps going past a failing one, and reports it', async () => {
    const stack = createShutdownStack({ logger, timeoutMs: 5000 });
    const ran: string[] = [];
    stack.onShutdown('database', async () => void ran.push('database'));
    stack.onShutdown('kafka', async () => {
      ran.push('kafka');
      throw new Error('broker gone');
    });
    stack.onShutdown('http', async () => void ran.push('http'));
    await expect(stack.run()).resolves.toEqual({ ok: false, timedOut: false });
    expect(ran).toEqual(['http', 'kafka', 'database']);
  });

  it('runs once: a second run gets the first result without running the hooks again', async () => {
    const stack = createShutdownStack({ logger, timeoutMs: 5000 });
    let runs = 0;
    stack.onShutdown('http', async () => void runs++);
    const [first, second] = await Promise.all([stack.run(), stack.run()]);
    expect([first, second, runs]).toEqual([{ ok: true, timedOut: false }, { ok: true, timedOut: false }, 1]);
  });

  it('gives up on hooks that overrun the bound', async () => {
    const stack = createShutdownStack({ logger, timeoutMs: 20 });
    stack.onShutdown('stuck', () => new Promise<void>(() => undefined));
    await expect(stack.run()).resolves.toEqual({ ok: false, timedOut: true });
  });
});
