// Sign-in with the platform's OpenID Connect provider through oidc-client-ts (authorization code + PKCE S256,
// state and nonce checks, discovery): the library does the protocol. The user (with the access token, the
// platform JWT the services verify) lives in sessionStorage for this tab only; `currentSession()` reads it
// synchronously so pages and `api()` can use it without waiting.
import { UserManager, WebStorageStateStore, type User } from 'oidc-client-ts';

const CLIENT_ID = 'hangviet-console';
const ISSUER_PATH = '/oidc';

export interface Session {
  accessToken: string;
  idToken: string;
  expiresAt: number;
  subject: string;
  roles: string[];
  businessId?: string;
  partnerId?: string;
  name?: string;
  email?: string;
}

let manager: UserManager | undefined;
/** Created on first use: the authority is this origin's /oidc. */
export function userManager(): UserManager {
  manager ??= new UserManager({
    authority: `${location.origin}${ISSUER_PATH}`,
    client_id: CLIENT_ID,
    redirect_uri: `${location.origin}/auth/callback`,
    post_logout_redirect_uri: `${location.origin}/`,
    response_type: 'code',
    scope: 'openid profile email api',
    // The API's resource indicator: the access token is then the platform JWT for the services.
    extraQueryParams: { resource: 'urn:hangviet:api' },
    userStore: new WebStorageStateStore({ store: window.sessionStorage }),
    stateStore: new WebStorageStateStore({ store: window.sessionStorage }),
    automaticSilentRenew: false,
    loadUserInfo: false,
  });
  return manager;
}

const userKey = () => `oidc.user:${location.origin}${ISSUER_PATH}:${CLIENT_ID}`;

/** The claims of a JWT (not verified: the services verify; the console only shows them). */
export function claimsOf(jwt: string): Record<string, unknown> {
  const part = jwt.split('.')[1] ?? '';
  const json = decodeURIComponent(
    atob(part.replace(/-/g, '+').replace(/_/g, '/'))
      .split('')
      .map((c) => `%${c.charCodeAt(0).toString(16).padStart(2, '0')}`)
      .join(''),
  );
  return JSON.parse(json) as Record<string, unknown>;
}

export function sessionOf(user: Pick<User, 'access_token' | 'id_token' | 'expires_at'>): Session {
  const claims = claimsOf(user.access_token);
  return {
    accessToken: user.access_token,
    idToken: user.id_token ?? '',
    expiresAt: (user.expires_at ?? 0) * 1000,
    subject: String(claims.sub),
    roles: (claims.roles as string[] | undefined) ?? [],
    ...(typeof claims.business_id === 'string' ? { businessId: claims.business_id } : {}),
    ...(typeof claims.partner_id === 'string' ? { partnerId: claims.partner_id } : {}),
    ...(typeof claims.name === 'string' ? { name: claims.name } : {}),
    ...(typeof claims.email === 'string' ? { email: claims.email } : {}),
  };
}

export function currentSession(): Session | undefined {
  const raw = sessionStorage.getItem(userKey());
  if (!raw) return undefined;
  const session = sessionOf(JSON.parse(raw) as User);
  if (session.expiresAt < Date.now()) {
    sessionStorage.removeItem(userKey());
    return undefined;
  }
  return session;
}

export async function startSignIn(returnTo = location.pathname + location.search): Promise<void> {
  await userManager().signinRedirect({ state: { returnTo } });
}

/** On /auth/callback: the library trades the code for tokens; returns where to go next. */
export async function finishSignIn(search: string): Promise<string> {
  const query = new URLSearchParams(search);
  const error = query.get('error');
  if (error) throw new Error(query.get('error_description') ?? error);
  const user = await userManager().signinRedirectCallback(`${location.origin}/auth/callback${search}`);
  const returnTo = (user.state as { returnTo?: string } | undefined)?.returnTo ?? '/';
  return returnTo.startsWith('/') && !returnTo.startsWith('//') ? returnTo : '/';
}

export function signOut(): void {
  const session = currentSession();
  void userManager().removeUser();
  if (!session) return location.assign('/');
  void userManager().signoutRedirect({ id_token_hint: session.idToken });
}

export const isStaff = (s?: Session) => !!s && (s.roles.includes('staff') || s.roles.includes('admin'));
export const isPartner = (s?: Session) => !!s && s.roles.includes('partner');
