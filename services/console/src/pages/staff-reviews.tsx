import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorNote, Link, PageSizeSelect } from '../components';
import { addressText } from '../components/business-facts';
import { Pager, usePaging } from '../components/pager';
import { ProvincePicker } from '../components/pickers';
import { formatDateTime } from '../lib/format';
import { EvidenceLink } from '../evidence';
import { api, type Business, type Page } from '../lib/api';
import { hasEvidence } from '../lib/evidence';
import { SignedIn } from './signed-in';

/**
 * Whether a self-registration (it has an owner) carries the certificate its approval needs: a HEAD per card,
 * nothing downloaded, and only once the card is on screen (a page of the queue no longer fires one per
 * registration on load). Registrations staff entered themselves need none and show nothing.
 */
function EvidenceState({ business }: { business: Business }) {
  const { t } = useTranslation();
  const [attached, setAttached] = useState<boolean | 'unknown'>();
  const [seen, setSeen] = useState(false);
  const ref = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    const node = ref.current;
    if (!node || seen) return;
    if (typeof IntersectionObserver === 'undefined') return setSeen(true);
    const observer = new IntersectionObserver((entries) => entries.some((e) => e.isIntersecting) && setSeen(true));
    observer.observe(node);
    return () => observer.disconnect();
  }, [seen]);
  useEffect(() => {
    if (!business.ownerSubject || !seen) return;
    let live = true;
    hasEvidence(business.id).then(
      (has) => live && setAttached(has),
      () => live && setAttached('unknown'),
    );
    return () => {
      live = false;
    };
  }, [business.id, business.ownerSubject, business.version, seen]);
  if (!business.ownerSubject) return null;
  return (
    <p className="evidence-state" ref={ref}>
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
  const [type, setType] = useState('');
  const [pageSize, setPageSize] = useState(20);
  const paging = usePaging();
  const calls = useRef(0);
  const [page, setPage] = useState<Page<Business>>();
  const [reasons, setReasons] = useState<Record<string, string>>({});
  const [note, setNote] = useState<string>();
  const [error, setError] = useState<unknown>();
  const load = useCallback(() => {
    const query = new URLSearchParams({ status: 'PENDING_REVIEW', pageSize: String(pageSize) });
    if (/^\d{2}$/.test(province)) query.set('province', province);
    if (type) query.set('type', type);
    if (paging.token) query.set('pageToken', paging.token);
    // Only the latest request's answer is shown (a filter change and its reset to page 1 both load).
    const call = ++calls.current;
    api<Page<Business>>(`/v1/businesses?${query}`).then(
      (p) => call === calls.current && setPage(p),
      (err: unknown) => call === calls.current && setError(err),
    );
  }, [province, type, pageSize, paging.token]);
  useEffect(load, [load]);
  const { reset } = paging;
  // A changed filter starts again at the first page.
  useEffect(reset, [province, type, pageSize, reset]);

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
      <div className="filters queue-filters">
        <ProvincePicker label={t('reviews.filter')} value={province} onChange={setProvince} />
        <label>
          {t('directory.type')}
          <select name="type" value={type} onChange={(e) => setType(e.target.value)}>
            <option value="">{t('directory.any')}</option>
            {['COMPANY', 'COOPERATIVE', 'HOUSEHOLD', 'BRANCH'].map((v) => (
              <option key={v} value={v}>
                {t(`type.${v}`)}
              </option>
            ))}
          </select>
        </label>
        <PageSizeSelect value={pageSize} onChange={setPageSize} />
      </div>
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
              {t(`type.${b.type}`)} · {t('business.taxCode')} {b.taxCode} · {addressText(b.address)}
            </p>
            {b.createTime && <p className="muted">{t('commune.submitted', { date: formatDateTime(b.createTime) })}</p>}
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
      <Pager paging={paging} nextPageToken={page?.nextPageToken} count={page?.items.length ?? 0} pageSize={pageSize} />
    </section>
  );
}

export function StaffReviewsPage() {
  return <SignedIn role="staff">{() => <Queue />}</SignedIn>;
}
