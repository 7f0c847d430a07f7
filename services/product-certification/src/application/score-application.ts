// Staff record the provincial council's score sheet; the stars follow from it (≥ 90 goes to NATIONAL_PENDING).
import { authorize, type Principal } from '@hangviet/service-kit';
import type { Application } from '../domain/application';
import { scoreSheet, type CriterionScore } from '../domain/score-sheet';
import { ACCESS } from './access-rules';
import { actorOf } from './business-access';
import { findApplication } from './find-application';
import type { ProductCertificationDeps } from './ports';

export async function scoreApplication(deps: ProductCertificationDeps, command: { principal: Principal | undefined; id: string; scores: CriterionScore[] }): Promise<Application> {
  const principal = authorize(command.principal, ACCESS.scoreApplication);
  const application = await findApplication(deps, command.id);
  // The status is checked before the sheet: scoring an unreviewed application is a 409 whatever its scores.
  application.assertCan('score');
  application.score(scoreSheet(command.scores), actorOf(principal), deps.now());
  await deps.applications.save(application);
  return application;
}
