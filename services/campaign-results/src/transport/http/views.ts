// What the REST API answers: the JSON views of figures, facts and submissions.
import type { Fact } from '../../domain/projection';
import { recordLink } from '../../domain/record-links';
import type { SubmissionState } from '../../domain/submission';

export function factView(f: Fact) {
  return {
    recordId: f.sourceId,
    kind: f.kind,
    code: f.code,
    label: f.label,
    day: f.day,
    year: f.year,
    quarter: f.quarter,
    provinceCode: f.provinceCode,
    wardCode: f.wardCode,
    industrySection: f.industrySection,
    scheme: f.scheme,
    stars: f.stars,
    value: f.value,
    link: recordLink(f),
  };
}

export function submissionView(s: Readonly<SubmissionState>) {
  return {
    id: s.id,
    indicatorCode: s.indicatorCode,
    value: s.value,
    year: s.year,
    quarter: s.quarter,
    provinceCode: s.provinceCode,
    wardCode: s.wardCode,
    unitName: s.unitName,
    evidence: s.evidence,
    status: s.status,
    returnReason: s.returnReason,
    submitterSubject: s.submitterSubject,
    createTime: s.createTime.toISOString(),
    updateTime: s.updateTime.toISOString(),
    history: s.history.map((h) => ({ action: h.action, actorSubject: h.actorSubject, time: h.at.toISOString(), note: h.note })),
    version: s.version,
  };
}
