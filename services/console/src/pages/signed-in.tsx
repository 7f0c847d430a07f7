import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from '../components';
import { STAFF_HOME } from '../lib/landing';
import { currentSession, isStaff, startSignIn, type Session } from '../lib/session';

/** Renders children with the session, or a sign-in prompt; a signed-in staff member on an enterprise page is pointed to their work. */
export function SignedIn({ role, children }: { role?: 'enterprise' | 'staff'; children: (session: Session) => ReactNode }) {
  const { t } = useTranslation();
  const session = currentSession();
  const allowed = session && (!role || session.roles.includes(role) || (role === 'staff' && session.roles.includes('admin')));
  if (!allowed && session && role === 'enterprise' && isStaff(session)) {
    return (
      <section className="narrow">
        <p>{t('landing.wrongRole')}</p>
        <Link href={STAFF_HOME} className="button">
          {t('landing.goWork')}
        </Link>
      </section>
    );
  }
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
