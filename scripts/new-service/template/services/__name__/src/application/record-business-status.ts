import type { KnownBusiness, {{Name}}Deps } from './ports';

/**
 * Keeps this service's copy of a business's status. Idempotent by its key: the business id, with the
 * directory's version, so a redelivered or out-of-date event changes nothing.
 */
export async function recordBusinessStatus(deps: {{Name}}Deps, business: KnownBusiness): Promise<'recorded' | 'stale'> {
  return deps.businesses.record(business);
}
