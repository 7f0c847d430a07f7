import { channelsFor, defaultPreferences, isQuietTime, smsSendableAt, vietnamMinutesOfDay } from './preferences';

// Vietnam is UTC+7 all year: 15:30Z is 22:30 in Hà Nội.
describe('SMS quiet hours in Asia/Ho_Chi_Minh', () => {
  const overnight = { start: '21:00', end: '07:00' };

  it('reads the wall clock in Vietnam', () => {
    expect(vietnamMinutesOfDay(new Date('2026-03-01T15:30:00Z'))).toBe(22 * 60 + 30);
    expect(vietnamMinutesOfDay(new Date('2026-03-01T17:05:00Z'))).toBe(5);
  });

  it('applies a window spanning midnight', () => {
    expect(isQuietTime(new Date('2026-03-01T15:30:00Z'), overnight)).toBe(true); // 22:30
    expect(isQuietTime(new Date('2026-03-01T23:59:00Z'), overnight)).toBe(true); // 06:59
    expect(isQuietTime(new Date('2026-03-02T00:00:00Z'), overnight)).toBe(false); // 07:00
    expect(isQuietTime(new Date('2026-03-01T13:59:00Z'), overnight)).toBe(false); // 20:59
    expect(isQuietTime(new Date('2026-03-01T14:00:00Z'), overnight)).toBe(true); // 21:00
  });

  it('applies a daytime window and treats an empty window as none', () => {
    const lunch = { start: '12:00', end: '13:30' };
    expect(isQuietTime(new Date('2026-03-01T05:15:00Z'), lunch)).toBe(true); // 12:15
    expect(isQuietTime(new Date('2026-03-01T06:30:00Z'), lunch)).toBe(false); // 13:30
    expect(isQuietTime(new Date('2026-03-01T05:15:00Z'), { start: '12:00', end: '12:00' })).toBe(false);
    expect(isQuietTime(new Date('2026-03-01T05:15:00Z'), undefined)).toBe(false);
  });

  it('holds an SMS until the window ends, in Vietnam time', () => {
    expect(smsSendableAt(new Date('2026-03-01T15:30:20Z'), overnight).toISOString()).toBe('2026-03-02T00:00:00.000Z');
    const daytime = new Date('2026-03-01T03:00:00Z');
    expect(smsSendableAt(daytime, overnight)).toBe(daytime);
  });
});

describe('channelsFor', () => {
  it('keeps the wanted channels the recipient can be reached on', () => {
    const prefs = defaultPreferences();
    expect(channelsFor(prefs, { email: 'a@b.vn' })).toEqual(['email', 'inbox']);
    expect(channelsFor(prefs, {})).toEqual(['inbox']);
    prefs.channels.sms = true;
    prefs.channels.zalo = true;
    prefs.channels.email = false;
    expect(channelsFor(prefs, { email: 'a@b.vn', phone: '+84912345678' })).toEqual(['sms', 'zalo', 'inbox']);
  });
});
