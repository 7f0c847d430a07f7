import type { Principal } from '@hangviet/service-kit';
import { notFound } from '@hangviet/service-kit/errors';
import type { Business } from '../domain/business';
import { canSeeEverything } from './access';
import type { RegistryDeps, VisibilityOptions } from './ports';
import { parseTaxCodeField } from './profile-input';

/** Finds a business by its tax code, typed with or without dash and spaces. */
export async function lookupBusinessByTaxCode(deps: RegistryDeps, principal: Principal | undefined, input: string, opts: VisibilityOptions = {}): Promise<Business> {
  // A 12-digit personal ID is a household's tax code: accepted here whatever the type.
  const taxCode = parseTaxCodeField(input, 'HOUSEHOLD');
  const business = await deps.businesses.findByTaxCode(taxCode);
  if (!business || (!opts.allStatuses && business.status !== 'ACTIVE' && !canSeeEverything(principal, business.state))) {
    throw notFound('BUSINESS_NOT_FOUND', `No business has tax code ${taxCode}.`, { taxCode });
  }
  return business;
}
