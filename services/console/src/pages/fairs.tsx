import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorNote, Link, StatusBadge } from '../components';
import { api, type Page } from '../lib/api';
import { formatDateTime, formatDay } from '../lib/format';

interface Fair {
  id: string;
  name: string | { vi: string; en?: string };
  status: string;
  venueName?: string;
  provinceCode?: string;
  days: { openingDay: string; closingDay: string; openTime: string; closeTime?: string };
  applicationOpenTime?: string;
  applicationCloseTime?: string;
  boothFeeVnd?: number;
  rules?: { maxBoothsPerBusiness: number; certifiedProducts: string; eligibility: string };
}

const nameOf = (f: Fair, lang: string) => (typeof f.name === 'string' ? f.name : (lang === 'en' && f.name.en) || f.name.vi);
const vnd = (n: number, lang: string) => new Intl.NumberFormat(lang === 'en' ? 'en-GB' : 'vi-VN', { style: 'currency', currency: 'VND', maximumFractionDigits: 0 }).format(n);

/** What a card opens to: the days, the venue, the application window and the fee. */
function FairDetails({ fair: f }: { fair: Fair }) {
  const { t, i18n } = useTranslation();
  return (
    <dl className="facts" id={`fair-${f.id}-details`}>
      <dt>{t('fairs2.dates')}</dt>
      <dd>
        {t('fairs2.from', { from: formatDay(f.days.openingDay), to: formatDay(f.days.closingDay) })}
        {f.days.openTime ? ` · ${f.days.openTime}${f.days.closeTime ? `–${f.days.closeTime}` : ''}` : ''}
      </dd>
      {f.venueName && (
        <>
          <dt>{t('fairs2.venue')}</dt>
          <dd>{f.venueName}</dd>
        </>
      )}
      {f.applicationOpenTime && f.applicationCloseTime && (
        <>
          <dt>{t('fairs2.applications')}</dt>
          <dd>{t('fairs2.from', { from: formatDateTime(f.applicationOpenTime), to: formatDateTime(f.applicationCloseTime) })}</dd>
        </>
      )}
      {f.boothFeeVnd !== undefined && (
        <>
          <dt>{t('fairs2.fee')}</dt>
          <dd>{vnd(f.boothFeeVnd, i18n.language)}</dd>
        </>
      )}
    </dl>
  );
}

// The public fair calendar, with the .ics feed for calendar applications; each card opens to its details.
export function FairsPage() {
  const { t, i18n } = useTranslation();
  const [page, setPage] = useState<Page<Fair>>();
  const [open, setOpen] = useState<string>();
  const [error, setError] = useState<unknown>();
  useEffect(() => {
    api<Page<Fair>>('/v1/fairs?pageSize=50').then(setPage, setError);
  }, []);
  return (
    <section>
      <h1>{t('fairs.heading')}</h1>
      <p>
        <a href="/v1/fairs.ics" download>
          {t('fairs.ics')}
        </a>
      </p>
      <ErrorNote error={error} />
      {page && page.items.length === 0 && <p>{t('fairs.none')}</p>}
      <ul className="cards">
        {page?.items.map((f) => (
          <li key={f.id} className="card">
            <h2>
              <Link href={`/fairs/${f.id}`}>{nameOf(f, i18n.language)}</Link>
            </h2>
            <p className="muted">
              {formatDay(f.days.openingDay)} – {formatDay(f.days.closingDay)}
              {f.venueName ? ` · ${f.venueName}` : ''} · <StatusBadge kind="fair" status={f.status} />
            </p>
            <button type="button" className="secondary" aria-expanded={open === f.id} aria-controls={open === f.id ? `fair-${f.id}-details` : undefined} onClick={() => setOpen(open === f.id ? undefined : f.id)}>
              {open === f.id ? t('fairs2.hide') : t('fairs2.details')}
            </button>
            {open === f.id && <FairDetails fair={f} />}
          </li>
        ))}
      </ul>
    </section>
  );
}
