import { authorize, type Principal } from '@hangviet/service-kit';
import { factCodesOf, figuresOf, type Figure } from '../domain/figures';
import { INDICATORS, SECTION_TITLES, type ReportSection } from '../domain/indicators';
import type { Fact } from '../domain/projection';
import { ACCESS } from './access-rules';
import type { CampaignResultsDeps, FigureFilter } from './ports';

/** The most records a report lists per figure (the figure itself counts them all). */
export const REPORT_RECORDS_PER_FIGURE = 2000;

export interface CampaignReport {
  filter: FigureFilter;
  sections: { section: ReportSection; titleVi: string; titleEn: string; sheet: string; figures: Figure[] }[];
  /** The records behind each figure, by code (at most REPORT_RECORDS_PER_FIGURE each). */
  records: Record<string, Fact[]>;
  /** Codes whose records were cut at the limit. */
  truncated: string[];
  generatedAt: Date;
}

/** The year's report: every figure by section with the year before, and the records behind each. */
export async function buildReport(deps: CampaignResultsDeps, principal: Principal | undefined, filter: FigureFilter): Promise<CampaignReport> {
  authorize(principal, ACCESS.getReport);
  const [now, before] = await Promise.all([deps.projection.totals(filter), deps.projection.totals({ ...filter, year: filter.year - 1 })]);
  const figures = figuresOf(now, before);
  const records: Record<string, Fact[]> = {};
  const truncated: string[] = [];
  for (const ind of INDICATORS) {
    const rows: Fact[] = [];
    let pageToken: string | undefined;
    do {
      const page = await deps.projection.facts(factCodesOf(ind), filter, { pageSize: 100, ...(pageToken ? { pageToken } : {}) });
      rows.push(...page.items);
      pageToken = page.nextPageToken || undefined;
    } while (pageToken && rows.length < REPORT_RECORDS_PER_FIGURE);
    if (pageToken) truncated.push(ind.code);
    records[ind.code] = rows.slice(0, REPORT_RECORDS_PER_FIGURE);
  }
  const sections = (Object.keys(SECTION_TITLES) as ReportSection[]).map((section) => ({
    section,
    titleVi: SECTION_TITLES[section].vi,
    titleEn: SECTION_TITLES[section].en,
    sheet: SECTION_TITLES[section].sheet,
    figures: figures.filter((f) => f.section === section),
  }));
  return { filter, sections, records, truncated, generatedAt: deps.now() };
}
