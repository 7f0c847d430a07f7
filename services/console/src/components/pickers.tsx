// Pickers over the registry's reference data: province and ward (units since 1 July 2025) and VSIC
// industry, searched by name. Each gives the form a code and shows a name.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { naturalCompare } from '../lib/format';
import { loadProvinces, loadWards, searchIndustries, type Industry } from '../lib/reference';
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
  const [options, setOptions] = useState<Option[]>([]);
  useEffect(() => {
    loadProvinces().then((items) => setOptions(items.map((p) => ({ code: p.code, label: p.name, hint: p.code })).sort((a, b) => naturalCompare(a.label, b.label))), () => setOptions([]));
  }, []);
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
  const [options, setOptions] = useState<Option[]>([]);
  useEffect(() => {
    if (!provinceCode) return setOptions([]);
    loadWards(provinceCode).then((items) => setOptions(items.map((w) => ({ code: w.code, label: w.name, hint: w.code })).sort((a, b) => naturalCompare(a.label, b.label))), () => setOptions([]));
  }, [provinceCode]);
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

const industryOption = (i: Industry, lang: string): Option => ({ code: i.code, label: lang === 'en' ? i.nameEn : i.nameVi, hint: `VSIC ${i.code}` });

export function IndustryPicker({ label, name = 'industry', value, valueLabel, onChange, error, disabled }: PickerProps & { valueLabel?: string }) {
  const { t, i18n } = useTranslation();
  const [known, setKnown] = useState(valueLabel);
  // A code from a URL: its name, looked up once.
  useEffect(() => {
    if (!value || valueLabel) return;
    searchIndustries(value).then((items) => setKnown(items.find((i) => i.code === value)?.nameVi), () => undefined);
  }, [value, valueLabel]);
  return (
    <Combobox
      label={label ?? t('pickers.industry')}
      name={name}
      value={value}
      valueLabel={known ?? value}
      search={async (text) => (await searchIndustries(text)).filter((i) => /^\d{4,5}$/.test(i.code)).map((i) => industryOption(i, i18n.language))}
      placeholder={t('pickers.industryPlaceholder')}
      onChange={(code, o) => {
        setKnown(o?.label);
        onChange(code, o?.label);
      }}
      error={error}
      disabled={disabled}
    />
  );
}
