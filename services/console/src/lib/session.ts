// Sign-in with the platform's OpenID Connect provider: authorization code + PKCE (S256). The access
// token (the platform JWT the services verify) lives in sessionStorage for this tab only.

const CLIENT_ID = 'hangviet-console';
const ISSUER_PATH = '/oidc';
const KEY = 'hangviet.session';

export interface Session {
  accessToken: string;
  idToken: string;
  expiresAt: number;
  subject: string;
  roles: string[];
  businessId?: string;
  name?: string;
  email?: string;
}

const b64url = (bytes: Uint8Array) => btoa(String.fromCharCode(...bytes)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
const random = (n = 32) => b64url(crypto.getRandomValues(new Uint8Array(n)));

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

export function currentSession(): Session | undefined {
  const raw = sessionStorage.getItem(KEY);
  if (!raw) return undefined;
  const session = JSON.parse(raw) as Session;
  if (session.expiresAt < Date.now()) {
    sessionStorage.removeItem(KEY);
    return undefined;
  }
  return session;
}

export async function startSignIn(returnTo = location.pathname + location.search): Promise<void> {
  const verifier = random(48);
  const state = random(16);
  const challenge = b64url(new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier))));
  sessionStorage.setItem(`hangviet.pkce.${state}`, JSON.stringify({ verifier, returnTo }));
  const params = new URLSearchParams({
    client_id: CLIENT_ID,
    response_type: 'code',
    scope: 'openid profile email api',
    redirect_uri: `${location.origin}/auth/callback`,
    code_challenge: challenge,
    code_challenge_method: 'S256',
    state,
    resource: 'urn:hangviet:api',
  });
  location.assign(`${ISSUER_PATH}/auth?${params}`);
}

/** On /auth/callback: trades the code for tokens; returns where to go next. */
export async function finishSignIn(search: string): Promise<string> {
  const query = new URLSearchParams(search);
  const error = query.get('error');
  if (error) throw new Error(query.get('error_description') ?? error);
  const state = query.get('state') ?? '';
  const saved = sessionStorage.getItem(`hangviet.pkce.${state}`);
  if (!saved) throw new Error('The sign-in was started in another tab or has expired; sign in again.');
  sessionStorage.removeItem(`hangviet.pkce.${state}`);
  const { verifier, returnTo } = JSON.parse(saved) as { verifier: string; returnTo: string };
  const response = await fetch(`${ISSUER_PATH}/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'authorization_code',
      code: query.get('code') ?? '',
      redirect_uri: `${location.origin}/auth/callback`,
      client_id: CLIENT_ID,
      code_verifier: verifier,
    }),
  });
  if (!response.ok) throw new Error(`The sign-in could not be completed (${response.status}).`);
  const tokens = (await response.json()) as { access_token: string; id_token: string; expires_in: number };
  const claims = claimsOf(tokens.access_token);
  const session: Session = {
    accessToken: tokens.access_token,
    idToken: tokens.id_token,
    expiresAt: Date.now() + tokens.expires_in * 1000,
    subject: String(claims.sub),
    roles: (claims.roles as string[] | undefined) ?? [],
    ...(typeof claims.business_id === 'string' ? { businessId: claims.business_id } : {}),
    ...(typeof claims.name === 'string' ? { name: claims.name } : {}),
    ...(typeof claims.email === 'string' ? { email: claims.email } : {}),
  };
  sessionStorage.setItem(KEY, JSON.stringify(session));
  return returnTo.startsWith('/') && !returnTo.startsWith('//') ? returnTo : '/';
}

export function signOut(): void {
  const session = currentSession();
  sessionStorage.removeItem(KEY);
  const params = new URLSearchParams({ client_id: CLIENT_ID, post_logout_redirect_uri: `${location.origin}/` });
  if (session) params.set('id_token_hint', session.idToken);
  location.assign(`${ISSUER_PATH}/session/end?${params}`);
}

export const isStaff = (s?: Session) => !!s && (s.roles.includes('staff') || s.roles.includes('admin'));
