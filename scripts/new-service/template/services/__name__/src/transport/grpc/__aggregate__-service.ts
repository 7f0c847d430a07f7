// hangviet.{{context}}.v1.{{Aggregate}}Service over the same use cases as REST (internal to the cluster).
import {
  {{Aggregate}}ServiceService,
  type Get{{Aggregate}}Request,
  type Get{{Aggregate}}Response,
  type {{Aggregate}}ServiceServer,
} from '@hangviet/contracts/hangviet/{{context}}/v1/{{aggregateSnake}}';
import { unary, type GrpcServiceRegistration } from '@hangviet/service-kit';
import { invalid } from '@hangviet/service-kit/errors';
import { get{{Aggregate}} } from '../../application/get-{{aggregate}}';
import type { {{Name}}Deps } from '../../application/ports';
import { toProto{{Aggregate}} } from '../../infrastructure/{{aggregate}}-events';

export function {{aggregateCamel}}Service(deps: {{Name}}Deps): GrpcServiceRegistration {
  const implementation: {{Aggregate}}ServiceServer = {
    get{{Aggregate}}: unary<Get{{Aggregate}}Request, Get{{Aggregate}}Response>(async (request) => {
      if (request.id.trim() === '') throw invalid([{ field: 'id', code: 'REQUIRED', message: 'id is required' }]);
      return { {{aggregateCamel}}: toProto{{Aggregate}}((await get{{Aggregate}}(deps, request.id)).state) };
    }),
  };
  return { definition: {{Aggregate}}ServiceService, implementation };
}
