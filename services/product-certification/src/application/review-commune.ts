// Staff record the commune/ward's review of an application (SUBMITTED → COMMUNE_REVIEWED).
import { authorize, type Principal } from '@hangviet/service-kit';
import type { Application, CommuneReview } from '../domain/application';
import { ACCESS } from './access-rules';
import { actorOf } from './business-access';
import { findApplication } from './find-application';
import type { ProductCertificationDeps } from './ports';

export interface ReviewCommune extends Omit<CommuneReview, 'time'> {
  principal: Principal | undefined;
  id: string;
}

export async function reviewCommune(deps: ProductCertificationDeps, command: ReviewCommune): Promise<Application> {
  const { principal: caller, id, ...review } = command;
  const principal = authorize(caller, ACCESS.reviewCommune);
  const application = await findApplication(deps, id);
  application.reviewCommune(review, actorOf(principal), deps.now());
  await deps.applications.save(application);
  return application;
}
