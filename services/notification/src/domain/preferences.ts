// What a recipient wants: which channels, which language, and when SMS may not ring.
// Quiet hours are wall-clock times in Vietnam (Asia/Ho_Chi_Minh), the recipient's own time.
import type { Locale } from '@hangviet/vn/locale';

export const CHANNELS = ['email', 'sms', 'zalo', 'inbox'] as const;
export type Channel = (typeof CHANNELS)[number];

export const VIETNAM_TIME_ZONE = 'Asia/Ho_Chi_Minh';

export interface QuietHours {
  /** 'HH:mm', inclusive. */
  start: string;
  /** 'HH:mm', exclusive; earlier than start means the window spans midnight. */
  end: string;
}

export interface Preferences {
  channels: Record<Channel, boolean>;
  /** Overrides the language an event carries for this recipient. */
  locale?: Locale;
  /** Vietnamese mobile number in E.164 (+84…) for SMS and Zalo ZNS. */
  phone?: string;
  smsQuietHours?: QuietHours;
}

export function defaultPreferences(): Preferences {
  // SMS and Zalo cost money per message and need a phone number the events never carry:
  // off until the recipient opts in.
  return {
    channels: { email: true, sms: false, zalo: false, inbox: true },
    smsQuietHours: { start: '21:00', end: '07:00' },
  };
}

const HH_MM = /^([01]\d|2[0-3]):([0-5]\d)$/;

export function isClockTime(value: string): boolean {
  return HH_MM.test(value);
}

function minutes(clock: string): number {
  const m = HH_MM.exec(clock);
  if (!m) throw new Error(`not a HH:mm time: ${clock}`);
  return Number(m[1]) * 60 + Number(m[2]);
}

const vietnamClock = new Intl.DateTimeFormat('en-GB', {
  timeZone: VIETNAM_TIME_ZONE,
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/** Minutes since midnight in Vietnam at this instant. */
export function vietnamMinutesOfDay(at: Date): number {
  const parts = vietnamClock.formatToParts(at);
  const hour = Number(parts.find((p) => p.type === 'hour')?.value);
  const minute = Number(parts.find((p) => p.type === 'minute')?.value);
  return hour * 60 + minute;
}

export function isQuietTime(at: Date, quiet: QuietHours | undefined): boolean {
  if (!quiet) return false;
  const start = minutes(quiet.start);
  const end = minutes(quiet.end);
  if (start === end) return false;
  const now = vietnamMinutesOfDay(at);
  return start < end ? now >= start && now < end : now >= start || now < end;
}

/** The earliest instant at or after `at` when an SMS may be sent. */
export function smsSendableAt(at: Date, quiet: QuietHours | undefined): Date {
  if (!isQuietTime(at, quiet) || !quiet) return at;
  const now = vietnamMinutesOfDay(at);
  const end = minutes(quiet.end);
  const wait = (end - now + 24 * 60) % (24 * 60);
  const sendable = new Date(at.getTime() + wait * 60_000);
  sendable.setUTCSeconds(0, 0);
  return sendable;
}

export interface Reachability {
  email?: string;
  phone?: string;
}

/** The channels a notice goes out on: wanted by the recipient and reachable. */
export function channelsFor(preferences: Preferences, reach: Reachability): Channel[] {
  return CHANNELS.filter((channel) => {
    if (!preferences.channels[channel]) return false;
    if (channel === 'email') return Boolean(reach.email);
    if (channel === 'sms' || channel === 'zalo') return Boolean(reach.phone);
    return true;
  });
}
