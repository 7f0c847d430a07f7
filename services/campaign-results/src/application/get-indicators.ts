import { authorize, type Principal } from '@hangviet/service-kit';
import { figuresOf, type Figure } from '../domain/figures';
import { ACCESS } from './access-rules';
import type { CampaignResultsDeps, FigureFilter } from './ports';

/** Every indicator of the catalogue for the period and filter, with the same period of the year before. */
export async function getIndicators(deps: CampaignResultsDeps, principal: Principal | undefined, filter: FigureFilter): Promise<Figure[]> {
  authorize(principal, ACCESS.getIndicators);
  const [now, before] = await Promise.all([deps.projection.totals(filter), deps.projection.totals({ ...filter, year: filter.year - 1 })]);
  return figuresOf(now, before);
}
