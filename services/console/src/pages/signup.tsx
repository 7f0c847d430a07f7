import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorNote } from '../components';
import { api } from '../lib/api';
import { fieldProblem } from '../lib/problems';

export function SignUpPage() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'vi';
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
  const fieldError = (field: string) => fieldProblem(error, field, lang);
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
          <input
            name="email"
            type="email"
            autoComplete="email"
            required
            aria-invalid={!!fieldError('email')}
            aria-describedby={fieldError('email') ? 'email-error' : undefined}
            value={form.email}
            onChange={(e) => setForm({ ...form, email: e.target.value })}
          />
          {fieldError('email') && (
            <span id="email-error" className="field-error">
              {fieldError('email')}
            </span>
          )}
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
            aria-describedby={fieldError('password') ? 'password-error' : undefined}
            value={form.password}
            onChange={(e) => setForm({ ...form, password: e.target.value })}
          />
          {fieldError('password') && (
            <span id="password-error" className="field-error">
              {fieldError('password')}
            </span>
          )}
        </label>
        <button type="submit">{t('signup.submit')}</button>
      </form>
      {/* An address that has an account answers like a new one (the identity mails it instead): nothing here tells the two apart. */}
      <ErrorNote error={error} shownFields={['password', 'email']} />
    </section>
  );
}
