// Valid registration bodies with distinct, valid synthetic tax codes.
import { generateTaxCode } from '@hangviet/vn';
import type { RegisterBusinessBody } from '../../src/application/profile-schema';

let sequence = 500_000 + Math.floor(Math.random() * 400_000);

export function nextTaxCode(): string {
  sequence += 1;
  return generateTaxCode(sequence, '77');
}

export function registration(overrides: Partial<RegisterBusinessBody> = {}): RegisterBusinessBody {
  return {
    taxCode: nextTaxCode(),
    type: 'COMPANY',
    legalName: 'Công ty TNHH Kẹo dừa Mỏ Cày',
    tradeName: 'Kẹo dừa Mỏ Cày',
    address: { provinceCode: '86', wardCode: '28903', street: '12 Quốc lộ 60' },
    industries: [{ edition: '2018', code: '1073' }],
    contact: { email: 'lienhe@example.vn', phone: '0912 345 678' },
    representative: { fullName: 'Nguyễn Thị Hoa', position: 'Giám đốc', phone: '0987654321' },
    ...overrides,
  };
}
