// Province and ward pickers from the registry's reference data (the 2025 units of @hangviet/vn).
import { Select } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../lib/api';

interface Unit {
  code: string;
  name: string;
}

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
  const provinces = useQuery({ queryKey: ['provinces'], queryFn: () => api<{ items: Unit[] }>('/v1/provinces'), staleTime: Infinity });
  const wards = useQuery({
    queryKey: ['wards', provinceCode],
    queryFn: () => api<{ items: Unit[] }>(`/v1/provinces/${provinceCode}/wards`),
    enabled: !!provinceCode,
    staleTime: Infinity,
  });
  return (
    <>
      <Select
        label={t('address.province')}
        searchable
        required
        data={(provinces.data?.items ?? []).map((p) => ({ value: p.code, label: p.name }))}
        value={provinceCode || null}
        onChange={(v) => onChange({ provinceCode: v ?? '', wardCode: '' })}
        error={errors.provinceCode}
      />
      <Select
        label={t('address.ward')}
        searchable
        required
        disabled={!provinceCode}
        data={(wards.data?.items ?? []).map((w) => ({ value: w.code, label: w.name }))}
        value={wardCode || null}
        onChange={(v) => onChange({ provinceCode, wardCode: v ?? '' })}
        error={errors.wardCode}
      />
    </>
  );
}
