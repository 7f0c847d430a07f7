// The applicant (or staff) withdraws an open application.
import { authorize, type Principal } from '@hangviet/service-kit';
import type { Application } from '../domain/application';
import { ACCESS } from './access-rules';
import { actorOf } from './business-access';
import { findApplication } from './find-application';
import type { ProductCertificationDeps } from './ports';

export async function withdrawApplication(deps: ProductCertificationDeps, command: { principal: Principal | undefined; id: string }): Promise<Application> {
  const principal = authorize(command.principal, ACCESS.withdrawApplication);
  const application = await findApplication(deps, command.id);
  await deps.businesses.assertOwns(principal, application.state.businessId);
  application.withdraw(actorOf(principal), deps.now());
  await deps.applications.save(application);
  return application;
}
