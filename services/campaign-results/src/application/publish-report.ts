import { authorize, type Principal } from '@hangviet/service-kit';
import { figuresOf } from '../domain/figures';
import { ACCESS } from './access-rules';
import type { CampaignResultsDeps } from './ports';

/** The centre publishes a year's figures (for a province, or all): partners hear hangviet.campaign.report.published.v1. */
export async function publishReport(deps: CampaignResultsDeps, principal: Principal | undefined, command: { year: number; provinceCode?: string }) {
  const actor = authorize(principal, ACCESS.publishReport);
  const filter = { year: command.year, ...(command.provinceCode ? { provinceCode: command.provinceCode } : {}) };
  const [now, before] = await Promise.all([deps.projection.totals(filter), deps.projection.totals({ ...filter, year: command.year - 1 })]);
  const figures = figuresOf(now, before).map(({ code, value, unit, previousYearValue }) => ({ code, value, unit, previousYearValue }));
  const id = command.provinceCode ? `${command.year}-${command.provinceCode}` : String(command.year);
  const { version } = await deps.reports.publish({ id, year: command.year, provinceCode: command.provinceCode ?? '', figures, actorSubject: actor.subject, now: deps.now() });
  return { id, year: command.year, provinceCode: command.provinceCode ?? '', figures, version };
}
