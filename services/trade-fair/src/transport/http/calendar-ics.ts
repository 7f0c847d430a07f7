// RFC 5545 feeds (ical-generator) in Asia/Ho_Chi_Minh: each fair one daily-repeating event from its
// opening to its closing day, at its local opening hours.
import ical from 'ical-generator';
import type { FeedEntry } from '../../application/public-fair-feed';
import { daysBetween, VIETNAM_TIME_ZONE } from '../../domain/calendar-days';

/** Vietnam keeps UTC+7 all year (no daylight saving since 1975): one STANDARD rule is the whole zone. */
export const VIETNAM_VTIMEZONE = [
  'BEGIN:VTIMEZONE', `TZID:${VIETNAM_TIME_ZONE}`, `X-LIC-LOCATION:${VIETNAM_TIME_ZONE}`,
  'BEGIN:STANDARD', 'TZOFFSETFROM:+0700', 'TZOFFSETTO:+0700', 'TZNAME:+07', 'DTSTART:19700101T000000', 'END:STANDARD',
  'END:VTIMEZONE',
].join('\r\n');

const KIND_VI = { TRADE_FAIR: 'Hội chợ', MARKET_SESSION: 'Phiên chợ hàng Việt', EXHIBITION: 'Triển lãm' } as const;

export function calendarFeed(name: string, entries: readonly FeedEntry[]): string {
  const calendar = ical({ name, timezone: { name: VIETNAM_TIME_ZONE, generator: () => VIETNAM_VTIMEZONE } });
  for (const { fair, booths } of entries) {
    const d = fair.days;
    const description = [
      `${KIND_VI[fair.kind]} — ${fair.venueName}`,
      `Ngày ${d.openingDay} đến ${d.closingDay}, ${d.openTime}–${d.closeTime} (giờ Việt Nam)`,
      ...(booths ? [`Gian hàng: ${booths.join(', ')}`] : []),
    ].join('\n');
    calendar.createEvent({
      id: `${fair.id}${booths ? '-booths' : ''}@hangviet`,
      sequence: fair.version,
      start: `${d.openingDay}T${d.openTime}:00`,
      end: `${d.openingDay}T${d.closeTime}:00`,
      timezone: VIETNAM_TIME_ZONE,
      repeating: { freq: 'DAILY' as never, count: daysBetween(d.openingDay, d.closingDay).length },
      summary: booths ? `${fair.name} — gian ${booths.join(', ')}` : fair.name,
      location: fair.venueName,
      description,
    });
  }
  return calendar.toString();
}
