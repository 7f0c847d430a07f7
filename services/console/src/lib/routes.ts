// The console's pages by path: a tiny matcher (`/businesses/:id`), pure and unit-tested.

export type RouteName =
  | 'directory'
  | 'business'
  | 'signup'
  | 'signin'
  | 'callback'
  | 'verifyEmail'
  | 'resetPassword'
  | 'register'
  | 'myBusiness'
  | 'inbox'
  | 'preferences'
  | 'staffReviews'
  | 'verifyCertificate'
  | 'products'
  | 'staffApplications'
  | 'fairs'
  | 'notFound';

const table: [RouteName, string][] = [
  ['directory', '/'],
  ['business', '/businesses/:id'],
  ['signup', '/signup'],
  ['callback', '/auth/callback'],
  ['signin', '/signin/:uid'],
  ['verifyEmail', '/verify-email'],
  ['resetPassword', '/reset-password'],
  ['register', '/my/register'],
  ['myBusiness', '/my'],
  ['inbox', '/my/inbox'],
  ['preferences', '/my/preferences'],
  ['staffReviews', '/staff/reviews'],
  ['verifyCertificate', '/verify'],
  ['products', '/my/products'],
  ['staffApplications', '/staff/applications'],
  ['fairs', '/fairs'],
];

export interface Match {
  name: RouteName;
  params: Record<string, string>;
}

export function matchRoute(pathname: string): Match {
  const path = pathname.length > 1 ? pathname.replace(/\/+$/, '') : pathname;
  const got = path.split('/');
  for (const [name, pattern] of table) {
    const want = pattern.split('/');
    if (want.length !== got.length) continue;
    const params: Record<string, string> = {};
    const ok = want.every((w, i) => {
      const g = got[i]!;
      if (w.startsWith(':')) {
        if (!g) return false;
        params[w.slice(1)] = decodeURIComponent(g);
        return true;
      }
      return w === g;
    });
    if (ok) return { name, params };
  }
  return { name: 'notFound', params: {} };
}
