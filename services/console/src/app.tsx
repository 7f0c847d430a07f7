import { useTranslation } from 'react-i18next';
import { Outlet, useLocation } from 'react-router';
import { Link } from './components';
import { setLanguage } from './i18n';
import './nav-strings';
import { currentSession, isPartner, isStaff, signOut, startSignIn } from './lib/session';

export function NotFound() {
  const { t } = useTranslation();
  return (
    <section>
      <h1>{t('common.notFound')}</h1>
      <Link href="/">{t('common.back')}</Link>
    </section>
  );
}

export function App() {
  const { t, i18n } = useTranslation();
  useLocation(); // the header re-reads the session on every navigation
  const session = currentSession();
  return (
    <>
      <a className="skip" href="#main">
        {t('app.skip')}
      </a>
      <header className="top">
        <Link href="/" className="brand">
          <span aria-hidden="true">★</span> {t('app.title')}
        </Link>
        <nav aria-label={t('app.nav')}>
          <ul>
            <li>
              <Link href="/">{t('nav.directory')}</Link>
            </li>
            <li>
              <Link href="/fairs">{t('nav.fairs')}</Link>
            </li>
            {/* Signed in only: the public header keeps its width on phones. */}
            {session && (
              <li>
                <Link href="/sourcing">{t('nav.sourcing')}</Link>
              </li>
            )}
            {session?.roles.includes('enterprise') && (
              <>
                <li>
                  <Link href="/my">{t('nav.my')}</Link>
                </li>
                <li>
                  <Link href="/my/products">{t('nav.products')}</Link>
                </li>
                <li>
                  <Link href="/my/inbox">{t('nav.inbox')}</Link>
                </li>
              </>
            )}
            {isStaff(session) && (
              <>
                <li>
                  <Link href="/staff/reviews">{t('nav.reviews')}</Link>
                </li>
                <li>
                  <Link href="/staff/applications">{t('nav.applications')}</Link>
                </li>
                <li>
                  <Link href="/staff/fairs">{t('nav.staffFairs')}</Link>
                </li>
                <li>
                  <Link href="/staff/venues">{t('nav.venues')}</Link>
                </li>
                <li>
                  <Link href="/staff/reports">{t('nav.queues')}</Link>
                </li>
                <li>
                  <Link href="/staff/partners">{t('nav.partners')}</Link>
                </li>
                <li>
                  <Link href="/staff/campaign">{t('nav.campaign')}</Link>
                </li>
              </>
            )}
            {isPartner(session) && (
              <li>
                <Link href="/partner">{t('nav.partner')}</Link>
              </li>
            )}
            {/* The API documentation is for staff and partners' developers, not the public menu. */}
            {(isStaff(session) || isPartner(session)) && (
              <li>
                <a href="/docs">{t('nav.docs')}</a>
              </li>
            )}
            {session ? (
              <li>
                <button type="button" className="link" onClick={signOut}>
                  {t('nav.signOut')} ({session.name || session.email})
                </button>
              </li>
            ) : (
              <>
                <li>
                  <button type="button" className="link" onClick={() => void startSignIn(location.pathname === '/' ? '/my' : undefined)}>
                    {t('nav.signIn')}
                  </button>
                </li>
                <li>
                  <Link href="/signup">{t('nav.signUp')}</Link>
                </li>
              </>
            )}
          </ul>
        </nav>
        <div className="lang" role="group" aria-label={t('app.language')}>
          <button type="button" aria-pressed={i18n.language === 'vi'} onClick={() => setLanguage('vi')} lang="vi">
            Tiếng Việt
          </button>
          <button type="button" aria-pressed={i18n.language === 'en'} onClick={() => setLanguage('en')} lang="en">
            English
          </button>
        </div>
      </header>
      <main id="main" tabIndex={-1}>
        <Outlet />
      </main>
      <footer>
        <p>{t('app.tagline')}</p>
      </footer>
    </>
  );
}
