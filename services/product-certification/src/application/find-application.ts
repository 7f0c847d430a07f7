// The application a staff action is about.
import { notFound } from '@hangviet/service-kit/errors';
import type { Application } from '../domain/application';
import type { ProductCertificationDeps } from './ports';

export async function findApplication(deps: Pick<ProductCertificationDeps, 'applications'>, id: string): Promise<Application> {
  const application = await deps.applications.findById(id);
  if (!application) throw notFound('APPLICATION_NOT_FOUND', `no application ${id}`, { id });
  return application;
}
