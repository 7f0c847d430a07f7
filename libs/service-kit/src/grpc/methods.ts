// How the server and the client name a service's methods: 'GetBusiness', 'getBusiness' (ts-proto's key),
// or the full path '/hangviet.registry.v1.BusinessDirectoryService/GetBusiness'.
import type * as grpc from '@grpc/grpc-js';

/** '/hangviet.registry.v1.BusinessService/GetBusiness' → 'hangviet.registry.v1.BusinessService'. */
export function serviceNameOf(definition: grpc.ServiceDefinition): string {
  const first = Object.values(definition)[0] as grpc.MethodDefinition<unknown, unknown> | undefined;
  const match = first && /^\/([^/]+)\//.exec(first.path);
  if (!match?.[1]) throw new Error('a gRPC service definition without methods');
  return match[1];
}

/** The methods of `definition` that `wanted` names, by key, proto name or path. */
export function methodsNamed(definition: grpc.ServiceDefinition, wanted: string): grpc.MethodDefinition<unknown, unknown>[] {
  return Object.entries(definition)
    .filter(([key, m]) => key === wanted || m.path === wanted || m.path.endsWith(`/${wanted}`) || (m.originalName ?? '') === wanted)
    .map(([, m]) => m);
}
