// Province and ward pickers from the registry's reference data (the 2025 units of @hangviet/vn).
import { Select } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { provincesQuery, wardsQuery } from '../lib/reference';

export function AddressPicker({
  provinceCode,
  wardCode,
  onChange,
  errors = {},
}: {
  provinceCode: string;
  wardCode: string;
  onChange: (v: { provinceCode: string; wardCode: string }) => void;
  errors?: { provinceCode?: string; wardCode?: string };
}) {
  const { t } = useTranslation('features');
  const provinces = useQuery(provincesQuery);
  const wards = useQuery(wardsQuery(provinceCode));
  return (
    <>
      <Select
        label={t('address.province')}
        searchable
        required
        data={(provinces.data ?? []).map((p) => ({ value: p.code, label: p.name }))}
        value={provinceCode || null}
        onChange={(v) => onChange({ provinceCode: v ?? '', wardCode: '' })}
        error={errors.provinceCode}
      />
      <Select
        label={t('address.ward')}
        searchable
        required
        disabled={!provinceCode}
        data={(wards.data ?? []).map((w) => ({ value: w.code, label: w.name }))}
        value={wardCode || null}
        onChange={(v) => onChange({ provinceCode, wardCode: v ?? '' })}
        error={errors.wardCode}
      />
    </>
  );
}
