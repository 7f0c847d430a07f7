// The console's routes (react-router data router). Public and enterprise pages load with the first page;
// staff and partner pages, with the component library, are lazy chunks so the first page stays small.
import { lazy, Suspense, type ComponentType, type ReactNode } from 'react';
import { createBrowserRouter, useLocation, useParams } from 'react-router';
import { App, NotFound } from './app';
import { setNavigator } from './navigation';
import { BusinessPage } from './pages/business';
import { CallbackPage } from './pages/callback';
import { DirectoryPage } from './pages/directory';
import { FairsPage } from './pages/fairs';
import { InboxPage } from './pages/inbox';
import { MyBusinessPage } from './pages/my-business';
import { PreferencesPage } from './pages/preferences';
import { ProductsPage } from './pages/products';
import { RegisterBusinessPage } from './pages/register-business';
import { ResetPasswordPage } from './pages/reset-password';
import { SignInPage } from './pages/signin';
import { SignUpPage } from './pages/signup';
import { StaffApplicationsPage } from './pages/staff-applications';
import { StaffReviewsPage } from './pages/staff-reviews';
import { VerifyCertificatePage } from './pages/verify-certificate';
import { VerifyEmailPage } from './pages/verify-email';

/** A lazily loaded page: `load` resolves to the module, `pick` its component. */
function later<M>(load: () => Promise<M>, pick: (m: M) => ComponentType): ReactNode {
  const Page = lazy(async () => ({ default: pick(await load()) }));
  return (
    <Suspense fallback={<p aria-live="polite">…</p>}>
      <Page />
    </Suspense>
  );
}

// Adapters for the pages written before the router: they take their parameters as props.
function WithSearch({ page: Page }: { page: ComponentType<{ search: string }> }) {
  return <Page search={useLocation().search} />;
}
function Business() {
  return <BusinessPage id={useParams().id!} />;
}
function SignIn() {
  const { search } = useLocation();
  return <SignInPage uid={useParams().uid!} search={search} />;
}

export const router = createBrowserRouter([
  {
    path: '/',
    element: <App />,
    children: [
      { index: true, element: <WithSearch page={DirectoryPage} /> },
      { path: 'businesses/:id', element: <Business /> },
      { path: 'signup', element: <SignUpPage /> },
      { path: 'signin/:uid', element: <SignIn /> },
      { path: 'auth/callback', element: <WithSearch page={CallbackPage} /> },
      { path: 'verify-email', element: <WithSearch page={VerifyEmailPage} /> },
      { path: 'reset-password', element: <WithSearch page={ResetPasswordPage} /> },
      { path: 'verify', element: <WithSearch page={VerifyCertificatePage} /> },
      { path: 'my', element: <MyBusinessPage /> },
      { path: 'my/register', element: <RegisterBusinessPage /> },
      { path: 'my/inbox', element: <InboxPage /> },
      { path: 'my/preferences', element: <PreferencesPage /> },
      { path: 'my/products', element: <ProductsPage /> },
      { path: 'staff/reviews', element: <StaffReviewsPage /> },
      { path: 'staff/applications', element: <StaffApplicationsPage /> },
      { path: 'fairs', element: <FairsPage /> },
      { path: 'fairs/:id', element: later(() => import('./features/fairs/fair-page'), (m) => m.FairPage) },
      { path: 'staff/venues', element: later(() => import('./features/venues/venues-page'), (m) => m.VenuesPage) },
      { path: 'staff/venues/:id', element: later(() => import('./features/venues/venue-page'), (m) => m.VenuePage) },
      { path: 'staff/fairs', element: later(() => import('./features/fairs/staff-fairs-page'), (m) => m.StaffFairsPage) },
      { path: 'staff/fairs/:id', element: later(() => import('./features/fairs/staff-fair-page'), (m) => m.StaffFairPage) },
      { path: 'staff/reports', element: later(() => import('./features/queues/reports-page'), (m) => m.ReportsPage) },
      { path: 'staff/changes', element: later(() => import('./features/queues/change-requests-page'), (m) => m.ChangeRequestsPage) },
      { path: 'staff/import', element: later(() => import('./features/queues/import-page'), (m) => m.ImportPage) },
      { path: 'staff/campaign', element: later(() => import('./features/campaign/campaign-page'), (m) => m.CampaignPage) },
      { path: 'staff/partners', element: later(() => import('./features/partners/staff-partners-page'), (m) => m.StaffPartnersPage) },
      { path: 'sourcing', element: later(() => import('./features/sourcing/sourcing-page'), (m) => m.SourcingPage) },
      { path: 'partner', element: later(() => import('./features/partners/portal-page'), (m) => m.PortalPage) },
      { path: 'partner/endpoints/:id', element: later(() => import('./features/partners/endpoint-page'), (m) => m.EndpointPage) },
      { path: '*', element: <NotFound /> },
    ],
  },
]);

setNavigator((to) => void router.navigate(to));
