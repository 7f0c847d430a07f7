import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorNote, Link, PageSizeSelect } from '../components';
import { verifyHref } from '../components/business-facts';
import { DossierPanel, useBusiness, type ApplicationSummary } from '../components/dossier';
import { Pager, usePaging } from '../components/pager';
import { api, type Page } from '../lib/api';
import { formatDay, naturalCompare, todayInVietnam } from '../lib/format';
import { fieldProblem } from '../lib/problems';
import { summarise, type Criterion } from '../lib/score-sheet';
import { SignedIn } from './signed-in';

type Application = ApplicationSummary;
const FINDINGS = ['localRawMaterial', 'localLabour', 'localIdea'] as const;
type Finding = (typeof FINDINGS)[number];

/** The criteria as the certification service publishes them (GET /v1/ocop-criteria). */
async function loadCriteria(): Promise<Criterion[]> {
  return (await api<{ items: Criterion[] }>('/v1/ocop-criteria')).items;
}

const useLang = () => {
  const { i18n } = useTranslation();
  return i18n.language === 'en' ? 'en' : 'vi';
};

async function act(application: Application, action: string, json: unknown): Promise<void> {
  await api(`/v1/certification-applications/${encodeURIComponent(application.id)}:${action}`, { method: 'POST', json });
}

/**
 * The commune/ward People's Committee's review (Decision 1489/QĐ-TTg): who reviewed, and the three findings
 * it names, each met or not with a note. Nothing is preset: each finding is a choice the reviewer makes.
 */
function CommuneReviewForm({ application, wardName, onDone }: { application: Application; wardName?: string; onDone: () => void }) {
  const { t } = useTranslation();
  const lang = useLang();
  const [reviewer, setReviewer] = useState('');
  const [findings, setFindings] = useState<Partial<Record<Finding, boolean>>>({});
  const [notes, setNotes] = useState<Partial<Record<Finding | 'general', string>>>({});
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  // The business's ward is the commune that reviews: proposed, still editable.
  useEffect(() => {
    if (wardName) setReviewer((r) => r || `UBND ${wardName}`);
  }, [wardName]);
  const complete = reviewer.trim() !== '' && FINDINGS.every((f) => findings[f] !== undefined);
  const submit = async () => {
    setError(undefined);
    setBusy(true);
    const lines = [
      ...FINDINGS.filter((f) => notes[f]?.trim()).map((f) => `${t(`commune.${f}`)}: ${notes[f]!.trim()}`),
      ...(notes.general?.trim() ? [notes.general.trim()] : []),
    ];
    try {
      await act(application, 'reviewCommune', {
        reviewer: reviewer.trim(),
        localRawMaterial: findings.localRawMaterial,
        localLabour: findings.localLabour,
        localIdea: findings.localIdea,
        ...(lines.length ? { note: lines.join('\n') } : {}),
      });
      onDone();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  const reviewerProblem = fieldProblem(error, 'reviewer', lang);
  return (
    <form className="commune-form" onSubmit={(e) => (e.preventDefault(), void submit())} aria-busy={busy}>
      <h3>{t('commune.heading', { product: application.productName })}</h3>
      <label>
        {t('commune.reviewer')}
        <input name="reviewer" value={reviewer} aria-invalid={!!reviewerProblem} onChange={(e) => setReviewer(e.target.value)} />
        {reviewerProblem && <span className="field-error">{reviewerProblem}</span>}
      </label>
      {FINDINGS.map((f) => (
        <fieldset key={f} className="finding">
          <legend>{t(`commune.${f}`)}</legend>
          <div className="choices">
            <label className="check">
              <input type="radio" name={`${application.id}-${f}`} checked={findings[f] === true} onChange={() => setFindings({ ...findings, [f]: true })} />
              {t('commune.yes')}
            </label>
            <label className="check">
              <input type="radio" name={`${application.id}-${f}`} checked={findings[f] === false} onChange={() => setFindings({ ...findings, [f]: false })} />
              {t('commune.no')}
            </label>
          </div>
          <label>
            {t('commune.note')}
            <input value={notes[f] ?? ''} onChange={(e) => setNotes({ ...notes, [f]: e.target.value })} />
          </label>
        </fieldset>
      ))}
      <label>
        {t('commune.generalNote')}
        <textarea name="note" rows={2} value={notes.general ?? ''} onChange={(e) => setNotes({ ...notes, general: e.target.value })} />
      </label>
      <button type="submit" disabled={!complete || busy}>
        {t('commune.submit')}
      </button>
      <ErrorNote error={error} shownFields={['reviewer']} />
    </form>
  );
}

function ScoreSheet({ application, criteria, onDone }: { application: Application; criteria: Criterion[]; onDone: () => void }) {
  const { t } = useTranslation();
  const lang = useLang();
  const [points, setPoints] = useState<Record<string, string>>({});
  const [scorer, setScorer] = useState('');
  const [error, setError] = useState<unknown>();
  const summary = summarise(criteria, points);
  const submit = async () => {
    setError(undefined);
    try {
      await act(application, 'score', { scores: criteria.map((c) => ({ criterion: c.code, points: Number((points[c.code] ?? '').replace(',', '.')), scorer })) });
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

/**
 * The decision: the province's for 3–4★ (PROVINCIAL_SCORED), or the central one recorded by staff for a
 * total of 90 or more (NATIONAL_PENDING → 5★, issued by the Ministry). Errors stand at the field they name.
 */
function DecisionForm({ application, onDone }: { application: Application; onDone: (note: string) => void }) {
  const { t } = useTranslation();
  const lang = useLang();
  const central = application.status === 'NATIONAL_PENDING';
  const [number, setNumber] = useState('');
  const [date, setDate] = useState(todayInVietnam());
  const [reason, setReason] = useState('');
  const [error, setError] = useState<unknown>();
  const id = application.id;
  const submit = async (kind: 'decide' | 'reject') => {
    setError(undefined);
    try {
      await act(application, kind, kind === 'decide' ? { decisionNumber: number.trim(), decisionDate: date } : { reason: reason.trim() });
      onDone(kind === 'decide' ? t('decision.recorded', { number: number.trim(), product: application.productName }) : '');
    } catch (err) {
      setError(err);
    }
  };
  const numberProblem = fieldProblem(error, 'decisionNumber', lang);
  const dateProblem = fieldProblem(error, 'decisionDate', lang);
  return (
    <div className="decision">
      <h3>{central ? t('decision.central') : t('decision.provincial')}</h3>
      {central && <p className="muted">{t('decision.centralNote')}</p>}
      <div className="actions">
        <label>
          {t('decision.number')}
          <input
            name="decisionNumber"
            placeholder={central ? '12/QĐ-BNNMT' : '5445/QĐ-UBND'}
            value={number}
            aria-invalid={!!numberProblem}
            aria-describedby={numberProblem ? `${id}-number-error` : undefined}
            onChange={(e) => setNumber(e.target.value)}
          />
          {numberProblem && (
            <span id={`${id}-number-error`} className="field-error">
              {numberProblem}
            </span>
          )}
        </label>
        <label>
          {t('decision.date')}
          <input
            name="decisionDate"
            type="date"
            value={date}
            max={todayInVietnam()}
            aria-invalid={!!dateProblem}
            aria-describedby={dateProblem ? `${id}-date-error` : undefined}
            onChange={(e) => setDate(e.target.value)}
          />
          {dateProblem && (
            <span id={`${id}-date-error`} className="field-error">
              {dateProblem}
            </span>
          )}
        </label>
        <button type="button" disabled={!number.trim() || !date} onClick={() => void submit('decide')}>
          {t('decision.record')}
        </button>
      </div>
      <div className="actions">
        <label>
          {t('decision.reason')}
          <input name="reason" value={reason} onChange={(e) => setReason(e.target.value)} />
        </label>
        <button type="button" className="danger" disabled={!reason.trim()} onClick={() => void submit('reject')}>
          {t('decision.reject')}
        </button>
      </div>
      <ErrorNote error={error} shownFields={['decisionNumber', 'decisionDate']} />
    </div>
  );
}

function ApplicationCard({ application: a, criteria, open, setOpen, reload, tell }: { application: Application; criteria: Criterion[]; open: boolean; setOpen: (open: boolean) => void; reload: () => void; tell: (note: string) => void }) {
  const { t } = useTranslation();
  const business = useBusiness(a.businessId);
  const done = () => {
    setOpen(false);
    reload();
  };
  const working = open && (a.status === 'SUBMITTED' || a.status === 'COMMUNE_REVIEWED');
  return (
    <li className={`card ${working ? 'working' : ''}`}>
      <h2>{a.productName}</h2>
      <p className="muted">
        {t(`applicationStatus.${a.status}`, a.status)}
        {business ? ` · ${business.legalName}` : ''}
        {a.round ? ` · ${a.round.number}/${a.round.year}` : ''}
        {a.score && ` · ${a.score.total} ${t('score.points')} · ${'★'.repeat(a.score.stars)}`}
      </p>
      {a.decision && (
        <p>
          {t('decision.number')}: {a.decision.number} · {formatDay(a.decision.date)}
          {a.decision.certificateNumber && (
            <>
              {' · '}
              <Link href={verifyHref(a.decision.certificateNumber)}>{a.decision.certificateNumber}</Link>
            </>
          )}
        </p>
      )}
      {(a.status === 'SUBMITTED' || a.status === 'COMMUNE_REVIEWED') && !open && (
        <button type="button" onClick={() => setOpen(true)}>
          {a.status === 'SUBMITTED' ? t('applications.communeOk') : t('applications.score')}
        </button>
      )}
      {working && (
        <div className="beside">
          <DossierPanel application={a} business={business} />
          {a.status === 'SUBMITTED' ? (
            <CommuneReviewForm application={a} wardName={business?.address?.wardName} onDone={done} />
          ) : (
            <ScoreSheet application={a} criteria={criteria} onDone={done} />
          )}
        </div>
      )}
      {(a.status === 'PROVINCIAL_SCORED' || a.status === 'NATIONAL_PENDING') && (
        <DecisionForm
          application={a}
          onDone={(note) => {
            if (note) tell(note);
            reload();
          }}
        />
      )}
    </li>
  );
}

// Staff: certification applications by status, paged; commune review and score sheet beside the dossier; decisions.
function Queue() {
  const { t } = useTranslation();
  const [status, setStatus] = useState('SUBMITTED');
  const [pageSize, setPageSize] = useState(20);
  const paging = usePaging();
  const calls = useRef(0);
  const [page, setPage] = useState<Page<Application>>();
  const [criteria, setCriteria] = useState<Criterion[]>([]);
  const [open, setOpen] = useState<string>();
  const [note, setNote] = useState<string>();
  const [error, setError] = useState<unknown>();
  const load = useCallback(() => {
    const query = new URLSearchParams({ status, pageSize: String(pageSize) });
    if (paging.token) query.set('pageToken', paging.token);
    const call = ++calls.current;
    api<Page<Application>>(`/v1/certification-applications?${query}`).then(
      (p) => call === calls.current && setPage({ ...p, items: [...p.items].sort((x, y) => naturalCompare(x.productName, y.productName)) }),
      (err: unknown) => call === calls.current && setError(err),
    );
  }, [status, pageSize, paging.token]);
  useEffect(load, [load]);
  const { reset } = paging;
  useEffect(reset, [status, pageSize, reset]);
  useEffect(() => {
    loadCriteria().then(setCriteria, setError);
  }, []);
  return (
    <section className="wide">
      <h1>{t('applications.heading')}</h1>
      <div className="filters queue-filters">
        <label>
          {t('applications.status')}
          <select value={status} onChange={(e) => setStatus(e.target.value)}>
            {['SUBMITTED', 'COMMUNE_REVIEWED', 'PROVINCIAL_SCORED', 'NATIONAL_PENDING', 'DECIDED', 'REJECTED', 'WITHDRAWN'].map((s) => (
              <option key={s} value={s}>
                {t(`applicationStatus.${s}`)}
              </option>
            ))}
          </select>
        </label>
        <PageSizeSelect value={pageSize} onChange={setPageSize} />
      </div>
      {note && <p role="status">{note}</p>}
      <ErrorNote error={error} />
      {page && page.items.length === 0 && <p>{t('applications.empty')}</p>}
      <ul className="cards">
        {page?.items.map((a) => (
          <ApplicationCard key={a.id} application={a} criteria={criteria} open={open === a.id} setOpen={(o) => setOpen(o ? a.id : undefined)} reload={load} tell={setNote} />
        ))}
      </ul>
      <Pager paging={paging} nextPageToken={page?.nextPageToken} count={page?.items.length ?? 0} pageSize={pageSize} />
    </section>
  );
}

export function StaffApplicationsPage() {
  return <SignedIn role="staff">{() => <Queue />}</SignedIn>;
}
