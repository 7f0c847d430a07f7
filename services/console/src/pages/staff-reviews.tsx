import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorNote, Link } from '../components';
import { EvidenceLink } from '../evidence';
import { api, type Business, type Page } from '../lib/api';
import { hasEvidence } from '../lib/evidence';
import { SignedIn } from './signed-in';

/**
 * Whether a self-registration (it has an owner) carries the certificate its approval needs: a HEAD per card,
 * nothing downloaded. Registrations staff entered themselves need none and show nothing.
 */
function EvidenceState({ business }: { business: Business }) {
  const { t } = useTranslation();
  const [attached, setAttached] = useState<boolean | 'unknown'>();
  useEffect(() => {
    if (!business.ownerSubject) return;
    let live = true;
    hasEvidence(business.id).then(
      (has) => live && setAttached(has),
      () => live && setAttached('unknown'),
    );
    return () => {
      live = false;
    };
  }, [business.id, business.ownerSubject, business.version]);
  if (!business.ownerSubject) return null;
  return (
    <p className="evidence-state">
      {attached === undefined && <span className="muted">{t('evidence.checking')}</span>}
      {attached === true && (
        <>
          <span className="evidence-ok">{t('evidence.staffAttached')}</span> · <EvidenceLink businessId={business.id} name={business.legalName} />
        </>
      )}
      {attached === false && <span className="evidence-missing">{t('evidence.staffMissing')}</span>}
      {attached === 'unknown' && <span className="muted">{t('evidence.unknown')}</span>}
    </p>
  );
}

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
            <EvidenceState business={b} />
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
