import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorNote } from '../components';
import { api, ApiError } from '../lib/api';

interface Verification {
  genuine: boolean;
  reason?: string;
  status?: string;
  certificate?: { number: string; scheme: string; stars?: number; productName?: string; businessName?: string; validUntil?: string; status: string };
}

// Reached from a certificate's QR code: /verify?token=<signed token>.
export function VerifyCertificatePage({ search }: { search: string }) {
  const { t } = useTranslation();
  const [result, setResult] = useState<Verification>();
  const [error, setError] = useState<unknown>();
  const started = useRef(false);
  useEffect(() => {
    if (started.current) return;
    started.current = true;
    const token = new URLSearchParams(search).get('token') ?? '';
    api<Verification>('/v1/certificates:verify', { method: 'POST', json: { token } }).then(setResult, setError);
  }, [search]);
  const c = result?.certificate;
  const status = c?.status ?? result?.status;
  return (
    <section className="narrow">
      <h1>{t('verifyCert.heading')}</h1>
      {!result && !error && <p aria-live="polite">{t('common.loading')}</p>}
      {error instanceof ApiError && error.problem.status < 500 ? <p role="alert" className="error">{t('verifyCert.refused')}</p> : <ErrorNote error={error} />}
      {result && !result.genuine && (
        <p role="alert" className="error">
          {t('verifyCert.refused')} ({result.reason})
        </p>
      )}
      {result?.genuine && (
        <div role="status" className={`card ${status === 'ACTIVE' ? 'ok' : 'warn'}`}>
          <h2>{status === 'ACTIVE' ? t('verifyCert.genuine') : t('verifyCert.notValid', { status: status ?? '' })}</h2>
          {c && (
            <dl className="facts">
              <dt>{t('verifyCert.number')}</dt>
              <dd>{c.number}</dd>
              <dt>{t('verifyCert.scheme')}</dt>
              <dd>
                {c.scheme} {c.stars ? '★'.repeat(c.stars) : ''}
              </dd>
              {c.businessName && (
                <>
                  <dt>{t('verifyCert.business')}</dt>
                  <dd>{c.businessName}</dd>
                </>
              )}
              {c.productName && (
                <>
                  <dt>{t('verifyCert.product')}</dt>
                  <dd>{c.productName}</dd>
                </>
              )}
              {c.validUntil && (
                <>
                  <dt>{t('verifyCert.validUntil')}</dt>
                  <dd>{c.validUntil}</dd>
                </>
              )}
            </dl>
          )}
        </div>
      )}
    </section>
  );
}
