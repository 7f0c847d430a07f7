import { createEndpointDirectory } from './endpoint-directory';
import type { NotificationModels, WebhookEndpointDoc } from './models';

/** A stand-in for the endpoints model that counts reads and answers each with the list at that time. */
function endpointsModel() {
  const state = { reads: 0, list: [] as Partial<WebhookEndpointDoc>[], fail: false };
  const model = {
    find: () => ({
      lean: () => ({
        exec: async () => {
          state.reads++;
          const snapshot = [...state.list];
          if (state.fail) throw new Error('database unavailable');
          return snapshot;
        },
      }),
    }),
  } as unknown as NotificationModels['endpoints'];
  return { state, models: { endpoints: model } };
}

describe('endpoint directory', () => {
  it('reads the database at most once per ttl', async () => {
    const { state, models } = endpointsModel();
    let now = 1_000;
    const directory = createEndpointDirectory(models, 500, () => now);
    state.list = [{ _id: 'ep_1' }];
    await directory.active();
    state.list = [{ _id: 'ep_1' }, { _id: 'ep_2' }];
    now += 499;
    expect(await directory.active()).toHaveLength(1);
    now += 1;
    expect(await directory.active()).toHaveLength(2);
    expect(state.reads).toBe(2);
  });

  it('reads again after this instance changed an endpoint, whatever the ttl', async () => {
    const { state, models } = endpointsModel();
    const directory = createEndpointDirectory(models, 3_600_000, () => 0);
    await directory.active();
    state.list = [{ _id: 'ep_new' }];
    directory.changed();
    expect(await directory.active()).toEqual([{ id: 'ep_new' }]);
  });

  it('does not hand out a read that started before the change', async () => {
    const { state, models } = endpointsModel();
    const directory = createEndpointDirectory(models, 3_600_000, () => 0);
    const before = directory.active();
    state.list = [{ _id: 'ep_new' }];
    directory.changed();
    expect(await directory.active()).toEqual([{ id: 'ep_new' }]);
    await before;
  });

  it('does not keep a failed read', async () => {
    const { state, models } = endpointsModel();
    const directory = createEndpointDirectory(models, 3_600_000, () => 0);
    state.fail = true;
    await expect(directory.active()).rejects.toThrow('database unavailable');
    state.fail = false;
    state.list = [{ _id: 'ep_1' }];
    expect(await directory.active()).toEqual([{ id: 'ep_1' }]);
  });

  it('reads every time with a ttl of 0', async () => {
    const { state, models } = endpointsModel();
    const directory = createEndpointDirectory(models, 0, () => 0);
    await directory.active();
    await directory.active();
    expect(state.reads).toBe(2);
  });
});
