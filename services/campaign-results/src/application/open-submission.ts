import { authorize, type Principal } from '@hangviet/service-kit';
import { Submission } from '../domain/submission';
import { ACCESS } from './access-rules';
import type { CampaignResultsDeps } from './ports';

export interface OpenSubmissionCommand {
  businessId: string;
  title: string;
}

/** Staff open a submission for any active business; an enterprise user only for their own (the registry's owner decides). */
export async function openSubmission(deps: CampaignResultsDeps, principal: Principal | undefined, command: OpenSubmissionCommand): Promise<Submission> {
  const actor = await deps.businesses.assertOwns(authorize(principal, ACCESS.openSubmission), command.businessId);
  const aggregate = Submission.open({
    id: deps.submissions.newId(),
    businessId: command.businessId,
    businessStatus: (await deps.businesses.stored(command.businessId))?.status,
    title: command.title,
    actor: { subject: actor.subject },
    now: deps.now(),
  });
  await deps.submissions.add(aggregate);
  return aggregate;
}
