// Staff reject an open application, with a reason.
import { authorize, type Principal } from '@hangviet/service-kit';
import type { Application } from '../domain/application';
import { ACCESS } from './access-rules';
import { actorOf } from './business-access';
import { findApplication } from './find-application';
import type { ProductCertificationDeps } from './ports';

export async function rejectApplication(deps: ProductCertificationDeps, command: { principal: Principal | undefined; id: string; reason: string }): Promise<Application> {
  const principal = authorize(command.principal, ACCESS.rejectApplication);
  const application = await findApplication(deps, command.id);
  application.reject(command.reason, actorOf(principal), deps.now());
  await deps.applications.save(application);
  return application;
}
