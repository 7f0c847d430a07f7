import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorNote, StatusBadge } from '../components';
import { api, ApiError, type Business } from '../lib/api';

export function BusinessPage({ id }: { id: string }) {
  const { t } = useTranslation();
  const [business, setBusiness] = useState<Business>();
  const [error, setError] = useState<unknown>();
  useEffect(() => {
    api<Business>(`/v1/businesses/${encodeURIComponent(id)}`).then(setBusiness, setError);
  }, [id]);
  if (error instanceof ApiError && error.problem.status === 404) return <h1>{t('business.notFound')}</h1>;
  if (error) return <ErrorNote error={error} />;
  if (!business) return <p aria-live="polite">{t('common.loading')}</p>;
  return (
    <article>
      <h1>{business.tradeName || business.legalName}</h1>
      {business.tradeName && <p className="muted">{business.legalName}</p>}
      <dl className="facts">
        <dt>{t('business.status')}</dt>
        <dd>
          <StatusBadge status={business.status} />
        </dd>
        <dt>{t('business.taxCode')}</dt>
        <dd>{business.taxCode}</dd>
        {business.address && (
          <>
            <dt>{t('business.address')}</dt>
            <dd>{business.address.street}</dd>
          </>
        )}
        <dt>{t('business.industries')}</dt>
        <dd>{business.industries.map((i) => `VSIC ${i.edition} ${i.code}`).join(', ')}</dd>
        {business.contact && (
          <>
            <dt>{t('business.contact')}</dt>
            <dd>{[business.contact.email, business.contact.phone].filter(Boolean).join(' · ')}</dd>
          </>
        )}
      </dl>
      {business.description && <p>{business.description}</p>}
      <h2>{t('business.badges')}</h2>
      {business.badges?.length ? (
        <ul className="badges">
          {business.badges.map((b) => (
            <li key={`${b.scheme}-${b.certificateNumber ?? ''}`}>
              {b.scheme} {b.stars ? '★'.repeat(b.stars) : ''} {b.certificateNumber}
            </li>
          ))}
        </ul>
      ) : (
        <p>{t('business.noBadges')}</p>
      )}
    </article>
  );
}
