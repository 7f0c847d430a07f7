import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorNote } from '../components';
import { api, type Page } from '../lib/api';
import { summarise, type Criterion } from '../lib/score-sheet';
import { SignedIn } from './signed-in';

interface Application {
  id: string;
  productName: string;
  businessId: string;
  status: string;
  score?: { total: number; stars: number };
}

/** The criteria as the certification service publishes them (GET /v1/ocop-criteria). */
async function loadCriteria(): Promise<Criterion[]> {
  return (await api<{ items: Criterion[] }>('/v1/ocop-criteria')).items;
}

function ScoreSheet({ application, criteria, onDone }: { application: Application; criteria: Criterion[]; onDone: () => void }) {
  const { t, i18n } = useTranslation();
  const [points, setPoints] = useState<Record<string, string>>({});
  const [scorer, setScorer] = useState('');
  const [error, setError] = useState<unknown>();
  const summary = summarise(criteria, points);
  const lang = i18n.language === 'en' ? 'en' : 'vi';
  const submit = async () => {
    setError(undefined);
    try {
      await api(`/v1/certification-applications/${encodeURIComponent(application.id)}:score`, {
        method: 'POST',
        json: { scores: criteria.map((c) => ({ criterion: c.code, points: Number((points[c.code] ?? '').replace(',', '.')), scorer })) },
      });
      onDone();
    } catch (err) {
      setError(err);
    }
  };
  return (
    <div className="score-sheet">
      <table>
        <caption>{t('score.caption', { product: application.productName })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('score.criterion')}</th>
            <th scope="col">{t('score.max')}</th>
            <th scope="col">{t('score.pointsHeader')}</th>
          </tr>
        </thead>
        <tbody>
          {criteria.map((c) => (
            <tr key={c.code}>
              <th scope="row">
                {c.code} {c.title[lang]}
              </th>
              <td>{c.max}</td>
              <td>
                <input
                  aria-label={`${c.code} ${c.title[lang]}`}
                  inputMode="decimal"
                  value={points[c.code] ?? ''}
                  aria-invalid={summary.invalid.includes(c.code)}
                  onChange={(e) => setPoints({ ...points, [c.code]: e.target.value })}
                />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <p role="status" className="totals">
        A {summary.parts.A} · B {summary.parts.B} · C {summary.parts.C} · {t('score.total')} {summary.total} ·{' '}
        {summary.stars ? '★'.repeat(summary.stars) : t('score.noStars')}
      </p>
      <label>
        {t('score.scorer')}
        <input name="scorer" value={scorer} onChange={(e) => setScorer(e.target.value)} />
      </label>
      <button type="button" disabled={summary.missing.length > 0 || summary.invalid.length > 0 || !scorer.trim()} onClick={() => void submit()}>
        {t('score.submit')}
      </button>
      <ErrorNote error={error} />
    </div>
  );
}

// Staff: certification applications by status; commune review, the score sheet, the decision.
function Queue() {
  const { t } = useTranslation();
  const [status, setStatus] = useState('SUBMITTED');
  const [page, setPage] = useState<Page<Application>>();
  const [criteria, setCriteria] = useState<Criterion[]>([]);
  const [open, setOpen] = useState<string>();
  const [decisions, setDecisions] = useState<Record<string, string>>({});
  const [error, setError] = useState<unknown>();
  const load = useCallback(() => {
    api<Page<Application>>(`/v1/certification-applications?status=${status}&pageSize=50`).then(setPage, setError);
  }, [status]);
  useEffect(load, [load]);
  useEffect(() => {
    loadCriteria().then(setCriteria, setError);
  }, []);
  const act = async (a: Application, action: string, json: unknown) => {
    setError(undefined);
    try {
      await api(`/v1/certification-applications/${encodeURIComponent(a.id)}:${action}`, { method: 'POST', json });
      load();
    } catch (err) {
      setError(err);
    }
  };
  return (
    <section>
      <h1>{t('applications.heading')}</h1>
      <label>
        {t('applications.status')}
        <select value={status} onChange={(e) => setStatus(e.target.value)}>
          {['SUBMITTED', 'COMMUNE_REVIEWED', 'PROVINCIAL_SCORED', 'NATIONAL_PENDING', 'DECIDED', 'REJECTED'].map((s) => (
            <option key={s} value={s}>
              {t(`applicationStatus.${s}`)}
            </option>
          ))}
        </select>
      </label>
      <ErrorNote error={error} />
      {page && page.items.length === 0 && <p>{t('applications.empty')}</p>}
      <ul className="cards">
        {page?.items.map((a) => (
          <li key={a.id} className="card">
            <h2>{a.productName}</h2>
            <p className="muted">
              {t(`applicationStatus.${a.status}`)}
              {a.score && ` · ${a.score.total} · ${'★'.repeat(a.score.stars)}`}
            </p>
            {a.status === 'SUBMITTED' && (
              <button type="button" onClick={() => void act(a, 'reviewCommune', { reviewer: 'UBND xã', localRawMaterial: true, localLabour: true, localIdea: true })}>
                {t('applications.communeOk')}
              </button>
            )}
            {a.status === 'COMMUNE_REVIEWED' &&
              (open === a.id ? (
                <ScoreSheet application={a} criteria={criteria} onDone={() => (setOpen(undefined), load())} />
              ) : (
                <button type="button" onClick={() => setOpen(a.id)}>
                  {t('applications.score')}
                </button>
              ))}
            {a.status === 'PROVINCIAL_SCORED' && (
              <div className="actions">
                <label>
                  {t('applications.decisionNumber')}
                  <input placeholder="5445/QĐ-UBND" value={decisions[a.id] ?? ''} onChange={(e) => setDecisions({ ...decisions, [a.id]: e.target.value })} />
                </label>
                <button
                  type="button"
                  disabled={!decisions[a.id]?.trim()}
                  onClick={() => void act(a, 'decide', { decisionNumber: decisions[a.id]!.trim(), decisionDate: new Date().toISOString().slice(0, 10) })}
                >
                  {t('applications.decide')}
                </button>
              </div>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}

export function StaffApplicationsPage() {
  return <SignedIn role="staff">{() => <Queue />}</SignedIn>;
}
