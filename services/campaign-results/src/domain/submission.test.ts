import { AppError } from '@hangviet/service-kit/errors';
import { Submission, type SubmissionFigure } from './submission';

const now = new Date('2026-10-01T08:00:00Z');
const figure: SubmissionFigure = { indicatorCode: 'inspections.count', value: 12, year: 2026, quarter: 3, provinceCode: '86', wardCode: '', unitName: ' Đội QLTT số 2 ', evidence: [{ title: 'Báo cáo', url: '', documentNumber: '12/BC' }] };
const submit = (over: Partial<SubmissionFigure> = {}) => Submission.submit({ ...figure, ...over, id: 's-1', actor: { subject: 'unit-1' }, now });

function failure(fn: () => unknown): { code: string; fields: string[] } {
  try {
    fn();
  } catch (err) {
    if (err instanceof AppError) return { code: err.code, fields: (err.errors ?? []).map((e) => e.field) };
    throw err;
  }
  throw new Error('expected an error');
}

describe('Submission', () => {
  it('is submitted with its audit entry and one event', () => {
    const s = submit();
    expect(s.state).toMatchObject({ status: 'SUBMITTED', unitName: 'Đội QLTT số 2', version: 1, submitterSubject: 'unit-1', history: [{ action: 'submitted', actorSubject: 'unit-1', at: now, note: '' }] });
    expect(s.events).toEqual([{ kind: 'submitted', actor: { subject: 'unit-1' }, occurredAt: now }]);
  });

  it('refuses what the platform counts itself, a percentage over 100, a fractional count, no evidence', () => {
    expect(failure(() => submit({ indicatorCode: 'certificates.issued' })).fields).toEqual(['indicatorCode']);
    expect(failure(() => submit({ indicatorCode: 'survey.prefer_vietnamese_pct', value: 101 })).fields).toEqual(['value']);
    expect(submit({ indicatorCode: 'survey.prefer_vietnamese_pct', value: 73.5 }).state.value).toBe(73.5);
    expect(failure(() => submit({ value: 1.5 })).fields).toEqual(['value']);
    expect(failure(() => submit({ evidence: [] })).fields).toEqual(['evidence']);
    expect(failure(() => submit({ evidence: [{ title: 'x', url: '', documentNumber: '' }] })).fields).toEqual(['evidence[0]']);
    expect(failure(() => submit({ quarter: 5, year: 1999 })).fields).toEqual(['year', 'quarter']);
  });

  it('is approved by someone else than its submitter, once', () => {
    const s = submit();
    expect(failure(() => s.approve({ subject: 'unit-1' }, now)).code).toBe('SELF_REVIEW');
    s.approve({ subject: 'centre-1' }, now);
    expect(s.state).toMatchObject({ status: 'APPROVED', version: 2 });
    expect(failure(() => s.approve({ subject: 'centre-2' }, now)).code).toBe('SUBMISSION_NOT_SUBMITTED');
    expect(s.events.map((e) => e.kind)).toEqual(['submitted', 'approved']);
  });

  it('is returned with a reason, revised (the audit names what changed) and submitted again', () => {
    const s = Submission.fromState(submit().state);
    expect(failure(() => s.return({ subject: 'centre-1' }, '  ', now)).fields).toEqual(['reason']);
    expect(failure(() => s.revise({ subject: 'unit-1' }, figure, now)).code).toBe('SUBMISSION_NOT_RETURNED');
    s.return({ subject: 'centre-1' }, 'Thiếu biên bản', now);
    s.revise({ subject: 'unit-1' }, { ...figure, unitName: 'Đội QLTT số 2', value: 14 }, now);
    expect(s.state).toMatchObject({ status: 'SUBMITTED', value: 14, returnReason: '', version: 3 });
    expect(s.state.history.map((h) => [h.action, h.note])).toEqual([['submitted', ''], ['returned', 'Thiếu biên bản'], ['revised', 'value']]);
    expect(s.events.map((e) => e.kind)).toEqual(['returned', 'submitted']);
  });
});
