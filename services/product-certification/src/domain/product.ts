// The product aggregate: what an enterprise sells and may have certified. DRAFT → LISTED → WITHDRAWN.
// Pure: the repository stores the state and the events it raised in one single-document write.
import { conflict, invalid, type FieldError } from '@hangviet/service-kit/errors';
import { gtin13Problem } from './gtin';

export const PRODUCT_STATUSES = ['DRAFT', 'LISTED', 'WITHDRAWN'] as const;
export type ProductStatus = (typeof PRODUCT_STATUSES)[number];
export const OCOP_GROUPS = ['FOOD', 'BEVERAGE', 'HERBAL', 'HANDICRAFT', 'ORNAMENTAL', 'TOURISM_SERVICE'] as const;
export type OcopGroup = (typeof OCOP_GROUPS)[number];

export interface RawMaterialOrigin {
  localPercent: number;
  domesticPercent: number;
  importedPercent: number;
}

export interface EvidenceRef {
  id: string;
  fileName: string;
  contentType: string;
  size: number;
  uploadTime: Date;
}

export interface ProductDetails {
  name: string;
  englishName?: string;
  group: OcopGroup;
  description?: string;
  specification?: string;
  gtin?: string;
  rawMaterialOrigin?: RawMaterialOrigin;
}

export interface ProductState extends ProductDetails {
  id: string;
  businessId: string;
  status: ProductStatus;
  evidence: EvidenceRef[];
  createTime: Date;
  updateTime: Date;
  version: number;
}

export interface Actor {
  subject: string;
}

export type ProductEvent =
  | { kind: 'registered'; actor: Actor; at: Date }
  | { kind: 'updated'; changedFields: string[]; actor: Actor; at: Date }
  | { kind: 'listed'; actor: Actor; at: Date }
  | { kind: 'withdrawn'; actor: Actor; at: Date };

export const MAX_EVIDENCE = 20;
export const TEXT_LIMITS = { name: 200, englishName: 200, description: 4000, specification: 1000 } as const;

/** The businesses that may add products or apply, by their directory status. */
export const ACTING_BUSINESS_STATUSES: readonly string[] = ['ACTIVE'];

export function checkDetails(details: Partial<ProductDetails>): FieldError[] {
  const errors: FieldError[] = [];
  for (const [field, max] of Object.entries(TEXT_LIMITS)) {
    const value = details[field as keyof typeof TEXT_LIMITS];
    if (value !== undefined && value.length > max) errors.push({ field, code: 'TOO_LONG', message: `${field} must be at most ${max} characters` });
  }
  if (details.name !== undefined && details.name.trim() === '') errors.push({ field: 'name', code: 'REQUIRED', message: 'name must not be empty' });
  if (details.gtin !== undefined && details.gtin !== '') {
    const problem = gtin13Problem(details.gtin);
    if (problem === 'NOT_13_DIGITS') errors.push({ field: 'gtin', code: 'GTIN_FORMAT', message: 'gtin must be 13 digits (GTIN-13)' });
    if (problem === 'CHECK_DIGIT') errors.push({ field: 'gtin', code: 'GTIN_CHECK_DIGIT', message: 'gtin check digit does not match' });
  }
  const origin = details.rawMaterialOrigin;
  if (origin) {
    const shares = [origin.localPercent, origin.domesticPercent, origin.importedPercent];
    if (shares.some((s) => !Number.isInteger(s) || s < 0 || s > 100) || shares.reduce((a, b) => a + b, 0) !== 100) {
      errors.push({ field: 'rawMaterialOrigin', code: 'SHARES_NOT_100', message: 'local, domestic and imported shares are whole percents summing to 100' });
    }
  }
  return errors;
}

const trimmed = (d: ProductDetails): ProductDetails => {
  const out: ProductDetails = { name: d.name.trim(), group: d.group };
  for (const key of ['englishName', 'description', 'specification', 'gtin'] as const) {
    const value = d[key]?.trim();
    if (value) out[key] = value;
  }
  if (d.rawMaterialOrigin) out.rawMaterialOrigin = { ...d.rawMaterialOrigin };
  return out;
};

export function requireActingBusiness(businessId: string, status: string | undefined): void {
  if (status === undefined || !ACTING_BUSINESS_STATUSES.includes(status)) {
    throw invalid([{ field: 'businessId', code: 'BUSINESS_NOT_ACTIVE', message: `business ${businessId} is not an active business of the directory` }]);
  }
}

export class Product {
  private readonly raised: ProductEvent[] = [];
  private constructor(
    private current: ProductState,
    readonly loadedVersion: number,
  ) {}

  static fromState(state: ProductState): Product {
    return new Product(state, state.version);
  }

  static register(input: { id: string; businessId: string; businessStatus: string | undefined; details: ProductDetails; actor: Actor; now: Date }): Product {
    const errors = checkDetails(input.details);
    if (errors.length > 0) throw invalid(errors);
    requireActingBusiness(input.businessId, input.businessStatus);
    const state: ProductState = {
      id: input.id,
      businessId: input.businessId,
      ...trimmed(input.details),
      status: 'DRAFT',
      evidence: [],
      createTime: input.now,
      updateTime: input.now,
      version: 1,
    };
    const product = new Product(state, 0);
    product.raised.push({ kind: 'registered', actor: input.actor, at: input.now });
    return product;
  }

  get id(): string {
    return this.current.id;
  }
  get state(): Readonly<ProductState> {
    return this.current;
  }
  get events(): readonly ProductEvent[] {
    return this.raised;
  }

  private change(next: Partial<ProductState>, event: ProductEvent): void {
    this.current = { ...this.current, ...next, updateTime: event.at, version: this.current.version + 1 };
    this.raised.push(event);
  }

  private requireOpen(): void {
    if (this.current.status === 'WITHDRAWN') throw conflict('PRODUCT_WITHDRAWN', `product ${this.id} is withdrawn`);
  }

  update(patch: Partial<ProductDetails>, actor: Actor, at: Date): void {
    this.requireOpen();
    const errors = checkDetails(patch);
    if (errors.length > 0) throw invalid(errors);
    const merged = trimmed({ ...this.current, ...patch });
    const changed = (Object.keys(patch) as (keyof ProductDetails)[]).filter((k) => JSON.stringify(merged[k]) !== JSON.stringify(this.current[k]));
    if (changed.length === 0) return;
    const next: Partial<ProductState> = {};
    for (const key of changed) (next as Record<string, unknown>)[key] = merged[key];
    this.change(next, { kind: 'updated', changedFields: changed, actor, at });
  }

  attachEvidence(ref: EvidenceRef, actor: Actor): void {
    this.requireOpen();
    if (this.current.evidence.length >= MAX_EVIDENCE) throw conflict('TOO_MANY_DOCUMENTS', `a product holds at most ${MAX_EVIDENCE} documents`);
    this.change({ evidence: [...this.current.evidence, ref] }, { kind: 'updated', changedFields: ['evidence'], actor, at: ref.uploadTime });
  }

  list(businessStatus: string | undefined, actor: Actor, at: Date): void {
    if (this.current.status === 'LISTED') return;
    this.requireOpen();
    requireActingBusiness(this.current.businessId, businessStatus);
    this.change({ status: 'LISTED' }, { kind: 'listed', actor, at });
  }

  withdraw(actor: Actor, at: Date): void {
    if (this.current.status === 'WITHDRAWN') return;
    this.change({ status: 'WITHDRAWN' }, { kind: 'withdrawn', actor, at });
  }
}
