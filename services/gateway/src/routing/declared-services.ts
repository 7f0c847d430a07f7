// The services the gateway routes to, from each one's own declaration: services/<folder>/package.json,
// "hangviet": { "httpPort": 8081, "routes": ["/v1/businesses", …] }. A new service is routed once it
// declares its routes; nothing here lists services by hand.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fromRepositoryRoot } from '@hangviet/service-kit';
import type { DeclaredService } from './route-table';

export interface Upstreams {
  portOffset: number;
  /** Overrides by folder. */
  overrides: Record<string, string>;
}

export function declaredServices(upstreams: Upstreams, servicesDir = fromRepositoryRoot('services')): DeclaredService[] {
  if (!existsSync(servicesDir)) return [];
  return readdirSync(servicesDir)
    .filter((folder) => existsSync(join(servicesDir, folder, 'package.json')))
    .flatMap((folder) => {
      const pkg = JSON.parse(readFileSync(join(servicesDir, folder, 'package.json'), 'utf8')) as {
        hangviet?: { httpPort?: number; routes?: string[] };
      };
      const routes = pkg.hangviet?.routes;
      const httpPort = pkg.hangviet?.httpPort;
      if (!routes?.length || httpPort === undefined) return [];
      const target = upstreams.overrides[folder] ?? `http://127.0.0.1:${httpPort + upstreams.portOffset}`;
      return [{ name: folder, target, routes }];
    });
}
