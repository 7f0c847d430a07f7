// Which service owns a request path, from the routes each service declares in its package.json
// ("hangviet": { "routes": [...] }). A declared route is a path prefix whose segments are literal or `*`
// (exactly one segment); it owns the path itself, anything below it (`/…`) and its custom methods (`:verb`,
// AIP-136). When several match, the most literal wins: `/v1/businesses/*/notification-preferences`
// (notification) over `/v1/businesses` (registry).

export interface DeclaredService {
  /** The workspace folder, e.g. `business-registry`. */
  name: string;
  /** Where the gateway reaches it, e.g. `http://127.0.0.1:8081`. */
  target: string;
  routes: string[];
}

export interface RouteEntry {
  service: string;
  target: string;
  pattern: string;
  segments: string[];
}

export interface RouteTable {
  entries: RouteEntry[];
  /** The owner of a path (no query), or undefined when no service declares it. */
  match(path: string): RouteEntry | undefined;
}

const ROUTE = /^\/v1(\/([A-Za-z0-9._~-]+|\*))+$/;

/** Builds the table; throws on a malformed route or on two services declaring the same pattern. */
export function buildRouteTable(services: DeclaredService[]): RouteTable {
  const entries: RouteEntry[] = [];
  const owners = new Map<string, string>();
  for (const service of services) {
    for (const pattern of service.routes) {
      if (!ROUTE.test(pattern)) {
        throw new Error(`${service.name}: route "${pattern}" must be /v1/<segment>[/<segment>|/*]… (letters, digits, . _ ~ -)`);
      }
      const other = owners.get(pattern);
      if (other !== undefined && other !== service.name) throw new Error(`route "${pattern}" is declared by both ${other} and ${service.name}`);
      owners.set(pattern, service.name);
      entries.push({ service: service.name, target: service.target, pattern, segments: pattern.split('/').slice(1) });
    }
  }
  // Most literal first: more segments, then fewer wildcards.
  entries.sort((a, b) => b.segments.length - a.segments.length || wildcards(a) - wildcards(b) || a.pattern.localeCompare(b.pattern));
  return {
    entries,
    match(path) {
      const segments = path.split('/').slice(1);
      return entries.find((entry) => matches(entry.segments, segments));
    },
  };
}

function wildcards(entry: RouteEntry): number {
  return entry.segments.filter((s) => s === '*').length;
}

function matches(pattern: string[], path: string[]): boolean {
  if (path.length < pattern.length) return false;
  return pattern.every((want, i) => {
    const got = path[i]!;
    // The last segment of the pattern may carry a custom method: `businesses:lookup`, `{id}:approve`.
    const last = i === pattern.length - 1;
    if (want === '*') return got !== '' && (!last || !got.startsWith(':'));
    return got === want || (last && got.startsWith(`${want}:`));
  });
}
