import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../lib/api';
import { startSignIn } from '../lib/session';

export function VerifyEmailPage({ search }: { search: string }) {
  const { t } = useTranslation();
  const [state, setState] = useState<'working' | 'done' | 'failed'>('working');
  const started = useRef(false);
  useEffect(() => {
    if (started.current) return;
    started.current = true;
    const token = new URLSearchParams(search).get('token') ?? '';
    api('/identity/v1/accounts:verifyEmail', { method: 'POST', json: { token } }).then(
      () => setState('done'),
      () => setState('failed'),
    );
  }, [search]);
  return (
    <section className="narrow">
      <h1>{t('verify.heading')}</h1>
      <p role="status">{t(`verify.${state}`)}</p>
      {state === 'done' && (
        <button type="button" onClick={() => void startSignIn('/my')}>
          {t('signin.start')}
        </button>
      )}
    </section>
  );
}
