import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorNote, Link } from '../components';
import { api, type Business, type Page } from '../lib/api';
import { SignedIn } from './signed-in';

function Queue() {
  const { t } = useTranslation();
  const [province, setProvince] = useState('');
  const [page, setPage] = useState<Page<Business>>();
  const [reasons, setReasons] = useState<Record<string, string>>({});
  const [note, setNote] = useState<string>();
  const [error, setError] = useState<unknown>();
  const load = useCallback(() => {
    const query = new URLSearchParams({ status: 'PENDING_REVIEW', pageSize: '50' });
    if (/^\d{2}$/.test(province)) query.set('province', province);
    api<Page<Business>>(`/v1/businesses?${query}`).then(setPage, setError);
  }, [province]);
  useEffect(load, [load]);

  const decide = async (b: Business, action: 'approve' | 'reject') => {
    setError(undefined);
    try {
      await api(`/v1/businesses/${encodeURIComponent(b.id)}:${action}`, {
        method: 'POST',
        json: action === 'reject' ? { reason: reasons[b.id] ?? '' } : {},
      });
      setNote(t(action === 'approve' ? 'reviews.approved' : 'reviews.rejected', { name: b.legalName }));
      load();
    } catch (err) {
      setError(err);
    }
  };

  return (
    <section>
      <h1>{t('reviews.heading')}</h1>
      <label>
        {t('reviews.filter')}
        <input name="province" inputMode="numeric" maxLength={2} value={province} onChange={(e) => setProvince(e.target.value)} />
      </label>
      {note && <p role="status">{note}</p>}
      <ErrorNote error={error} />
      {page && page.items.length === 0 && <p>{t('reviews.empty')}</p>}
      <ul className="cards">
        {page?.items.map((b) => (
          <li key={b.id} className="card">
            <h2>
              <Link href={`/businesses/${encodeURIComponent(b.id)}`}>{b.legalName}</Link>
            </h2>
            <p className="muted">
              {t(`type.${b.type}`)} · {t('business.taxCode')} {b.taxCode} · {b.address?.street}
            </p>
            <div className="actions">
              <button type="button" onClick={() => void decide(b, 'approve')}>
                {t('reviews.approve')}
              </button>
              <label>
                {t('reviews.reason')}
                <input value={reasons[b.id] ?? ''} onChange={(e) => setReasons({ ...reasons, [b.id]: e.target.value })} />
              </label>
              <button type="button" className="danger" disabled={!reasons[b.id]?.trim()} onClick={() => void decide(b, 'reject')}>
                {t('reviews.reject')}
              </button>
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}

export function StaffReviewsPage() {
  return <SignedIn role="staff">{() => <Queue />}</SignedIn>;
}
