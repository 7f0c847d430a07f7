import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorNote, Link } from '../components';
import { api, type Page } from '../lib/api';

interface Fair {
  id: string;
  name: string | { vi: string; en?: string };
  status: string;
  venueName?: string;
  provinceCode?: string;
  days: { openingDay: string; closingDay: string; openTime: string; closeTime?: string };
}

const nameOf = (f: Fair, lang: string) => (typeof f.name === 'string' ? f.name : (lang === 'en' && f.name.en) || f.name.vi);

// The public fair calendar, with the .ics feed for calendar applications.
export function FairsPage() {
  const { t, i18n } = useTranslation();
  const [page, setPage] = useState<Page<Fair>>();
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
              {f.days.openingDay} – {f.days.closingDay} · {f.venueName} · {f.status}
            </p>
          </li>
        ))}
      </ul>
    </section>
  );
}
