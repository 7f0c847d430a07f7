import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { currentSession, startSignIn, type Session } from '../lib/session';

/** Renders children with the session, or a sign-in prompt. */
export function SignedIn({ role, children }: { role?: 'enterprise' | 'staff'; children: (session: Session) => ReactNode }) {
  const { t } = useTranslation();
  const session = currentSession();
  const allowed = session && (!role || session.roles.includes(role) || (role === 'staff' && session.roles.includes('admin')));
  if (!allowed) {
    return (
      <section className="narrow">
        <p>{t('common.signInFirst')}</p>
        <button type="button" onClick={() => void startSignIn()}>
          {t('nav.signIn')}
        </button>
      </section>
    );
  }
  return <>{children(session)}</>;
}
