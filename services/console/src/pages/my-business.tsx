import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorNote, Link, StatusBadge } from '../components';
import { EvidenceInput, EvidenceLink, problemText, useEvidenceProblemText } from '../evidence';
import { api, ApiError, type Business } from '../lib/api';
import { checkEvidenceFile, hasEvidence, uploadEvidence } from '../lib/evidence';
import type { Session } from '../lib/session';
import { SignedIn } from './signed-in';

/** While the registration is under review: whether the certificate is attached, and uploading or replacing it. */
function Evidence({ business }: { business: Business }) {
  const { t } = useTranslation();
  const evidenceProblem = useEvidenceProblemText();
  const [attached, setAttached] = useState<boolean | 'unknown'>();
  const [file, setFile] = useState<File | null>(null);
  const [problem, setProblem] = useState<string>();
  const [note, setNote] = useState<string>();
  const [busy, setBusy] = useState(false);
  const [formKey, setFormKey] = useState(0);
  useEffect(() => {
    hasEvidence(business.id).then(setAttached, () => setAttached('unknown'));
  }, [business.id]);

  const choose = async (chosen: File | null) => {
    setFile(chosen);
    setNote(undefined);
    const check = await checkEvidenceFile(chosen);
    setProblem(check.ok || check.problem === 'required' ? undefined : evidenceProblem(check.problem, chosen));
  };
  const upload = async (e: FormEvent) => {
    e.preventDefault();
    setNote(undefined);
    const check = await checkEvidenceFile(file);
    if (!check.ok || !file) return setProblem(evidenceProblem(check.ok ? 'required' : check.problem, file));
    setBusy(true);
    try {
      await uploadEvidence(business.id, file, check.mediaType);
      setProblem(undefined);
      setAttached(true);
      setFile(null);
      setFormKey((k) => k + 1); // a fresh, empty file input
      setNote(t('evidence.uploaded'));
    } catch (err) {
      setProblem(t('evidence.uploadFailed', { detail: problemText(err) }));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="evidence" aria-labelledby="evidence-heading">
      <h3 id="evidence-heading">{t('evidence.label')}</h3>
      <p>
        {attached === undefined && t('evidence.checking')}
        {attached === true && (
          <>
            <span className="evidence-ok">{t('evidence.attached')}</span> <EvidenceLink businessId={business.id} />
          </>
        )}
        {attached === false && <span className="evidence-missing">{t('evidence.missing')}</span>}
        {attached === 'unknown' && t('evidence.unknown')}
      </p>
      {note && <p role="status">{note}</p>}
      <form key={formKey} onSubmit={(e) => void upload(e)} noValidate aria-busy={busy}>
        <EvidenceInput id="evidence-upload" label={attached === true ? t('evidence.replaceLabel') : undefined} error={problem} onChange={(f) => void choose(f)} />
        <button type="submit" disabled={busy}>
          {t('evidence.upload')}
        </button>
      </form>
    </section>
  );
}

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
          {business.status === 'PENDING_REVIEW' && <Evidence business={business} />}
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
