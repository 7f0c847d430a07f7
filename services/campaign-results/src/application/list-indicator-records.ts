import { authorize, type Page, type PageRequest, type Principal } from '@hangviet/service-kit';
import { notFound } from '@hangviet/service-kit/errors';
import { factCodesOf } from '../domain/figures';
import { indicator } from '../domain/indicators';
import type { Fact } from '../domain/projection';
import { ACCESS } from './access-rules';
import type { CampaignResultsDeps, FigureFilter } from './ports';

export interface ListIndicatorRecordsCommand extends FigureFilter, PageRequest {
  code: string;
}

/** The records behind one figure: each fact with the record it comes from (a business, a certificate, a submission…). */
export async function listIndicatorRecords(deps: CampaignResultsDeps, principal: Principal | undefined, { code, pageSize, pageToken, ...filter }: ListIndicatorRecordsCommand): Promise<Page<Fact>> {
  authorize(principal, ACCESS.listIndicatorRecords);
  const ind = indicator(code);
  if (!ind) throw notFound('INDICATOR_NOT_FOUND', `No indicator has the code ${code}.`, { code });
  return deps.projection.facts(factCodesOf(ind), filter, { pageSize, ...(pageToken ? { pageToken } : {}) });
}
