import { authorize, isStaff, type Principal } from '@hangviet/service-kit';
import { ACCESS } from './access-rules';
import { AppError, conflict, invalid, type FieldError } from '@hangviet/service-kit/errors';
import { Business } from '../domain/business';
import type { RegistryDeps } from './ports';
import { normaliseProfile, parseTaxCodeField } from './profile-input';
import type { RegisterBusinessBody } from './profile-schema';

export function duplicateTaxCode(taxCode: string, existingId: string): AppError {
  return conflict('DUPLICATE_TAX_CODE', `Tax code ${taxCode} is already registered as business ${existingId}.`, { taxCode, existingId });
}

/**
 * What a caller who is not staff learns about a taken code: only that it is taken. Naming the record would
 * be a registration oracle for hidden businesses, which the public lookup answers 404 (issue 12, item 3).
 */
export function duplicateTaxCodeFor(p: Principal, taxCode: string, existingId: string): AppError {
  if (isStaff(p)) return duplicateTaxCode(taxCode, existingId);
  return conflict(
    'DUPLICATE_TAX_CODE',
    `Tax code ${taxCode} is already registered. If it is yours, ask the centre's staff to resolve the dispute.`,
    { taxCode },
  );
}

/** Parses the tax code and the profile together so one response lists every problem. */
export function prepareRegistration(body: RegisterBusinessBody): { taxCode: string; profile: ReturnType<typeof normaliseProfile> } {
  const errors: FieldError[] = [];
  const collect = <T>(fn: () => T): T | undefined => {
    try {
      return fn();
    } catch (err) {
      if (err instanceof AppError && err.errors) {
        errors.push(...err.errors);
        return undefined;
      }
      throw err;
    }
  };
  const taxCode = collect(() => parseTaxCodeField(body.taxCode, body.type));
  const profile = collect(() => normaliseProfile(body));
  if (errors.length > 0 || taxCode === undefined || profile === undefined) throw invalid(errors);
  return { taxCode, profile };
}

/**
 * Staff register any business; an enterprise user registers the one business they own and
 * becomes its owner. The platform's enterprise tokens always carry a business id: for a new
 * account it is allocated at sign-up, before the business exists, and the registration takes it.
 * A tax code is held by one record at a time; a rejected or withdrawn registration has released it.
 */
export async function registerBusiness(deps: RegistryDeps, principal: Principal | undefined, body: RegisterBusinessBody): Promise<Business> {
  const p = authorize(principal, ACCESS.registerBusiness);
  const registeringOwn = !isStaff(p);
  const { taxCode, profile } = prepareRegistration(body);
  if (registeringOwn) {
    const owned = (p.businessId ? await deps.businesses.findById(p.businessId) : undefined) ?? (await deps.businesses.findByOwner(p.subject));
    if (owned) throw conflict('ALREADY_OWNS_BUSINESS', `This account already owns business ${owned.id}.`, { existingId: owned.id });
  }
  const existing = await deps.businesses.findByTaxCode(taxCode);
  if (existing) throw duplicateTaxCodeFor(p, taxCode, existing.id);
  const business = Business.register({
    id: registeringOwn && p.businessId ? p.businessId : deps.businesses.newId(),
    taxCode,
    type: body.type,
    profile,
    ...(registeringOwn ? { ownerSubject: p.subject } : {}),
    actor: { subject: p.subject },
    now: deps.now(),
  });
  try {
    await deps.businesses.add(business);
  } catch (err) {
    // Lost a race to the same code: the repository names the winner, which only staff may hear.
    if (err instanceof AppError && err.code === 'DUPLICATE_TAX_CODE') throw duplicateTaxCodeFor(p, taxCode, err.meta?.existingId ?? '');
    throw err;
  }
  return business;
}
