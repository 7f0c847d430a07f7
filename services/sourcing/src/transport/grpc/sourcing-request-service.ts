// hangviet.sourcing.v1.SourcingRequestService over the same use cases as REST (internal to the cluster).
import {
  SourcingRequestServiceService,
  type GetSourcingRequestRequest,
  type GetSourcingRequestResponse,
  type SourcingRequestServiceServer,
} from '@hangviet/contracts/hangviet/sourcing/v1/sourcing_request';
import { unary, type GrpcServiceRegistration } from '@hangviet/service-kit';
import { invalid } from '@hangviet/service-kit/errors';
import { getSourcingRequest } from '../../application/get-sourcing-request';
import type { SourcingDeps } from '../../application/ports';
import { toProtoSourcingRequest } from '../../infrastructure/sourcing-request-events';

export function sourcingRequestService(deps: SourcingDeps): GrpcServiceRegistration {
  const implementation: SourcingRequestServiceServer = {
    getSourcingRequest: unary<GetSourcingRequestRequest, GetSourcingRequestResponse>(async (request) => {
      if (request.id.trim() === '') throw invalid([{ field: 'id', code: 'REQUIRED', message: 'id is required' }]);
      return { sourcingRequest: toProtoSourcingRequest((await getSourcingRequest(deps, request.id)).state) };
    }),
  };
  return { definition: SourcingRequestServiceService, implementation };
}
