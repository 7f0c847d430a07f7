// Pieces of a business shown on public pages: its full address (street, ward, province by name), its
// industries by name, and its certificate badges, each naming the product and number and linking to the
// public check.
import { useTranslation } from 'react-i18next';
import type { Business } from '../lib/api';
import { formatDay } from '../lib/format';
import { Link } from '../components';

export function addressText(address: Business['address']): string {
  if (!address) return '';
  return [address.street, address.wardName, address.provinceName].filter((part) => part && part.trim()).join(', ');
}

export function IndustryList({ industries }: { industries: Business['industries'] }) {
  const { t } = useTranslation();
  const sorted = [...industries].sort((a, b) => Number(!!b.main) - Number(!!a.main));
  return (
    <ul className="plain-list">
      {sorted.map((i) => (
        <li key={`${i.edition}-${i.code}`}>
          {i.name ?? i.code} <span className="muted">(VSIC {i.code}{i.main ? ` · ${t('publicPage.mainIndustry')}` : ''})</span>
        </li>
      ))}
    </ul>
  );
}

export const verifyHref = (number: string) => `/verify?${new URLSearchParams({ number })}`;

export function Badge({ badge }: { badge: NonNullable<Business['badges']>[number] }) {
  const { t } = useTranslation();
  return (
    <Link href={verifyHref(badge.number)} className="badge">
      <span className="visually-hidden">{t('check.verifyLinkPrefix')} </span>
      <span className="badge-scheme">
        {t(`scheme.${badge.scheme}`, badge.scheme)}
        {badge.stars ? ` ${'★'.repeat(badge.stars)}` : ''}
      </span>
      {badge.productName && <span className="badge-product">{badge.productName}</span>}
      <span className="badge-number">
        {badge.number}
        {badge.validUntil ? ` · ${t('check.validUntil')} ${formatDay(badge.validUntil)}` : ''}
      </span>
    </Link>
  );
}
