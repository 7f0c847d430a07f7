import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorNote } from '../components';
import { landingFor } from '../lib/landing';
import { currentSession, finishSignIn } from '../lib/session';

export function CallbackPage({ search }: { search: string }) {
  const { t } = useTranslation();
  const [error, setError] = useState<unknown>();
  const started = useRef(false);
  useEffect(() => {
    if (started.current) return;
    started.current = true;
    // A full load: the header re-reads the session.
    finishSignIn(search).then((to) => location.replace(landingFor(currentSession()?.roles ?? [], to)), setError);
  }, [search]);
  return error ? <ErrorNote error={error} /> : <p aria-live="polite">{t('callback.working')}</p>;
}
