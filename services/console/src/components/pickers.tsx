// Pickers over the registry's reference data: province and ward (units since 1 July 2025) and VSIC
// industry, searched by name. Each gives the form a code and shows a name.
import { useQuery } from '@tanstack/react-query';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { naturalCompare } from '../lib/format';
import { provincesQuery, searchIndustries, wardsQuery } from '../lib/reference';
import { Combobox, type Option } from './combobox';

interface PickerProps {
  label?: string;
  name?: string;
  value: string;
  onChange: (code: string, label?: string) => void;
  error?: string;
  disabled?: boolean;
}

export function ProvincePicker({ label, name = 'province', value, onChange, error, disabled }: PickerProps) {
  const { t } = useTranslation();
  const provinces = useQuery(provincesQuery).data;
  const options = useMemo<Option[]>(() => (provinces ?? []).map((p) => ({ code: p.code, label: p.name, hint: p.code })).sort((a, b) => naturalCompare(a.label, b.label)), [provinces]);
  return (
    <Combobox
      label={label ?? t('pickers.province')}
      name={name}
      value={value}
      valueLabel={options.find((o) => o.code === value)?.label ?? value}
      options={options}
      placeholder={t('pickers.provincePlaceholder')}
      onChange={(code, o) => onChange(code, o?.label)}
      error={error}
      disabled={disabled}
      limit={40}
    />
  );
}

export function WardPicker({ provinceCode, label, name = 'ward', value, onChange, error, disabled }: PickerProps & { provinceCode: string }) {
  const { t } = useTranslation();
  const wards = useQuery(wardsQuery(provinceCode)).data;
  const options = useMemo<Option[]>(() => (provinceCode && wards ? wards : []).map((w) => ({ code: w.code, label: w.name, hint: w.code })).sort((a, b) => naturalCompare(a.label, b.label)), [provinceCode, wards]);
  return (
    <Combobox
      label={label ?? t('pickers.ward')}
      name={name}
      value={value}
      valueLabel={options.find((o) => o.code === value)?.label ?? ''}
      options={options}
      placeholder={provinceCode ? t('pickers.wardPlaceholder') : t('pickers.provinceFirst')}
      onChange={(code, o) => onChange(code, o?.label)}
      error={error}
      disabled={disabled || !provinceCode}
      limit={50}
    />
  );
}

/**
 * VSIC by name, in both editions: the 2025 edition (in force since 15/11/2025) as far as the registry's data
 * details it, and the 2018 edition's classes an enterprise registered earlier still uses. The form gets the
 * code and its edition (the same code can mean different things in the two).
 */
async function searchBothEditions(text: string, lang: string): Promise<Option[]> {
  const [v2025, v2018] = await Promise.all([searchIndustries(text, '2025'), searchIndustries(text, '2018')]);
  return [...v2025, ...v2018]
    .filter((i) => /^\d{2,5}$/.test(i.code))
    .map((i) => ({ code: `${i.edition}:${i.code}`, label: lang === 'en' ? i.nameEn : i.nameVi, hint: `VSIC ${i.edition} · ${i.code}` }));
}

export function IndustryPicker({
  label,
  name = 'industry',
  value,
  onChange,
  error,
  disabled,
}: Omit<PickerProps, 'onChange'> & { onChange: (code: string, edition?: '2018' | '2025', label?: string) => void }) {
  const { t, i18n } = useTranslation();
  const [known, setKnown] = useState<string>();
  // A code from a URL: its name, looked up once.
  useEffect(() => {
    if (!value || known) return;
    searchBothEditions(value, i18n.language).then((items) => setKnown(items.find((o) => o.code.endsWith(`:${value}`))?.label), () => undefined);
  }, [value, known, i18n.language]);
  return (
    <Combobox
      label={label ?? t('pickers.industry')}
      name={name}
      value={value}
      valueLabel={known ?? value}
      search={(text) => searchBothEditions(text, i18n.language)}
      placeholder={t('pickers.industryPlaceholder')}
      onChange={(picked, o) => {
        const [edition, code] = picked ? (picked.split(':') as ['2018' | '2025', string]) : [undefined, ''];
        setKnown(o?.label);
        onChange(code, edition, o?.label);
      }}
      error={error}
      disabled={disabled}
    />
  );
}
