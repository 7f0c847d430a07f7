import { authorize, type Page, type PageRequest, type Principal } from '@hangviet/service-kit';
import type { Submission, SubmissionStatus } from '../domain/submission';
import { ACCESS } from './access-rules';
import type { CampaignResultsDeps } from './ports';

export interface ListSubmissionsCommand extends PageRequest {
  status?: SubmissionStatus;
  year?: number;
  indicatorCode?: string;
}

/** Submissions, newest first: the centre's queue is `status=SUBMITTED`. */
export async function listSubmissions(deps: CampaignResultsDeps, principal: Principal | undefined, { pageSize, pageToken, ...filter }: ListSubmissionsCommand): Promise<Page<Submission>> {
  authorize(principal, ACCESS.listSubmissions);
  return deps.submissions.list(filter, { pageSize, ...(pageToken ? { pageToken } : {}) });
}
