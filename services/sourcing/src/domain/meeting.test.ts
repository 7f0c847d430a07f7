import { AppError } from '@hangviet/service-kit/errors';
import { checkProgramme, firstFreePlace, Meeting, partyKey, tableKey, type MeetingProgramme } from './meeting';

const at = (h: number) => new Date(Date.UTC(2027, 2, 1, h));
const programme: MeetingProgramme = { fairId: 'f', tables: 2, version: 1, slots: [0, 1, 2].map((i) => ({ start: at(2 + i), end: new Date(at(2 + i).getTime() + 30 * 60_000) })) };
const none = { tables: new Set<string>(), parties: new Set<string>() };

describe('firstFreePlace', () => {
  it('takes the first table of the first future slot', () => {
    expect(firstFreePlace(programme, none, ['b', 's'], at(0))).toEqual({ slot: 0, table: 1 });
    expect(firstFreePlace(programme, none, ['b', 's'], at(2))).toEqual({ slot: 1, table: 1 });
  });

  it('skips taken tables and slots where either party is busy', () => {
    expect(firstFreePlace(programme, { tables: new Set([tableKey(0, 1)]), parties: new Set() }, ['b', 's'], at(0))).toEqual({ slot: 0, table: 2 });
    expect(firstFreePlace(programme, { tables: new Set(), parties: new Set([partyKey(0, 's')]) }, ['b', 's'], at(0))).toEqual({ slot: 1, table: 1 });
  });

  it('answers nothing when the fair is full for them', () => {
    const all = new Set(programme.slots.flatMap((_, slot) => [tableKey(slot, 1), tableKey(slot, 2)]));
    expect(firstFreePlace(programme, { tables: all, parties: new Set() }, ['b', 's'], at(0))).toBeUndefined();
  });
});

describe('Meeting', () => {
  const request = () => Meeting.request({ id: 'm', fairId: 'f', buyerBusinessId: 'b', supplierBusinessId: 's', requestedBy: 'BUYER', note: '', actor: 'u', now: at(0) });

  it('is answered only by the side that was asked (or staff)', () => {
    const m = request();
    expect(() => m.expectAnswerableBy('BUYER')).toThrow(AppError);
    expect(() => m.expectAnswerableBy('SUPPLIER')).not.toThrow();
    expect(() => m.expectAnswerableBy('STAFF')).not.toThrow();
    m.schedule({ slot: 1, table: 2 }, programme.slots[1]!, 'u2', at(0));
    expect(m.state).toMatchObject({ status: 'SCHEDULED', slot: 1, table: 2, startTime: at(3) });
    expect(() => m.expectAnswerableBy('SUPPLIER')).toThrow(AppError);
    expect(m.events.map((e) => e.kind)).toEqual(['requested', 'scheduled']);
  });

  it('refuses a business meeting itself and a programme with overlapping or odd slots', () => {
    expect(() => Meeting.request({ id: 'm', fairId: 'f', buyerBusinessId: 'b', supplierBusinessId: 'b', requestedBy: 'BUYER', note: '', actor: 'u', now: at(0) })).toThrow(AppError);
    expect(() => checkProgramme([{ start: at(2), end: at(3) }, { start: at(2), end: at(3) }], 2)).toThrow(AppError);
    expect(() => checkProgramme([{ start: at(2), end: new Date(at(2).getTime() + 60_000) }], 2)).toThrow(AppError);
    expect(() => checkProgramme(programme.slots, 0)).toThrow(AppError);
    expect(() => checkProgramme(programme.slots, 2)).not.toThrow();
  });
});
