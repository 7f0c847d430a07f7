// What the use cases need from the outside world. One implementation each in infrastructure/; the
// interfaces exist so use cases read without the database and are testable in isolation.
import type { Page, PageRequest } from '@hangviet/service-kit';
import type { FactTotals } from '../domain/figures';
import type { Fact, SourceEvent } from '../domain/projection';
import type { Submission, SubmissionStatus } from '../domain/submission';

export interface SubmissionRepository {
  newId(): string;
  /** Inserts a new submission together with the events it raised (one single-document write). */
  add(aggregate: Submission): Promise<void>;
  /** Writes a loaded submission's changes and events against the version it was loaded at (409 if it moved). */
  save(aggregate: Submission): Promise<void>;
  findById(id: string): Promise<Submission | undefined>;
  list(filter: { status?: SubmissionStatus; year?: number; indicatorCode?: string }, page: PageRequest): Promise<Page<Submission>>;
}

/** The filters of every figure: a year (and quarter), a place, an industry section, a certification scheme. */
export interface FigureFilter {
  year: number;
  quarter?: number;
  provinceCode?: string;
  wardCode?: string;
  industrySection?: string;
  scheme?: string;
}

/** The indicator projection: records of other services' aggregates and the facts they contribute. */
export interface Projection {
  /** Applies one event (idempotent: a redelivered or older event changes nothing). */
  apply(event: SourceEvent): Promise<'applied' | 'duplicate' | 'stale'>;
  /** The sums and counts of the facts of every code in the period and filter. */
  totals(filter: FigureFilter): Promise<FactTotals>;
  /** The facts behind figures (their codes), in id order. */
  facts(codes: readonly string[], filter: FigureFilter, page: PageRequest): Promise<Page<Fact>>;
}

/** The published reports' ids and versions: publishing the same year again is a new version. */
export interface PublishedReports {
  /** Records the publication with its event (one single-document write) and publishes it. */
  publish(report: { id: string; year: number; provinceCode: string; figures: { code: string; value: number; unit: string; previousYearValue: number }[]; actorSubject: string; now: Date }): Promise<{ version: number }>;
}

export interface CampaignResultsDeps {
  submissions: SubmissionRepository;
  projection: Projection;
  reports: PublishedReports;
  now: () => Date;
}
