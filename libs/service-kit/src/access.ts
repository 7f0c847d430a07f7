// Who may call an operation, declared once per service in a table keyed by the operation (its use case and
// operationId), and read by all three places that used to say it separately: the router's guard (401/403
// before the body is judged), the use case (the same check for every transport: REST, gRPC, a consumer) and
// the OpenAPI document (`security`, `x-roles`). Ownership (an enterprise touches only its own business) needs
// the data, so it stays the use case's check; the rule's note says it in the document.
import type { RequestHandler } from 'express';
import { requireRole, type Principal, type Role } from './auth';

export type Roles = readonly Role[];

export interface AccessRule<R extends Roles | 'public' = Roles | 'public'> {
  /** The roles that may call, or 'public': anyone, with or without a token. */
  readonly roles: R;
  /** What the use case checks beyond the role, in words for the document (e.g. "an enterprise: its own business"). */
  readonly note?: string;
}

export type Access = 'public' | Roles | AccessRule;

type RuleOf<A> = A extends 'public' ? AccessRule<'public'> : A extends Roles ? AccessRule<A> : A extends AccessRule ? A : never;

export function accessOf(access: Access): AccessRule {
  if (access === 'public') return { roles: 'public' };
  if (Array.isArray(access)) return { roles: access as Roles };
  return access as AccessRule;
}

/** A service's access table: `defineAccess({ registerProduct: { roles: OWNERS, note }, listProducts: 'public' })`. */
export function defineAccess<const T extends Record<string, Access>>(table: T): { readonly [K in keyof T]: RuleOf<T[K]> } {
  return Object.fromEntries(Object.entries(table).map(([name, access]) => [name, accessOf(access)])) as { readonly [K in keyof T]: RuleOf<T[K]> };
}

/** The use case's check: the principal when it holds one of the rule's roles; 401 TOKEN_MISSING / 403 ROLE_REQUIRED otherwise. */
export function authorize(principal: Principal | undefined, rule: AccessRule<Roles>): Principal;
export function authorize(principal: Principal | undefined, rule: AccessRule): Principal | undefined;
export function authorize(principal: Principal | undefined, rule: AccessRule): Principal | undefined {
  return rule.roles === 'public' ? principal : requireRole(principal, ...rule.roles);
}

/** The router's guard of the same rule: answers 401/403 before a body is parsed or a store is asked. */
export function accessGuard(rule: AccessRule): RequestHandler {
  return (req, _res, next) => {
    authorize(req.principal, rule);
    next();
  };
}
