import { createBatcher } from './batcher';

/** A batch runner whose batches the test releases by hand, recording what each batch held. */
function gated() {
  const batches: number[][] = [];
  const gates: (() => void)[] = [];
  const run = async (items: number[]) => {
    batches.push(items);
    await new Promise<void>((resolve) => gates.push(resolve));
    return items.map((n) => (n < 0 ? new Error(`negative ${n}`) : n * 10));
  };
  const release = async () => {
    while (gates.length === 0) await new Promise((r) => setImmediate(r));
    gates.shift()!();
  };
  return { batches, run, release };
}

describe('createBatcher', () => {
  it('sends what one turn of the event loop asked for as one batch, and each caller gets its own result', async () => {
    const g = gated();
    const load = createBatcher({ maxBatch: 100, run: g.run });
    const results = Promise.all([load(1), load(2), load(3)]);
    await g.release();
    await expect(results).resolves.toEqual([10, 20, 30]);
    expect(g.batches).toEqual([[1, 2, 3]]);
  });

  it('gathers what arrives while a batch is in flight into the next batch', async () => {
    const g = gated();
    const load = createBatcher({ maxBatch: 100, run: g.run });
    const first = load(1);
    while (g.batches.length === 0) await new Promise((r) => setImmediate(r));
    const later = [load(2), load(3), load(4)];
    await g.release();
    await g.release();
    await expect(Promise.all([first, ...later])).resolves.toEqual([10, 20, 30, 40]);
    expect(g.batches).toEqual([[1], [2, 3, 4]]);
  });

  it('splits at maxBatch', async () => {
    const g = gated();
    const load = createBatcher({ maxBatch: 2, run: g.run });
    const all = Promise.all([1, 2, 3, 4, 5].map(load));
    for (let i = 0; i < 3; i++) await g.release();
    await expect(all).resolves.toEqual([10, 20, 30, 40, 50]);
    expect(g.batches).toEqual([[1, 2], [3, 4], [5]]);
  });

  it('fails only the item whose result is an Error', async () => {
    const g = gated();
    const load = createBatcher({ maxBatch: 10, run: g.run });
    const results = Promise.allSettled([load(1), load(-2), load(3)]);
    await g.release();
    const settled = await results;
    expect(settled.map((s) => s.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect((settled[1] as PromiseRejectedResult).reason).toEqual(new Error('negative -2'));
  });

  it('fails every item of a batch that throws, and keeps serving later batches', async () => {
    let calls = 0;
    const load = createBatcher<number, number>({
      maxBatch: 10,
      run: async (items) => {
        calls++;
        if (calls === 1) throw new Error('connection lost');
        return items;
      },
    });
    await expect(Promise.allSettled([load(1), load(2)])).resolves.toEqual([
      { status: 'rejected', reason: new Error('connection lost') },
      { status: 'rejected', reason: new Error('connection lost') },
    ]);
    await expect(load(3)).resolves.toBe(3);
  });

  it('refuses a batch result of the wrong length rather than pairing results with the wrong callers', async () => {
    const load = createBatcher<number, number>({ maxBatch: 10, run: async (items) => items.slice(1) });
    await expect(Promise.all([load(1), load(2)])).rejects.toThrow('batch of 2 returned 1 results');
  });
});
