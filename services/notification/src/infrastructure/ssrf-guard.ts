// Resolves a webhook URL's host and refuses it unless every address it resolves to is allowed.
// The HTTP client connects through `lookup` below, which runs the same check on the addresses it
// actually connects to, so a DNS answer that changes between check and connect (rebinding) is caught.
import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import { isIP, type LookupFunction } from 'node:net';
import { classifyAddress, parseAllowlist, parseTargetAllowlist, TargetRefused, type AddressAllowlist } from '../domain/ssrf-policy';

export { TargetRefused };

export type ResolveAll = (hostname: string) => Promise<LookupAddress[]>;

const systemResolveAll: ResolveAll = (hostname) =>
  new Promise((resolve, reject) =>
    dnsLookup(hostname, { all: true, verbatim: true }, (err, addresses) => (err ? reject(err) : resolve(addresses))),
  );

export interface SsrfGuardOptions {
  /** CIDR ranges an operator permits despite being private or loopback (e.g. '127.0.0.0/8' for local partners). */
  allowCidrs?: readonly string[];
  /** Exact `address:port` targets allowed although private or loopback: what `npm start` uses for local receivers. */
  allowTargets?: readonly string[];
  requireHttps?: boolean;
  resolveAll?: ResolveAll;
}

export interface SsrfGuard {
  /** Parses and checks a URL, resolving its host; the resolved addresses are returned. */
  check(url: string): Promise<{ url: URL; addresses: LookupAddress[]; internal: boolean }>;
  /** A net/http `lookup` for connections to `port` that resolves and refuses with TargetRefused before any connection is made. */
  lookupFor(port: number): LookupFunction;
  /** Throws TargetRefused unless `address` (e.g. a pooled socket's peer) may be reached for `host`. */
  checkAddress(host: string, address: string, port: number): void;
  readonly requireHttps: boolean;
}

export function createSsrfGuard(options: SsrfGuardOptions = {}): SsrfGuard {
  const allowlist: AddressAllowlist = parseAllowlist(options.allowCidrs ?? []);
  const targets = parseTargetAllowlist(options.allowTargets ?? []);
  const none: AddressAllowlist = { allows: () => false };
  /** Private or loopback, reached only because an operator allowed it: an internal target. */
  const isInternal = (address: string) => !classifyAddress(address, none).allowed;
  const resolveAll = options.resolveAll ?? systemResolveAll;
  const requireHttps = options.requireHttps ?? false;

  const refuseDenied = (host: string, addresses: readonly LookupAddress[], port: number): void => {
    if (addresses.length === 0) throw new TargetRefused('HOST_UNRESOLVABLE', `host '${host}' has no address`);
    for (const { address } of addresses) {
      if (targets.allows(address, port)) continue;
      const verdict = classifyAddress(address, allowlist);
      if (!verdict.allowed) {
        throw new TargetRefused(
          'ADDRESS_NOT_ALLOWED',
          `host '${host}' resolves to ${address}, a private, loopback, link-local or reserved address`,
        );
      }
    }
  };

  const resolveChecked = async (host: string, port: number): Promise<LookupAddress[]> => {
    const bare = host.startsWith('[') && host.endsWith(']') ? host.slice(1, -1) : host;
    const family = isIP(bare);
    let addresses: LookupAddress[];
    if (family !== 0) {
      addresses = [{ address: bare, family }];
    } else {
      try {
        addresses = await resolveAll(bare);
      } catch {
        throw new TargetRefused('HOST_UNRESOLVABLE', `host '${bare}' does not resolve`);
      }
    }
    refuseDenied(bare, addresses, port);
    return addresses;
  };

  const check = async (text: string) => {
    let url: URL;
    try {
      url = new URL(text);
    } catch {
      throw new TargetRefused('URL_INVALID', 'not an absolute URL');
    }
    const allowedSchemes = requireHttps ? ['https:'] : ['https:', 'http:'];
    if (!allowedSchemes.includes(url.protocol)) {
      throw new TargetRefused('URL_SCHEME_NOT_ALLOWED', requireHttps ? 'the URL must use https' : 'the URL must use http or https');
    }
    if (url.username || url.password) throw new TargetRefused('URL_CREDENTIALS_NOT_ALLOWED', 'the URL must not carry credentials');
    const port = portOf(url);
    const addresses = await resolveChecked(url.hostname, port);
    return { url, addresses, internal: addresses.some((a) => isInternal(a.address)) };
  };

  const lookupFor = (port: number): LookupFunction => (hostname, options, callback) => {
    resolveChecked(hostname, port).then(
      (addresses) => {
        const wanted = options.family === 4 || options.family === 6 ? addresses.filter((a) => a.family === options.family) : addresses;
        if (options.all) {
          (callback as unknown as (err: null, addresses: LookupAddress[]) => void)(null, wanted);
        } else {
          const first = wanted[0];
          if (first) callback(null, first.address, first.family);
          else callback(Object.assign(new Error(`no IPv${options.family} address for ${hostname}`), { code: 'ENOTFOUND' }), '', 0);
        }
      },
      (err: Error) => callback(err as NodeJS.ErrnoException, '', 0),
    );
  };

  const checkAddress = (host: string, address: string, port: number) => {
    const family = isIP(address);
    refuseDenied(host, family === 0 ? [] : [{ address, family }], port);
  };

  return { check, lookupFor, checkAddress, requireHttps };
}

export function portOf(url: URL): number {
  return url.port ? Number(url.port) : url.protocol === 'https:' ? 443 : 80;
}
