// What the API answers: the aggregates as JSON. A request's responses are never in its view (GET …/responses).
import type { SupplierMatch } from '../../domain/matching';
import type { MeetingProgramme, MeetingState } from '../../domain/meeting';
import type { OutcomeState } from '../../domain/outcome';
import type { SourcingRequestState, SupplierResponse } from '../../domain/sourcing-request';

/** `buyerSide`: the buyer and staff also see the rejection reason and who filed it. */
export function requestView(s: Readonly<SourcingRequestState>, buyerSide = false) {
  return {
    id: s.id,
    ...(s.buyerBusinessId ? { buyerBusinessId: s.buyerBusinessId } : {}),
    buyerName: s.buyerName,
    provinceCode: s.provinceCode,
    title: s.title,
    description: s.description,
    industry: s.industry,
    ...(s.productGroup ? { productGroup: s.productGroup } : {}),
    requiredCertifications: s.requiredCertifications,
    quantity: s.quantity,
    unit: s.unit,
    neededBy: s.neededBy,
    originPreference: s.originPreference,
    responseCap: s.responseCap,
    responseCount: s.responses.length,
    closingTime: s.closingTime.toISOString(),
    status: s.status,
    ...(s.closeReason ? { closeReason: s.closeReason } : {}),
    ...(buyerSide && s.rejectReason ? { rejectReason: s.rejectReason } : {}),
    ...(buyerSide ? { filedBy: s.filedBy } : {}),
    createTime: s.createTime.toISOString(),
    ...(s.publishTime ? { publishTime: s.publishTime.toISOString() } : {}),
    version: s.version,
  };
}

export function responseView(r: Readonly<SupplierResponse>) {
  return {
    supplierBusinessId: r.supplierBusinessId,
    supplierName: r.supplierName,
    message: r.message,
    ...(r.unitPriceVnd !== undefined ? { unitPriceVnd: r.unitPriceVnd } : {}),
    submitTime: r.submitTime.toISOString(),
    ...(r.editTime ? { editTime: r.editTime.toISOString() } : {}),
    editable: r.editTime === undefined,
    shortlisted: r.shortlisted,
  };
}

/** A match as the buyer reads it: where the supplier's owner is told (its contact e-mail, language) stays with notification. */
export const matchView = ({ contactEmail: _email, preferredLocale: _locale, ...m }: SupplierMatch) => m;

export function outcomeView(o: Readonly<OutcomeState>) {
  return {
    id: o.id,
    requestId: o.requestId,
    ...(o.buyerBusinessId ? { buyerBusinessId: o.buyerBusinessId } : {}),
    supplierBusinessId: o.supplierBusinessId,
    kind: o.kind,
    valueVnd: o.valueVnd,
    signedDate: o.signedDate,
    recordTime: o.recordTime.toISOString(),
    remindersSent: o.remindersSent,
    ...(o.nextReminderTime ? { nextReminderTime: o.nextReminderTime.toISOString() } : {}),
  };
}

export function meetingView(m: Readonly<MeetingState>) {
  return {
    id: m.id,
    fairId: m.fairId,
    ...(m.requestId ? { requestId: m.requestId } : {}),
    buyerBusinessId: m.buyerBusinessId,
    supplierBusinessId: m.supplierBusinessId,
    requestedBy: m.requestedBy,
    status: m.status,
    ...(m.slot !== undefined ? { slot: m.slot, table: m.table, startTime: m.startTime!.toISOString(), endTime: m.endTime!.toISOString() } : {}),
    note: m.note,
    createTime: m.createTime.toISOString(),
    version: m.version,
  };
}

export function programmeView(p: MeetingProgramme) {
  return { fairId: p.fairId, tables: p.tables, slots: p.slots.map((s, index) => ({ index, start: s.start.toISOString(), end: s.end.toISOString() })), version: p.version };
}
