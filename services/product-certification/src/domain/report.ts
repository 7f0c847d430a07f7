// A public counterfeit or misuse report: NEW → FORWARDED (to a partner such as market surveillance) →
// CLOSED, or NEW → CLOSED. The reporter's contact is kept for staff only; events never carry it.
import { conflict, invalid, type FieldError } from '@hangviet/service-kit/errors';

export const REPORT_STATUSES = ['NEW', 'FORWARDED', 'CLOSED'] as const;
export type ReportStatus = (typeof REPORT_STATUSES)[number];

export interface ReportInput {
  certificateNumber?: string;
  productId?: string;
  provinceCode?: string;
  wardCode?: string;
  shop?: string;
  url?: string;
  description: string;
  contact?: string;
}

export interface ReportState extends ReportInput {
  id: string;
  /** Resolved from the certificate or product, when known. */
  businessId?: string;
  photo?: { id: string; contentType: string; size: number };
  status: ReportStatus;
  partner?: string;
  note?: string;
  resolution?: string;
  createTime: Date;
  updateTime: Date;
  version: number;
}

export type ReportEvent =
  | { kind: 'received'; at: Date }
  | { kind: 'forwarded'; actor: { subject: string }; at: Date }
  | { kind: 'closed'; actor: { subject: string }; at: Date };

export class Report {
  private readonly raised: ReportEvent[] = [];
  private constructor(
    private current: ReportState,
    readonly loadedVersion: number,
  ) {}

  static fromState(state: ReportState): Report {
    return new Report(state, state.version);
  }

  static receive(input: { id: string; report: ReportInput; businessId?: string; photo?: ReportState['photo']; now: Date }): Report {
    const r = input.report;
    const errors: FieldError[] = [];
    if (!r.certificateNumber && !r.productId) errors.push({ field: 'certificateNumber', code: 'SUBJECT_REQUIRED', message: 'name the certificate number or the product' });
    if (!r.shop && !r.url && !r.provinceCode) errors.push({ field: 'shop', code: 'PLACE_REQUIRED', message: 'say where it was seen: province/ward, shop or URL' });
    if (r.description.trim().length < 10) errors.push({ field: 'description', code: 'TOO_SHORT', message: 'describe what you saw in at least 10 characters' });
    if (errors.length > 0) throw invalid(errors);
    const state: ReportState = { ...r, description: r.description.trim(), id: input.id, status: 'NEW', createTime: input.now, updateTime: input.now, version: 1 };
    if (input.businessId) state.businessId = input.businessId;
    if (input.photo) state.photo = input.photo;
    const report = new Report(state, 0);
    report.raised.push({ kind: 'received', at: input.now });
    return report;
  }

  get id(): string {
    return this.current.id;
  }
  get state(): Readonly<ReportState> {
    return this.current;
  }
  get events(): readonly ReportEvent[] {
    return this.raised;
  }

  forward(partner: string, note: string | undefined, actor: { subject: string }, at: Date): void {
    if (this.current.status !== 'NEW') throw conflict('ILLEGAL_STATUS_TRANSITION', `cannot forward a report that is ${this.current.status}`);
    if (!/^[a-z0-9][a-z0-9-]{1,63}$/.test(partner)) throw invalid([{ field: 'partner', code: 'FORMAT', message: 'partner is a partner id such as market-surveillance' }]);
    this.current = { ...this.current, status: 'FORWARDED', partner, ...(note ? { note } : {}), updateTime: at, version: this.current.version + 1 };
    this.raised.push({ kind: 'forwarded', actor, at });
  }

  close(resolution: string, actor: { subject: string }, at: Date): void {
    if (this.current.status === 'CLOSED') throw conflict('ILLEGAL_STATUS_TRANSITION', 'the report is already closed');
    if (resolution.trim() === '') throw invalid([{ field: 'resolution', code: 'REQUIRED', message: 'a resolution is required' }]);
    this.current = { ...this.current, status: 'CLOSED', resolution: resolution.trim(), updateTime: at, version: this.current.version + 1 };
    this.raised.push({ kind: 'closed', actor, at });
  }
}
