import { boothLabel, shortHolder } from './booth-label';

describe('a booth on the floor plan', () => {
  it('shows the holder by the words that fit, without the legal form', () => {
    expect(shortHolder('Công ty TNHH Đặc sản Bến Tre số 01')).toBe('Đặc sản');
    expect(shortHolder('Hợp tác xã Dừa Mỏ Cày')).toBe('Dừa Mỏ');
    expect(shortHolder('Công ty Cổ phần Kẹo dừa')).toBe('Kẹo dừa');
    expect(shortHolder('Cơ sở Bánhtránglongdài')).toBe('Cơ sở');
    expect(shortHolder('Bánhtránglongdài')).toBe('Bánhtrán');
  });

  it('is named first by what it shows, then the full holder, the corner and whose it is', () => {
    expect(boothLabel({ code: 'A01', state: 'Đã phân bổ', holderName: 'Công ty TNHH Đặc sản Bến Tre', corner: 'gian góc', yours: 'gian của bạn' })).toBe(
      'A01 Đặc sản: Đã phân bổ — Công ty TNHH Đặc sản Bến Tre (gian góc) — gian của bạn',
    );
    expect(boothLabel({ code: 'C06', state: 'Còn trống' })).toBe('C06: Còn trống');
    expect(boothLabel({ code: 'B02', state: 'Đã phân bổ', holderName: 'Dừa Xanh' })).toBe('B02 Dừa Xanh: Đã phân bổ');
  });
});
