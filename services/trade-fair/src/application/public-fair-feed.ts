import type { FairState } from '../domain/fair';
import type { TradeFairDeps } from './ports';

/** A calendar feed's entry: the fair, and the enterprise's booths there (its own feed). */
export interface FeedEntry {
  fair: Readonly<FairState>;
  booths?: string[];
}

const PUBLIC: FairState['status'][] = ['PUBLISHED', 'RUNNING', 'CLOSED'];

/** The public calendar: published fairs. */
export async function publicFairFeed(deps: TradeFairDeps, query: { from?: string; to?: string; provinceCode?: string }): Promise<FeedEntry[]> {
  return (await deps.fairs.all({ ...query, statuses: PUBLIC }, 500)).map((f) => ({ fair: f.state }));
}
