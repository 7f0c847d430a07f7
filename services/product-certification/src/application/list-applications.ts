// Applications: staff see all (by business, status); an enterprise its own business's, whatever it asks for.
import { isStaff, authorize, type Page, type PageRequest, type Principal } from '@hangviet/service-kit';
import type { Application, ApplicationStatus } from '../domain/application';
import { ACCESS } from './access-rules';
import type { ProductCertificationDeps } from './ports';

export interface ListApplications extends PageRequest {
  principal: Principal | undefined;
  businessId?: string;
  status?: ApplicationStatus;
}

export async function listApplications(deps: ProductCertificationDeps, command: ListApplications): Promise<Page<Application>> {
  const { principal: caller, ...query } = command;
  const principal = authorize(caller, ACCESS.listApplications);
  // An enterprise sees its own business's applications, when the registry names it the owner.
  const businessId = isStaff(principal) ? query.businessId : principal.businessId;
  if (!isStaff(principal) && (!businessId || !(await deps.businesses.mayActFor(principal, businessId)))) return { items: [], nextPageToken: '' };
  return deps.applications.list({ ...(businessId ? { businessId } : {}), ...(query.status ? { status: query.status } : {}) }, query);
}
