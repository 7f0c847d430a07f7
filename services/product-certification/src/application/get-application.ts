// One application, to its owner or staff (404 to anyone else: no telling it exists).
import { authorize, type Principal } from '@hangviet/service-kit';
import { notFound } from '@hangviet/service-kit/errors';
import type { Application } from '../domain/application';
import { ACCESS } from './access-rules';
import type { ProductCertificationDeps } from './ports';

export async function getApplication(deps: ProductCertificationDeps, command: { principal: Principal | undefined; id: string }): Promise<Application> {
  const principal = authorize(command.principal, ACCESS.getApplication);
  const application = await deps.applications.findById(command.id);
  if (!application || !(await deps.businesses.mayActFor(principal, application.state.businessId))) throw notFound('APPLICATION_NOT_FOUND', `no application ${command.id}`, { id: command.id });
  return application;
}
