// A venue: name, address (province and ward of the 2025 units, through libs/vn) and its floor plan. Pure.
import { invalid, type FieldError } from '@hangviet/service-kit/errors';
import { province, ward } from '@hangviet/vn';
import type { Booth } from './booth';

export interface VenueAddress {
  provinceCode: string;
  provinceName: string;
  wardCode: string;
  wardName: string;
  street: string;
}

export interface VenueState {
  id: string;
  name: string;
  address: VenueAddress;
  booths: Booth[];
  createTime: Date;
  updateTime: Date;
  version: number;
}

export const NAME_MAX = 200;

/** Checks the name and resolves the address; every problem is one FieldError. */
export function newVenue(input: { id: string; name: string; address: { provinceCode: string; wardCode: string; street?: string }; now: Date }): VenueState {
  const errors: FieldError[] = [];
  const name = input.name.normalize('NFC').trim();
  if (name === '') errors.push({ field: 'name', code: 'REQUIRED', message: 'name must not be empty' });
  if (name.length > NAME_MAX) errors.push({ field: 'name', code: 'TOO_LONG', message: `name must be at most ${NAME_MAX} characters` });
  const p = province(input.address.provinceCode);
  const w = ward(input.address.wardCode);
  if (!p) errors.push({ field: 'address.provinceCode', code: 'PROVINCE_UNKNOWN', message: `no province has the code ${input.address.provinceCode} (34 provinces since 1 July 2025)` });
  else if (!w || w.provinceCode !== p.code) {
    errors.push({ field: 'address.wardCode', code: 'WARD_UNKNOWN', message: `no ward of ${p.name} has the code ${input.address.wardCode}` });
  }
  if (errors.length > 0 || !p || !w) throw invalid(errors);
  return {
    id: input.id,
    name,
    address: { provinceCode: p.code, provinceName: p.name, wardCode: w.code, wardName: w.name, street: (input.address.street ?? '').normalize('NFC').trim() },
    booths: [],
    createTime: input.now,
    updateTime: input.now,
    version: 1,
  };
}

/** Booth codes of `codes` the venue does not have, for a precise 422. */
export function unknownBooths(venue: Pick<VenueState, 'booths'>, codes: readonly string[]): string[] {
  const known = new Set(venue.booths.map((b) => b.code));
  return codes.filter((c) => !known.has(c));
}
