// The public certificate check, reached from a certificate's QR code (/verify?token=<signed token>), from a
// badge (/verify?number=…), or by typing the number printed on a package. Made for a phone in a shop: the
// verdict first, in plain words, then the facts to compare with the product in hand.
import { useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorNote, Link, StatusBadge } from '../components';
import { api, ApiError } from '../lib/api';
import { daysUntil, formatDay } from '../lib/format';
import { navigate } from '../navigation';

export interface PublicCertificate {
  number: string;
  scheme: string;
  status: string;
  businessId: string;
  businessName: string;
  productId?: string;
  productName?: string;
  stars?: number;
  validFrom?: string;
  validUntil?: string;
  decisionNumber?: string;
  decisionDate?: string;
  issuer?: string;
  reason?: string;
}

type Outcome = { kind: 'forged' } | { kind: 'unknown'; number: string } | { kind: 'found'; certificate: PublicCertificate; byNumber: boolean };

/** The verdict a person reads: in force (perhaps expiring), or why not. */
export function verdictOf(c: Pick<PublicCertificate, 'status' | 'validUntil'>, now = new Date()): { tone: 'ok' | 'warn' | 'bad'; key: string; days?: number } {
  const days = daysUntil(c.validUntil, now);
  if (c.status === 'VALID' || c.status === 'EXPIRING') {
    if (c.status === 'EXPIRING' || (days !== undefined && days <= 30)) return { tone: 'warn', key: 'expiring', days: Math.max(days ?? 0, 0) };
    return { tone: 'ok', key: 'valid' };
  }
  if (c.status === 'EXPIRED') return { tone: 'bad', key: 'expired' };
  if (c.status === 'SUSPENDED') return { tone: 'bad', key: 'suspended' };
  return { tone: 'bad', key: 'revoked' };
}

function CertificateCard({ certificate: c, byNumber }: { certificate: PublicCertificate; byNumber: boolean }) {
  const { t } = useTranslation();
  const verdict = verdictOf(c);
  return (
    <div role="status" className={`card verdict verdict-${verdict.tone}`}>
      <h2>
        <span aria-hidden="true">{verdict.tone === 'ok' ? '✓ ' : verdict.tone === 'warn' ? '! ' : '✗ '}</span>
        {t(`check.${verdict.key}`, { days: verdict.days, date: formatDay(c.validUntil) })}
      </h2>
      {c.reason && (verdict.key === 'revoked' || verdict.key === 'suspended') && (
        <p>
          {t('check.reason')}: {c.reason}
        </p>
      )}
      {byNumber && <p className="muted">{t('check.byNumber', { number: c.number })}</p>}
      <dl className="facts">
        <dt>{t('check.product')}</dt>
        <dd>{c.productName ?? '—'}</dd>
        <dt>{t('check.business')}</dt>
        <dd>
          <Link href={`/businesses/${encodeURIComponent(c.businessId)}`}>{c.businessName}</Link>
        </dd>
        <dt>{t('check.scheme')}</dt>
        <dd>
          {t(`scheme.${c.scheme}`, c.scheme)}
          {c.stars ? ` ${'★'.repeat(c.stars)} (${t('check.stars', { count: c.stars })})` : ''}
        </dd>
        <dt>{t('check.number_')}</dt>
        <dd>{c.number}</dd>
        <dt>{t('check.status')}</dt>
        <dd>
          <StatusBadge kind="certificate" status={verdict.key === 'expiring' ? 'EXPIRING' : c.status} />
        </dd>
        {c.validFrom && (
          <>
            <dt>{t('check.validFrom')}</dt>
            <dd>{formatDay(c.validFrom)}</dd>
          </>
        )}
        {c.validUntil && (
          <>
            <dt>{t('check.validUntil')}</dt>
            <dd>{formatDay(c.validUntil)}</dd>
          </>
        )}
        {c.decisionNumber && (
          <>
            <dt>{t('check.decision')}</dt>
            <dd>
              {c.decisionNumber}
              {c.decisionDate ? ` · ${formatDay(c.decisionDate)}` : ''}
            </dd>
          </>
        )}
        {c.issuer && (
          <>
            <dt>{t('check.issuer')}</dt>
            <dd>{c.issuer}</dd>
          </>
        )}
      </dl>
    </div>
  );
}

export function VerifyCertificatePage({ search }: { search: string }) {
  const { t } = useTranslation();
  const params = new URLSearchParams(search);
  const token = params.get('token') ?? '';
  const number = (params.get('number') ?? '').trim();
  const [typed, setTyped] = useState(number);
  // A verdict is an answer (genuine, forged, unknown number); a 5xx or a dropped connection is not, and is asked again
  // with backoff: a shopper scanning a QR code should not read "error" because a service was busy for a moment.
  const check = useQuery({
    queryKey: ['certificate-check', token, number],
    enabled: Boolean(token || number),
    retry: 4,
    staleTime: Infinity,
    queryFn: async (): Promise<Outcome> => {
      try {
        if (token) {
          const r = await api<{ genuine: boolean; certificate?: PublicCertificate }>('/v1/certificates:verify', { method: 'POST', json: { token } });
          return r.genuine && r.certificate ? { kind: 'found', certificate: r.certificate, byNumber: false } : { kind: 'forged' };
        }
        const c = await api<PublicCertificate>(`/v1/certificates/${encodeURIComponent(number.toUpperCase())}`);
        return { kind: 'found', certificate: c, byNumber: true };
      } catch (err) {
        // A token the service cannot read, or a number it does not know, is an answer, not a failure.
        if (err instanceof ApiError && err.problem.status < 500) return token ? { kind: 'forged' } : { kind: 'unknown', number };
        throw err;
      }
    },
  });
  const outcome = check.data;
  const error = check.error;
  const busy = check.isFetching;

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const value = typed.trim();
    if (value) navigate(`/verify?${new URLSearchParams({ number: value })}`);
  };

  return (
    <section className="narrow verify">
      <h1>{t('check.heading')}</h1>
      {busy && <p aria-live="polite">{t('check.checking')}</p>}
      {outcome?.kind === 'forged' && (
        <div role="alert" className="card verdict verdict-bad">
          <h2>
            <span aria-hidden="true">✗ </span>
            {t('check.forged')}
          </h2>
          <p>{t('check.forgedAdvice')}</p>
        </div>
      )}
      {outcome?.kind === 'unknown' && (
        <div role="alert" className="card verdict verdict-bad">
          <h2>
            <span aria-hidden="true">✗ </span>
            {t('check.unknownNumber', { number: outcome.number })}
          </h2>
          <p>{t('check.forgedAdvice')}</p>
        </div>
      )}
      {outcome?.kind === 'found' && <CertificateCard certificate={outcome.certificate} byNumber={outcome.byNumber} />}
      <ErrorNote error={error} />
      <form onSubmit={submit} className="verify-form">
        <p className="muted">{t('check.intro')}</p>
        <label>
          {t('check.number')}
          <input
            name="number"
            value={typed}
            autoCapitalize="characters"
            autoComplete="off"
            spellCheck={false}
            aria-describedby="number-hint"
            onChange={(e) => setTyped(e.target.value)}
          />
        </label>
        <span id="number-hint" className="hint-inline muted">
          {t('check.numberHint')}
        </span>
        <button type="submit">{t('check.submit')}</button>
      </form>
    </section>
  );
}
