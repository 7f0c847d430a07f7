// Reads one fair (404 when unknown); and the one way a fair is changed: load, move, save, reloading
// when a concurrent write came first (the store's CONCURRENT_UPDATE).
import { isConcurrentUpdate } from '@hangviet/events';
import { conflict, notFound } from '@hangviet/service-kit/errors';
import type { Fair } from '../domain/fair';
import type { TradeFairDeps } from './ports';

export async function getFair(deps: Pick<TradeFairDeps, 'fairs'>, id: string): Promise<Fair> {
  const fair = await deps.fairs.findById(id);
  if (!fair) throw notFound('FAIR_NOT_FOUND', `No fair has the id ${id}.`, { id });
  return fair;
}

/** Saves a fair moved by `change`, reloading up to twice when another write came first. */
export async function changeFair(deps: Pick<TradeFairDeps, 'fairs'>, id: string, change: (fair: Fair) => void): Promise<Fair> {
  for (let attempt = 0; ; attempt++) {
    const fair = await getFair(deps, id);
    change(fair);
    try {
      await deps.fairs.save(fair);
      return fair;
    } catch (err) {
      if (!isConcurrentUpdate(err)) throw err;
      if (attempt >= 2) throw conflict('FAIR_CHANGED', 'The fair changed meanwhile; try again.', { id });
    }
  }
}
