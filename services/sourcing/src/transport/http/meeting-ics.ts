// One side's calendar of a scheduled meeting (RFC 5545, ical-generator): the slot, the table, who it meets.
import ical from 'ical-generator';
import type { MeetingState, Side } from '../../domain/meeting';

export function meetingCalendar(m: Readonly<MeetingState>, side: Side, names: { buyer: string; supplier: string }): string {
  const calendar = ical({ name: 'Kết nối cung cầu — lịch gặp' });
  if (m.status === 'SCHEDULED' && m.startTime && m.endTime) {
    const other = side === 'BUYER' ? `nhà cung cấp ${names.supplier}` : `bên mua ${names.buyer}`;
    calendar.createEvent({
      id: `${m.id}-${side.toLowerCase()}@hangviet`,
      sequence: m.version,
      start: m.startTime,
      end: m.endTime,
      summary: `Gặp ${other} — bàn ${m.table}`,
      location: `Bàn ${m.table}`,
      description: [`Hội chợ ${m.fairId}`, `Bàn ${m.table}, phiên ${m.slot! + 1}`, m.note].filter((x) => x !== '').join('\n'),
    });
  }
  return calendar.toString();
}
