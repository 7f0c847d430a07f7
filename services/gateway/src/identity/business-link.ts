// Which business an enterprise account's tokens name (the `business_id` claim), decided at each token
// issuance from the registry's owner subject, the one source of truth (issue 20, finding 1): after staff
// transfer a squatted registration and approve it, the rightful account's next token names the business
// and the squatter's does not. The claim is what a token is about; whether it may act is still decided
// by every service from the owner (libs/known-businesses), so a token issued before the transfer stops
// working there at once, and tokens stay short-lived.
import { randomUUID } from 'node:crypto';
import * as grpc from '@grpc/grpc-js';
import { BusinessDirectoryServiceClient } from '@hangviet/contracts/hangviet/registry/v1/business_directory_service';
import { callUnary, createGrpcClient, type TokenSource } from '@hangviet/service-kit';
import type { Model } from 'mongoose';
import type { AccountDocument } from './account-model';

/** What the identity asks the registry. */
export interface OwnershipDirectory {
  /** The business the subject owns (its live one), undefined when none. */
  ownedBy(subject: string): Promise<string | undefined>;
  /** Whether a business with this id exists (owned by anyone). */
  exists(businessId: string): Promise<boolean>;
}

export type BusinessLink =
  | { businessId: string; change: 'none' }
  /** The registry names another business for this account than the one it holds: keep that one from now on. */
  | { businessId: string; change: 'link' }
  /** The id the account holds is someone else's business now: a fresh one, for registering its own. */
  | { businessId: string; change: 'allocate' };

/**
 * Pure: the account holds `held` (allocated at sign-up, or linked earlier); the registry says it owns `owned`;
 * `heldIsTaken` says whether `held` names an existing business (then, since the account does not own it,
 * someone else does).
 */
export function decideBusinessLink(held: string | undefined, owned: string | undefined, heldIsTaken: boolean, allocate: () => string = randomUUID): BusinessLink {
  if (owned) return { businessId: owned, change: owned === held ? 'none' : 'link' };
  if (held && !heldIsTaken) return { businessId: held, change: 'none' };
  return { businessId: allocate(), change: 'allocate' };
}

export interface BusinessLinkDeps {
  accounts: Model<AccountDocument>;
  directory: OwnershipDirectory;
  logger: { warn(details: object, message: string): void };
}

/**
 * The business id an account's next token carries, kept on the account. When the registry does not answer,
 * the one the account holds (its last link): the services decide access from the owner anyway.
 */
export async function linkedBusinessId(deps: BusinessLinkDeps, account: Pick<AccountDocument, '_id' | 'roles' | 'businessId'>): Promise<string | undefined> {
  if (!account.roles.includes('enterprise')) return account.businessId;
  let link: BusinessLink;
  try {
    const owned = await deps.directory.ownedBy(account._id);
    const heldIsTaken = !owned && account.businessId ? await deps.directory.exists(account.businessId) : false;
    link = decideBusinessLink(account.businessId, owned, heldIsTaken);
  } catch (err) {
    deps.logger.warn({ err, account: account._id }, 'the registry did not say which business the account owns: its last link is used');
    return account.businessId;
  }
  if (link.change !== 'none') {
    // Conditional on what was read: a concurrent sign-in that linked first wins, and both tokens agree on the next one.
    await deps.accounts.updateOne({ _id: account._id, businessId: account.businessId }, { $set: { businessId: link.businessId } });
  }
  return link.businessId;
}

/** The registry over gRPC (FindBusinessByOwner, GetBusiness), with a deadline on every call. */
export function grpcOwnershipDirectory(address: string, deadlineMs: number, token: TokenSource | undefined): OwnershipDirectory & { close(): void } {
  const client = createGrpcClient(BusinessDirectoryServiceClient, address, { token, deadlineMs, idempotentMethods: ['FindBusinessByOwner', 'GetBusiness'] });
  const orUndefined = async <T>(call: Promise<T>): Promise<T | undefined> => {
    try {
      return await call;
    } catch (err) {
      if ((err as grpc.ServiceError).code === grpc.status.NOT_FOUND) return undefined;
      throw err;
    }
  };
  return {
    ownedBy: async (subject) => (await orUndefined(callUnary(client, client.findBusinessByOwner, { ownerSubject: subject })))?.business?.id,
    exists: async (businessId) => (await orUndefined(callUnary(client, client.getBusiness, { id: businessId }))) !== undefined,
    close: () => client.close(),
  };
}
