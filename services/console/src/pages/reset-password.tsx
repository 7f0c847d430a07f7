import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorNote } from '../components';
import { api } from '../lib/api';

export function ResetPasswordPage({ search }: { search: string }) {
  const { t } = useTranslation();
  const token = new URLSearchParams(search).get('token');
  const [value, setValue] = useState('');
  const [done, setDone] = useState(false);
  const [error, setError] = useState<unknown>();
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(undefined);
    try {
      if (token) await api('/identity/v1/password-resets:complete', { method: 'POST', json: { token, password: value } });
      else await api('/identity/v1/password-resets', { method: 'POST', json: { email: value } });
      setDone(true);
    } catch (err) {
      setError(err);
    }
  };
  return (
    <section className="narrow">
      <h1>{t('reset.heading')}</h1>
      {done ? (
        <p role="status">{t(token ? 'reset.done' : 'reset.sent')}</p>
      ) : (
        <form onSubmit={(e) => void submit(e)}>
          <label>
            {t(token ? 'reset.password' : 'reset.email')}
            <input
              name={token ? 'password' : 'email'}
              type={token ? 'password' : 'email'}
              autoComplete={token ? 'new-password' : 'email'}
              required
              value={value}
              onChange={(e) => setValue(e.target.value)}
            />
          </label>
          <button type="submit">{t(token ? 'reset.submit' : 'reset.request')}</button>
        </form>
      )}
      <ErrorNote error={error} />
    </section>
  );
}
