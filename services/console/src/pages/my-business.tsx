import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorNote, Link, StatusBadge } from '../components';
import { api, ApiError, type Business } from '../lib/api';
import type { Session } from '../lib/session';
import { SignedIn } from './signed-in';

function Mine({ session }: { session: Session }) {
  const { t } = useTranslation();
  const [business, setBusiness] = useState<Business | null>();
  const [error, setError] = useState<unknown>();
  useEffect(() => {
    api<Business>(`/v1/businesses/${encodeURIComponent(session.businessId ?? '')}`).then(setBusiness, (err: unknown) =>
      err instanceof ApiError && err.problem.status === 404 ? setBusiness(null) : setError(err),
    );
  }, [session.businessId]);
  if (error) return <ErrorNote error={error} />;
  if (business === undefined) return <p aria-live="polite">{t('common.loading')}</p>;
  return (
    <section>
      <h1>{t('my.heading')}</h1>
      {business === null ? (
        <>
          <p>{t('my.none')}</p>
          <Link href="/my/register" className="button">
            {t('my.register')}
          </Link>
        </>
      ) : (
        <article className="card">
          <h2>{business.legalName}</h2>
          <p>
            <StatusBadge status={business.status} /> · {t('business.taxCode')} {business.taxCode}
          </p>
          <p role="status">
            {business.status === 'PENDING_REVIEW' && t('my.review')}
            {business.status === 'ACTIVE' && t('my.active')}
            {business.status === 'REJECTED' && t('my.rejected', { reason: business.statusReason ?? '' })}
          </p>
          <p>
            <Link href={`/businesses/${encodeURIComponent(business.id)}`}>{business.tradeName || business.legalName}</Link> ·{' '}
            <Link href="/my/inbox">{t('nav.inbox')}</Link> · <Link href="/my/preferences">{t('nav.preferences')}</Link>
          </p>
        </article>
      )}
    </section>
  );
}

export function MyBusinessPage() {
  return <SignedIn role="enterprise">{(session) => <Mine session={session} />}</SignedIn>;
}
