// The aggregate store against the real database: the bulk path writes each aggregate with its outbox
// entries when its version is the loaded one, reports the stale ones (the one conflict signal) without
// writing them, and a single save of a stale aggregate throws CONCURRENT_UPDATE.
import { Aggregate, isConcurrentUpdate, MongoAggregateStore, outboxEntry, type AggregateDocument } from '../src';
import { openHarness, widgetData, type Harness } from './support';

interface WidgetState {
  id: string;
  name: string;
  version: number;
}

class Widget extends Aggregate<WidgetState, { kind: 'renamed' }> {
  static fromState(s: WidgetState): Widget {
    return new Widget(s, s.version);
  }
  static create(id: string, name: string): Widget {
    const w = new Widget({ id, name, version: 1 }, 0);
    w.raise({ kind: 'renamed' });
    return w;
  }
  rename(name: string): void {
    this.apply({ ...this.state, name, version: this.state.version + 1 }, { kind: 'renamed' });
  }
}

let h: Harness;
let store: MongoAggregateStore<Widget, WidgetState>;
const published: string[][] = [];

beforeAll(async () => {
  h = await openHarness('events_aggregate_store');
  store = new MongoAggregateStore<Widget, WidgetState>(
    h.db.collection<AggregateDocument>('widgets'),
    {
      idField: 'id', idOf: (w) => w.id, stateOf: (w) => w.state, loadedVersion: (w) => w.loadedVersion, fromState: Widget.fromState,
      outboxOf: (w) => w.events.map(() => outboxEntry(h.changed, w.id, widgetData('RENAMED', { name: w.state.name }), { source: 'test' })),
    },
    { publish: async (id) => void published.push([id]), publishMany: async (ids) => void published.push([...ids]) },
  );
});

afterAll(async () => {
  await h?.close();
});

it('saveMany writes the current ones with their events in one bulk write and reports the stale ones unwritten', async () => {
  const ids = Array.from({ length: 6 }, (_, i) => `w${i}`);
  expect(await store.addMany(ids.map((id) => Widget.create(id, `Gian ${id}`)))).toEqual({ added: ids, duplicates: [] });
  const loaded = await Promise.all(ids.map(async (id) => (await store.findById(id))!));
  // Someone else renames w2 and w4 first.
  for (const id of ['w2', 'w4']) {
    const other = (await store.findById(id))!;
    other.rename('đổi trước');
    await store.save(other);
  }
  for (const w of loaded) w.rename(`Gian hàng ${w.id}`);
  published.length = 0;
  const result = await store.saveMany(loaded);
  expect(result.conflicts.sort()).toEqual(['w2', 'w4']);
  expect(result.saved.map((w) => w.id).sort()).toEqual(['w0', 'w1', 'w3', 'w5']);
  expect(published).toEqual([['w0', 'w1', 'w3', 'w5']]);
  const docs = await h.db.collection<AggregateDocument>('widgets').find({}).sort({ _id: 1 }).toArray();
  expect(docs.map((d) => [d._id, d.name, d.version, (d.outbox ?? []).length])).toEqual([
    ['w0', 'Gian hàng w0', 2, 2], ['w1', 'Gian hàng w1', 2, 2], ['w2', 'đổi trước', 2, 2],
    ['w3', 'Gian hàng w3', 2, 2], ['w4', 'đổi trước', 2, 2], ['w5', 'Gian hàng w5', 2, 2],
  ]);
  // Read back without the outbox or the bulk mark.
  expect((await store.findById('w0'))!.state).toEqual({ id: 'w0', name: 'Gian hàng w0', version: 2 });
});

it('a single save of a stale aggregate throws CONCURRENT_UPDATE; a duplicate add ALREADY_EXISTS', async () => {
  const stale = Widget.fromState({ id: 'w0', name: 'x', version: 1 });
  stale.rename('y');
  const err = await store.save(stale).catch((e: unknown) => e);
  expect(isConcurrentUpdate(err)).toBe(true);
  await expect(store.add(Widget.create('w1', 'again'))).rejects.toMatchObject({ code: 'ALREADY_EXISTS' });
  expect(await store.addMany([Widget.create('w1', 'again'), Widget.create('w9', 'new')])).toEqual({ added: ['w9'], duplicates: ['w1'] });
});
