// hangviet.campaign.v1.SubmissionService over the same use cases as REST (internal to the cluster).
import {
  SubmissionServiceService,
  type GetSubmissionRequest,
  type GetSubmissionResponse,
  type SubmissionServiceServer,
} from '@hangviet/contracts/hangviet/campaign/v1/submission';
import { unary, type GrpcServiceRegistration } from '@hangviet/service-kit';
import { invalid } from '@hangviet/service-kit/errors';
import { getSubmission } from '../../application/get-submission';
import type { CampaignResultsDeps } from '../../application/ports';
import { toProtoSubmission } from '../../infrastructure/submission-events';

export function submissionService(deps: CampaignResultsDeps): GrpcServiceRegistration {
  const implementation: SubmissionServiceServer = {
    getSubmission: unary<GetSubmissionRequest, GetSubmissionResponse>(async (request, context) => {
      if (request.id.trim() === '') throw invalid([{ field: 'id', code: 'REQUIRED', message: 'id is required' }]);
      return { submission: toProtoSubmission((await getSubmission(deps, context.principal, { id: request.id })).state) };
    }),
  };
  return { definition: SubmissionServiceService, implementation };
}
