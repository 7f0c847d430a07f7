// What a service asks of the directory: a business by id (its copy, else the registry, remembered), the
// business as it stands now for a decision (the copy when ACTIVE, else the registry), and whether a caller
// owns it. Ownership is decided from the registry's owner subject: from the copy when it says ACTIVE (an
// owner changes only by a staff transfer of a registration under review), otherwise asked fresh.
import { forbidden, notFound, requireBusinessAccess, type Principal } from '@hangviet/service-kit';
import type { BusinessRegistry, KnownBusiness, KnownBusinessStore } from './known-business';
import { knowsOwner, needsOwner, ownsBusiness } from './ownership';

export const RETENTION_DAYS = 90;

export class KnownBusinesses {
  constructor(
    private readonly store: KnownBusinessStore,
    private readonly registry: BusinessRegistry,
  ) {}

  /** The copy's record, else the registry's answer (remembered); undefined when neither knows it. */
  async find(businessId: string): Promise<KnownBusiness | undefined> {
    const known = await this.store.find(businessId);
    if (known) return known;
    return this.ask(businessId);
  }

  /** find for many at once: the copy in one read, the registry asked only for those it does not know. */
  async findMany(businessIds: readonly string[]): Promise<Map<string, KnownBusiness>> {
    const known = await this.store.findMany(businessIds);
    const missing = [...new Set(businessIds)].filter((id) => !known.has(id));
    for (const id of missing) {
      const business = await this.ask(id);
      if (business) known.set(id, business);
    }
    return known;
  }

  /** Like find, but 404 BUSINESS_NOT_FOUND when nobody knows it. */
  async require(businessId: string): Promise<KnownBusiness> {
    const business = await this.find(businessId);
    if (!business) throw notFound('BUSINESS_NOT_FOUND', `no business ${businessId} in the directory`, { businessId });
    return business;
  }

  /**
   * The business as it stands now, for a decision to let it act: the copy when it says ACTIVE, otherwise the
   * registry (the copy may not have heard of an approval or a reinstatement yet); the copy when the registry
   * does not answer.
   */
  async current(businessId: string): Promise<KnownBusiness | undefined> {
    const known = await this.find(businessId);
    if (known?.status === 'ACTIVE') return known;
    const fresh = await this.ask(businessId).catch(() => undefined);
    return fresh && fresh.version >= (known?.version ?? 0) ? fresh : known;
  }

  /**
   * Whether the caller may see what is private to the business (reads): staff, or its owner (ownsBusiness).
   * No token → false; when the registry must be asked and does not answer, false too (a read then shows
   * only what the public sees, rather than failing).
   */
  async mayActFor(principal: Principal | undefined, businessId: string): Promise<boolean> {
    const decision = needsOwner(principal, businessId);
    if (decision !== 'ask') return decision === 'allowed';
    return ownsBusiness(principal, businessId, await this.ownerRecord(businessId).catch(() => undefined));
  }

  /** Staff, or the owner; otherwise 401 without a token, 403 NOT_OWNER (503 when the registry must be asked and cannot be). */
  async assertOwns(principal: Principal | undefined, businessId: string): Promise<Principal> {
    const claimed = requireBusinessAccess(principal, businessId); // 401 / 403 from the token alone, no I/O
    if (needsOwner(claimed, businessId) === 'allowed') return claimed;
    if (ownsBusiness(claimed, businessId, await this.ownerRecord(businessId))) return claimed;
    throw forbidden('NOT_OWNER', 'This business belongs to someone else.', { businessId });
  }

  /** The copy's record alone (no registry call). */
  stored(businessId: string): Promise<KnownBusiness | undefined> {
    return this.store.find(businessId);
  }

  record(business: KnownBusiness): Promise<'recorded' | 'stale'> {
    return this.store.record(business);
  }

  /** The 90-day clean-up: businesses dissolved more than RETENTION_DAYS before `now`. */
  forgetDissolved(now: Date, retentionDays = RETENTION_DAYS): Promise<number> {
    return this.store.forgetDissolved(new Date(now.getTime() - retentionDays * 86_400_000));
  }

  /**
   * A record that can say who owns the business now. Fails closed: when the registry must be asked and does
   * not answer, the 503 goes to the caller rather than a stale owner deciding.
   */
  private async ownerRecord(businessId: string): Promise<KnownBusiness | undefined> {
    const known = await this.store.find(businessId);
    if (known?.status === 'ACTIVE' && knowsOwner(known)) return known;
    return this.ask(businessId);
  }

  private async ask(businessId: string): Promise<KnownBusiness | undefined> {
    const fresh = await this.registry.getBusiness(businessId);
    if (fresh) await this.store.record(fresh);
    return fresh;
  }
}
