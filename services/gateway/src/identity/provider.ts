// The built-in OpenID Connect provider (oidc-provider, a certified library). The console signs in with
// the authorization-code flow and PKCE; access tokens are the platform's JWTs (issuer AUTH_ISSUER,
// audience AUTH_AUDIENCE, `roles`, `business_id`), signed with the key whose public half the services
// read (dev: .local/auth). Another OIDC provider replaces this one by configuration (IDENTITY_ENABLED=false,
// AUTH_ISSUER and AUTH_JWKS_URL of that provider; see the gateway README for the claim mapping).
import type { Db } from 'mongodb';
import type { Model } from 'mongoose';
import type * as Oidc from 'oidc-provider' with { 'resolution-mode': 'import' };
import type { AccountDocument } from './account-model';
import { mongoAdapterFactory } from './oidc-adapter';

export const API_RESOURCE = 'urn:hangviet:api';
export const API_SCOPE = 'api';

export interface ProviderOptions {
  issuer: string;
  audience: string;
  publicUrl: string;
  clientId: string;
  privateJwk: Record<string, unknown>;
  cookieKeys: string[];
  accounts: Model<AccountDocument>;
  db: Db;
  /** The business an account's tokens name, from the registry's owner (business-link.ts). */
  businessOf: (account: AccountDocument) => Promise<string | undefined>;
}

/** The platform claims of an account, as the services' authenticator reads them. */
export function platformClaims(account: Pick<AccountDocument, 'roles' | 'businessId' | 'partnerId' | 'name' | 'email' | 'locale'>): Record<string, unknown> {
  const claims: Record<string, unknown> = { roles: account.roles, name: account.name, email: account.email, locale: account.locale };
  if (account.roles.includes('enterprise') && account.businessId) claims.business_id = account.businessId;
  if (account.roles.includes('partner') && account.partnerId) claims.partner_id = account.partnerId;
  return claims;
}

export async function createProvider(opts: ProviderOptions): Promise<Oidc.default> {
  const { default: Provider, errors } = await import('oidc-provider');
  const findAccount = async (_ctx: unknown, id: string) => {
    const account = await opts.accounts.findById(id).lean();
    if (!account) return undefined;
    return {
      accountId: account._id,
      claims: async () => {
        const businessId = await opts.businessOf(account);
        return { sub: account._id, email: account.email, email_verified: account.emailVerified, name: account.name, locale: account.locale, roles: account.roles, ...(businessId ? { business_id: businessId } : {}) };
      },
    };
  };
  const provider = new Provider(opts.issuer, {
    adapter: mongoAdapterFactory(opts.db) as unknown as Oidc.AdapterConstructor,
    clients: [
      {
        client_id: opts.clientId,
        token_endpoint_auth_method: 'none',
        application_type: 'web',
        grant_types: ['authorization_code'],
        response_types: ['code'],
        redirect_uris: [`${opts.publicUrl}/auth/callback`],
        post_logout_redirect_uris: [`${opts.publicUrl}/`],
        id_token_signed_response_alg: 'ES256',
      },
    ],
    jwks: { keys: [opts.privateJwk as unknown as Oidc.JWK] },
    cookies: { keys: opts.cookieKeys },
    pkce: { required: () => true },
    scopes: ['openid', 'profile', 'email'],
    claims: { openid: ['sub'], profile: ['name', 'locale', 'roles', 'business_id'], email: ['email', 'email_verified'] },
    findAccount: findAccount as unknown as Oidc.FindAccount,
    interactions: { url: (_ctx, interaction) => `/signin/${interaction.uid}` },
    features: {
      devInteractions: { enabled: false },
      rpInitiatedLogout: { enabled: true },
      resourceIndicators: {
        enabled: true,
        defaultResource: () => API_RESOURCE,
        useGrantedResource: () => true,
        getResourceServerInfo: (_ctx, resource) => {
          // An OAuth error (RFC 8707's invalid_target), answered as such, not a crash.
          if (resource !== API_RESOURCE) throw new errors.InvalidTarget('the only resource is urn:hangviet:api');
          return { scope: API_SCOPE, audience: opts.audience, accessTokenTTL: 3600, accessTokenFormat: 'jwt', jwt: { sign: { alg: 'ES256' } } };
        },
      },
    },
    extraTokenClaims: async (_ctx, token) => {
      const accountId = (token as { accountId?: string }).accountId;
      if (!accountId) return undefined;
      const account = await opts.accounts.findById(accountId).lean();
      if (!account) return undefined;
      // Asked at every issuance: an approval or a staff transfer since the last sign-in shows in this token.
      const businessId = await opts.businessOf(account);
      return platformClaims({ ...account, ...(businessId ? { businessId } : {}) });
    },
    ttl: { AccessToken: 3600, AuthorizationCode: 60, IdToken: 3600, Interaction: 600, Session: 8 * 3600, Grant: 8 * 3600 },
    // Errors that cannot go back to the client's redirect URI: problem+json carrying the OAuth error
    // (`error`, `error_description`) as RFC 6749 names it.
    renderError: (ctx, out) => {
      ctx.type = 'application/problem+json';
      ctx.body = JSON.stringify({
        type: 'about:blank',
        title: 'Sign-in error',
        status: ctx.status,
        code: 'OIDC_ERROR',
        detail: out.error_description ?? out.error,
        error: out.error,
        ...(out.error_description ? { error_description: out.error_description } : {}),
      });
    },
  });
  // X-Forwarded-* reach the provider only from the proxies TRUST_PROXY lists: the gateway strips them
  // from every other peer before the provider sees the request (identity/index.ts).
  provider.proxy = true;
  return provider;
}
