import { mapLegacyAddress, province, provinces, ward, wards } from './administrative-units';

// The 34 codes of Decision 19/2025/QĐ-TTg, checked against the package's data.
const OFFICIAL_PROVINCE_CODES = [
  '01', '04', '08', '11', '12', '14', '15', '19', '20', '22', '24', '25', '31', '33', '37', '38', '40',
  '42', '44', '46', '48', '51', '52', '56', '66', '68', '75', '79', '80', '82', '86', '91', '92', '96',
];

describe('provinces', () => {
  it('lists the 34 provinces with the official codes', () => {
    expect(provinces().map((p) => p.code)).toEqual(OFFICIAL_PROVINCE_CODES);
  });

  it('keeps Vĩnh Long at 86 and Lạng Sơn at 20', () => {
    expect(province('86')).toEqual({ code: '86', name: 'Vĩnh Long', fullName: 'Tỉnh Vĩnh Long', type: 'PROVINCE' });
    expect(province('20')).toMatchObject({ name: 'Lạng Sơn', type: 'PROVINCE' });
    expect(province('83')).toBeUndefined();
  });

  it('names centrally-run cities as municipalities', () => {
    expect(province('79')).toEqual({ code: '79', name: 'Hồ Chí Minh', fullName: 'Thành phố Hồ Chí Minh', type: 'MUNICIPALITY' });
  });
});

describe('wards', () => {
  it('has 3,321 wards, each in a known province, with 5-digit codes', () => {
    const all = provinces().flatMap((p) => wards(p.code));
    expect(all).toHaveLength(3321);
    expect(all.every((w) => /^\d{5}$/.test(w.code))).toBe(true);
    expect(new Set(all.map((w) => w.code)).size).toBe(3321);
  });

  it('finds a ward by code with its type', () => {
    expect(ward('00004')).toEqual({ code: '00004', name: 'Phường Ba Đình', type: 'WARD', provinceCode: '01' });
    expect(ward('26732')).toMatchObject({ name: 'Đặc khu Côn Đảo', type: 'SPECIAL_ZONE', provinceCode: '79' });
    expect(wards('83')).toEqual([]);
  });
});

describe('mapLegacyAddress', () => {
  it('maps a former Bến Tre commune into Vĩnh Long (86)', () => {
    const result = mapLegacyAddress({ provinceName: 'Tỉnh Bến Tre', districtName: 'Thành phố Bến Tre', wardName: 'Xã Mỹ Thạnh An' });
    expect(result).toMatchObject({ ok: true, provinceCode: '86', wardCode: '28777', ward: { name: 'Phường An Hội' } });
  });

  it('maps a Lạng Sơn township into its new ward, tolerating missing prefixes and diacritics', () => {
    const result = mapLegacyAddress({ provinceName: 'lang son', districtName: 'Cao Lộc', wardName: 'thi tran cao loc' });
    expect(result).toMatchObject({ ok: true, provinceCode: '20', wardCode: '06187', ward: { name: 'Phường Kỳ Lừa' } });
  });

  it('maps by the old ward code alone', () => {
    expect(mapLegacyAddress({ wardCode: '28792' })).toMatchObject({ ok: true, provinceCode: '86', wardCode: '28777' });
  });

  it('maps numbered wards, with or without leading zeros', () => {
    const result = mapLegacyAddress({ provinceName: 'TP. Hồ Chí Minh', districtName: 'Quận Gò Vấp', wardName: 'Phường 012' });
    expect(result).toMatchObject({ ok: true, provinceCode: '79', wardCode: '26882' });
  });

  it('resolves a mapping whose target code disagrees with its target name by the name', () => {
    // The package row points at code 30378 (not a 2025 ward) for "Phường Long Châu".
    const result = mapLegacyAddress({ provinceName: 'Vĩnh Long', districtName: 'Thành phố Vĩnh Long', wardName: 'Phường 2' });
    expect(result).toMatchObject({ ok: true, provinceCode: '86', ward: { name: 'Phường Long Châu' } });
  });

  it('returns the new wards of an old ward that was divided', () => {
    const result = mapLegacyAddress({ provinceName: 'Hồ Chí Minh', districtName: 'Gò Vấp', wardName: 'Phường 13' });
    expect(result).toMatchObject({ ok: false, code: 'LEGACY_WARD_SPLIT' });
    expect(result.ok ? [] : result.candidates.map((w) => w.code).sort()).toEqual(['26878', '26882']);
  });

  it('asks for the district when the ward name exists in several', () => {
    expect(mapLegacyAddress({ provinceName: 'Hồ Chí Minh', wardName: 'Phường 1' })).toMatchObject({
      ok: false,
      code: 'LEGACY_WARD_AMBIGUOUS',
    });
  });

  it('rejects incomplete and unknown addresses with a code', () => {
    expect(mapLegacyAddress({ wardName: 'Phường 1' })).toMatchObject({ ok: false, code: 'LEGACY_ADDRESS_INCOMPLETE' });
    expect(mapLegacyAddress({ provinceName: 'Tỉnh Không Có', wardName: 'Xã A' })).toMatchObject({ ok: false, code: 'LEGACY_PROVINCE_NOT_FOUND' });
    expect(mapLegacyAddress({ provinceName: 'Bến Tre', wardName: 'Xã Không Có' })).toMatchObject({ ok: false, code: 'LEGACY_WARD_NOT_FOUND' });
    expect(mapLegacyAddress({ wardCode: '99999' })).toMatchObject({ ok: false, code: 'LEGACY_WARD_NOT_FOUND' });
  });
});
