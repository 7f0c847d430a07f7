import { useTranslation } from 'react-i18next';
import { Link } from '../components';

// The provider's sign-in step: a plain form posted to the identity (its interaction cookie is scoped to
// /signin/<uid>), which redirects back into the OIDC flow or here with ?error=.
export function SignInPage({ uid, search }: { uid: string; search: string }) {
  const { t } = useTranslation();
  const params = new URLSearchParams(search);
  const error = params.get('error');
  return (
    <section className="narrow">
      <h1>{t('signin.heading')}</h1>
      {error && (
        <p role="alert" className="error">
          {t(`signin.errors.${error}`, t('signin.errors.CREDENTIALS_INVALID'))}
        </p>
      )}
      <form method="post" action={`/signin/${encodeURIComponent(uid)}/login`}>
        <label>
          {t('signin.email')}
          <input name="email" type="email" autoComplete="username" required defaultValue={params.get('email') ?? ''} />
        </label>
        <label>
          {t('signin.password')}
          <input name="password" type="password" autoComplete="current-password" required />
        </label>
        <button type="submit">{t('signin.submit')}</button>
      </form>
      <p>
        <Link href="/reset-password">{t('signin.forgot')}</Link> · {t('signin.noAccount')} <Link href="/signup">{t('nav.signUp')}</Link>
      </p>
    </section>
  );
}
