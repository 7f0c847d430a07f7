import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, ErrorNote, StatusBadge } from '../components';
import { addressText, verifyHref } from '../components/business-facts';
import { IndustryPicker, ProvincePicker } from '../components/pickers';
import { api, type Business, type Page } from '../lib/api';
import { naturalCompare } from '../lib/format';
import { navigate } from '../navigation';

const TYPES = ['COMPANY', 'COOPERATIVE', 'HOUSEHOLD', 'BRANCH'];
const byName = (a: Business, b: Business) => naturalCompare(a.tradeName || a.legalName, b.tradeName || b.legalName);

export function DirectoryPage({ search }: { search: string }) {
  const { t } = useTranslation();
  const params = new URLSearchParams(search);
  const [form, setForm] = useState({ q: params.get('q') ?? '', province: params.get('province') ?? '', industry: params.get('industry') ?? '', type: params.get('type') ?? '' });
  const [page, setPage] = useState<Page<Business>>();
  const [error, setError] = useState<unknown>();

  useEffect(() => {
    const query = new URLSearchParams(search);
    query.set('pageSize', '20');
    setError(undefined);
    api<Page<Business>>(`/v1/businesses?${query}`).then((p) => setPage({ ...p, items: [...p.items].sort(byName) }), setError);
  }, [search]);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const query = new URLSearchParams(Object.entries(form).filter(([, v]) => v.trim() !== ''));
    navigate(`/?${query}`);
  };
  const more = async () => {
    if (!page?.nextPageToken) return;
    const query = new URLSearchParams(search);
    query.set('pageToken', page.nextPageToken);
    const next = await api<Page<Business>>(`/v1/businesses?${query}`).catch(setError);
    // The next page goes below the shown ones (sorted within itself): nothing already read moves.
    if (next) setPage({ items: [...page.items, ...[...next.items].sort(byName)], nextPageToken: next.nextPageToken });
  };

  return (
    <section>
      <h1>{t('directory.heading')}</h1>
      <form className="filters" onSubmit={submit} role="search">
        <label className="filter-q">
          {t('directory.search')}
          <input type="search" name="q" value={form.q} onChange={(e) => setForm({ ...form, q: e.target.value })} />
        </label>
        <ProvincePicker label={t('directory.province')} value={form.province} onChange={(province) => setForm((f) => ({ ...f, province }))} />
        <IndustryPicker label={t('directory.industry')} value={form.industry} onChange={(industry) => setForm((f) => ({ ...f, industry }))} />
        <label>
          {t('directory.type')}
          <select name="type" value={form.type} onChange={(e) => setForm({ ...form, type: e.target.value })}>
            <option value="">{t('directory.any')}</option>
            {TYPES.map((type) => (
              <option key={type} value={type}>
                {t(`type.${type}`)}
              </option>
            ))}
          </select>
        </label>
        <button type="submit">{t('directory.submit')}</button>
      </form>
      <ErrorNote error={error} />
      <h2 className="visually-hidden">{t('directory.results')}</h2>
      {page && page.items.length === 0 && <p>{t('directory.none')}</p>}
      <ul className="cards">
        {page?.items.map((b) => (
          <li key={b.id} className="card">
            <h3>
              <Link href={`/businesses/${encodeURIComponent(b.id)}`}>{b.tradeName || b.legalName}</Link>
            </h3>
            <p className="muted">
              {t(`type.${b.type}`)} · {t('business.taxCode')} {b.taxCode}
              {b.industries.find((i) => i.main)?.name ? ` · ${b.industries.find((i) => i.main)!.name}` : ''}
            </p>
            {b.status !== 'ACTIVE' && <StatusBadge status={b.status} />}
            {b.address && <p>{addressText(b.address)}</p>}
            {b.badges && b.badges.length > 0 && (
              <p className="badge-line">
                {b.badges.map((badge) => (
                  <Link key={badge.number} href={verifyHref(badge.number)} className="chip">
                    {t(`scheme.${badge.scheme}`, badge.scheme)}
                    {badge.stars ? ` ${'★'.repeat(badge.stars)}` : ''}
                    {badge.productName ? ` · ${badge.productName}` : ''} · {badge.number}
                  </Link>
                ))}
              </p>
            )}
          </li>
        ))}
      </ul>
      {page?.nextPageToken && (
        <button type="button" onClick={() => void more()}>
          {t('directory.more')}
        </button>
      )}
    </section>
  );
}
