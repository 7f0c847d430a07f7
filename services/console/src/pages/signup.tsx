import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorNote } from '../components';
import { api, ApiError } from '../lib/api';

export function SignUpPage() {
  const { t, i18n } = useTranslation();
  const [form, setForm] = useState({ name: '', email: '', password: '' });
  const [sent, setSent] = useState<string>();
  const [error, setError] = useState<unknown>();
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(undefined);
    try {
      await api('/identity/v1/accounts', { method: 'POST', json: { ...form, locale: i18n.language === 'en' ? 'en' : 'vi' } });
      setSent(form.email);
    } catch (err) {
      setError(err);
    }
  };
  if (sent) return <p role="status">{t('signup.sent', { email: sent })}</p>;
  const taken = error instanceof ApiError && error.problem.code === 'EMAIL_TAKEN';
  const fieldError = (field: string) => (error instanceof ApiError ? error.problem.errors?.find((x) => x.field === field) : undefined);
  return (
    <section className="narrow">
      <h1>{t('signup.heading')}</h1>
      <form onSubmit={(e) => void submit(e)} noValidate>
        <label>
          {t('signup.name')}
          <input name="name" autoComplete="name" value={form.name} onChange={(e) => setForm({ ...form, name: e.target.value })} />
        </label>
        <label>
          {t('signup.email')}
          <input name="email" type="email" autoComplete="email" required value={form.email} onChange={(e) => setForm({ ...form, email: e.target.value })} />
        </label>
        <label>
          {t('signup.password')}
          <input
            name="password"
            type="password"
            autoComplete="new-password"
            required
            minLength={10}
            aria-invalid={!!fieldError('password')}
            value={form.password}
            onChange={(e) => setForm({ ...form, password: e.target.value })}
          />
        </label>
        <button type="submit">{t('signup.submit')}</button>
      </form>
      {taken ? <p role="alert">{t('signup.taken')}</p> : <ErrorNote error={error} />}
    </section>
  );
}
