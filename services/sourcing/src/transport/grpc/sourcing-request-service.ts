// gRPC: other services read a sourcing request (published ones; the buyer's and staff's in every status).
import { SourcingRequestServiceService, type GetSourcingRequestRequest, type GetSourcingRequestResponse, type SourcingRequestServiceServer } from '@hangviet/contracts/hangviet/sourcing/v1/sourcing_request';
import { unary, type GrpcServiceRegistration } from '@hangviet/service-kit';
import { invalid } from '@hangviet/service-kit/errors';
import { getSourcingRequest } from '../../application/get-sourcing-request';
import type { SourcingDeps } from '../../application/ports';
import { toProtoRequest } from '../../infrastructure/proto-mapping';

export function sourcingRequestService(deps: SourcingDeps): GrpcServiceRegistration {
  const implementation: SourcingRequestServiceServer = {
    getSourcingRequest: unary<GetSourcingRequestRequest, GetSourcingRequestResponse>(async (request, context) => {
      if (request.id.trim() === '') throw invalid([{ field: 'id', code: 'REQUIRED', message: 'id is required' }]);
      const { request: found } = await getSourcingRequest(deps, context.principal, { id: request.id });
      return { sourcingRequest: toProtoRequest(found.state) };
    }),
  };
  return { definition: SourcingRequestServiceService, implementation };
}
