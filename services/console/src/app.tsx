import { useTranslation } from 'react-i18next';
import { Link } from './components';
import { setLanguage } from './i18n';
import { matchRoute } from './lib/routes';
import { currentSession, isStaff, signOut, startSignIn } from './lib/session';
import { useLocation } from './navigation';
import { BusinessPage } from './pages/business';
import { CallbackPage } from './pages/callback';
import { DirectoryPage } from './pages/directory';
import { InboxPage } from './pages/inbox';
import { MyBusinessPage } from './pages/my-business';
import { PreferencesPage } from './pages/preferences';
import { RegisterBusinessPage } from './pages/register-business';
import { ResetPasswordPage } from './pages/reset-password';
import { SignInPage } from './pages/signin';
import { SignUpPage } from './pages/signup';
import { StaffReviewsPage } from './pages/staff-reviews';
import { VerifyEmailPage } from './pages/verify-email';
import { VerifyCertificatePage } from './pages/verify-certificate';
import { FairsPage } from './pages/fairs';
import { ProductsPage } from './pages/products';
import { StaffApplicationsPage } from './pages/staff-applications';

function Page({ pathname, search }: { pathname: string; search: string }) {
  const { t } = useTranslation();
  const { name, params } = matchRoute(pathname);
  switch (name) {
    case 'directory':
      return <DirectoryPage search={search} />;
    case 'business':
      return <BusinessPage id={params.id!} />;
    case 'signup':
      return <SignUpPage />;
    case 'signin':
      return <SignInPage uid={params.uid!} search={search} />;
    case 'callback':
      return <CallbackPage search={search} />;
    case 'verifyEmail':
      return <VerifyEmailPage search={search} />;
    case 'resetPassword':
      return <ResetPasswordPage search={search} />;
    case 'register':
      return <RegisterBusinessPage />;
    case 'myBusiness':
      return <MyBusinessPage />;
    case 'inbox':
      return <InboxPage />;
    case 'preferences':
      return <PreferencesPage />;
    case 'staffReviews':
      return <StaffReviewsPage />;
    case 'verifyCertificate':
      return <VerifyCertificatePage search={search} />;
    case 'fairs':
      return <FairsPage />;
    case 'products':
      return <ProductsPage />;
    case 'staffApplications':
      return <StaffApplicationsPage />;
    default:
      return (
        <section>
          <h1>{t('common.notFound')}</h1>
          <Link href="/">{t('common.back')}</Link>
        </section>
      );
  }
}

export function App() {
  const { t, i18n } = useTranslation();
  const loc = useLocation();
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
              </>
            )}
            {/* The API documentation is for staff and partners' developers, not the public menu. */}
            {isStaff(session) && (
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
        <Page pathname={loc.pathname} search={loc.search} />
      </main>
      <footer>
        <p>{t('app.tagline')}</p>
      </footer>
    </>
  );
}
