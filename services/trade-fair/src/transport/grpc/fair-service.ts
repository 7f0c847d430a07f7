// hangviet.tradefair.v1.FairService over the same use cases as REST.
import { FairServiceService, type FairServiceServer, type GetFairRequest, type GetFairResponse } from '@hangviet/contracts/hangviet/tradefair/v1/fair';
import { unary, type GrpcServiceRegistration } from '@hangviet/service-kit';
import { invalid } from '@hangviet/service-kit/errors';
import { viewFair } from '../../application/view-fair';
import type { TradeFairDeps } from '../../application/ports';
import { toProtoFair } from '../../infrastructure/proto-mapping';

export function fairService(deps: TradeFairDeps): GrpcServiceRegistration {
  const implementation: FairServiceServer = {
    getFair: unary<GetFairRequest, GetFairResponse>(async (request, ctx) => {
      if (request.id.trim() === '') throw invalid([{ field: 'id', code: 'REQUIRED', message: 'id is required' }]);
      return { fair: toProtoFair((await viewFair(deps, ctx.principal, request.id)).state) };
    }),
  };
  return { definition: FairServiceService, implementation };
}
