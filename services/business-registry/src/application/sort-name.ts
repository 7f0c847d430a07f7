import { foldVietnamese } from '@hangviet/vn';
import type { BusinessState } from '../domain/business';

/** The directory sort key: the folded legal name, so "Đắk" sorts with "Dak". */
export function sortNameOf(b: Pick<BusinessState, 'legalName'>): string {
  return foldVietnamese(b.legalName);
}
