// Which network addresses a webhook may reach. Partners name the URL, so without this a partner
// could make the platform call its own databases, the cloud metadata service or loopback admin ports.
// Every resolved address must be public, unless an operator allowlists its range.
import { BlockList, isIP } from 'node:net';

const DENIED_V4: [string, number][] = [
  ['0.0.0.0', 8], // "this network"
  ['10.0.0.0', 8], // private
  ['100.64.0.0', 10], // carrier-grade NAT
  ['127.0.0.0', 8], // loopback
  ['169.254.0.0', 16], // link-local, incl. cloud metadata 169.254.169.254
  ['172.16.0.0', 12], // private
  ['192.0.0.0', 24], // IETF protocol assignments
  ['192.0.2.0', 24], // documentation
  ['192.88.99.0', 24], // 6to4 relay anycast
  ['192.168.0.0', 16], // private
  ['198.18.0.0', 15], // benchmarking
  ['198.51.100.0', 24], // documentation
  ['203.0.113.0', 24], // documentation
  ['224.0.0.0', 4], // multicast
  ['240.0.0.0', 4], // reserved, incl. broadcast
];

const DENIED_V6: [string, number][] = [
  ['::', 128], // unspecified
  ['::1', 128], // loopback
  ['::', 96], // IPv4-compatible (deprecated): embeds an IPv4 address
  ['64:ff9b::', 96], // NAT64: embeds an IPv4 address
  ['64:ff9b:1::', 48], // local-use NAT64
  ['100::', 64], // discard
  ['2001:db8::', 32], // documentation
  ['2002::', 16], // 6to4: embeds an IPv4 address
  ['fc00::', 7], // unique local
  ['fe80::', 10], // link-local
  ['fec0::', 10], // site-local (deprecated)
  ['ff00::', 8], // multicast
];

const denied = new BlockList();
for (const [net, prefix] of DENIED_V4) denied.addSubnet(net, prefix, 'ipv4');
for (const [net, prefix] of DENIED_V6) denied.addSubnet(net, prefix, 'ipv6');

/** An IPv6 address as its eight 16-bit groups (an embedded dotted IPv4 tail included). */
function ipv6Groups(address: string): number[] | undefined {
  let text = address.toLowerCase();
  const zone = text.indexOf('%');
  if (zone >= 0) text = text.slice(0, zone);
  const tail = /(\d+\.\d+\.\d+\.\d+)$/.exec(text);
  if (tail?.[1]) {
    const octets = tail[1].split('.').map(Number);
    if (octets.some((o) => o > 255)) return undefined;
    const [a = 0, b = 0, c = 0, d = 0] = octets;
    text = text.slice(0, -tail[1].length) + `${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const halves = text.split('::');
  if (halves.length > 2) return undefined;
  const parse = (part: string | undefined) => (part ? part.split(':').map((g) => parseInt(g, 16)) : []);
  const head = parse(halves[0]);
  const rest = parse(halves[1]);
  const missing = 8 - head.length - rest.length;
  if (halves.length === 1 ? missing !== 0 : missing < 0) return undefined;
  const groups = [...head, ...new Array<number>(halves.length === 2 ? missing : 0).fill(0), ...rest];
  return groups.some((g) => Number.isNaN(g) || g < 0 || g > 0xffff) ? undefined : groups;
}

/** An IPv4-mapped IPv6 address ('::ffff:127.0.0.1', '::ffff:7f00:1') → '127.0.0.1'; anything else unchanged. */
export function unmapIpv4(address: string): string {
  if (isIP(address) !== 6) return address;
  const g = ipv6Groups(address);
  if (!g || g.slice(0, 5).some((x) => x !== 0) || g[5] !== 0xffff) return address;
  const hi = g[6] ?? 0;
  const lo = g[7] ?? 0;
  return `${hi >> 8}.${hi & 255}.${lo >> 8}.${lo & 255}`;
}

export interface AddressAllowlist {
  allows(address: string): boolean;
}

/** '127.0.0.0/8', '::1/128', '10.1.2.3' (a single address) → an allowlist; throws on a malformed entry. */
export function parseAllowlist(cidrs: readonly string[]): AddressAllowlist {
  const list = new BlockList();
  for (const raw of cidrs) {
    const entry = raw.trim();
    if (!entry) continue;
    const [net = '', prefixText] = entry.split('/');
    const family = isIP(net);
    if (family === 0) throw new Error(`'${entry}' is not an IP address or CIDR range`);
    const max = family === 4 ? 32 : 128;
    const prefix = prefixText === undefined ? max : Number(prefixText);
    if (!Number.isInteger(prefix) || prefix < 0 || prefix > max) throw new Error(`'${entry}' has an invalid prefix length`);
    list.addSubnet(net, prefix, family === 4 ? 'ipv4' : 'ipv6');
  }
  return {
    allows(address) {
      const plain = unmapIpv4(address);
      const family = isIP(plain);
      return family !== 0 && list.check(plain, family === 4 ? 'ipv4' : 'ipv6');
    },
  };
}

/**
 * Exact `address:port` targets an operator lets webhooks reach although private or loopback
 * (`127.0.0.1:9000`, `[::1]:9000`): one receiver, never a whole range of ports (issue 12, item 7).
 */
export interface TargetAllowlist {
  allows(address: string, port: number): boolean;
}

export function parseTargetAllowlist(entries: readonly string[]): TargetAllowlist {
  const targets = new Set<string>();
  for (const raw of entries) {
    const entry = raw.trim();
    if (!entry) continue;
    const match = /^(?:\[([0-9A-Fa-f:.]+)\]|([0-9.]+)):(\d{1,5})$/.exec(entry);
    const address = match?.[1] ?? match?.[2];
    const port = Number(match?.[3]);
    if (!address || isIP(address) === 0 || !Number.isInteger(port) || port < 1 || port > 65535) {
      throw new Error(`'${entry}' is not address:port (e.g. 127.0.0.1:9000 or [::1]:9000)`);
    }
    targets.add(`${unmapIpv4(address).toLowerCase()}|${port}`);
  }
  return { allows: (address, port) => targets.has(`${unmapIpv4(address).toLowerCase()}|${port}`) };
}

export type AddressVerdict = { allowed: true } | { allowed: false; reason: 'NOT_AN_IP' | 'PRIVATE_ADDRESS' };

export function classifyAddress(address: string, allowlist: AddressAllowlist): AddressVerdict {
  const plain = unmapIpv4(address);
  const family = isIP(plain);
  if (family === 0) return { allowed: false, reason: 'NOT_AN_IP' };
  if (allowlist.allows(plain)) return { allowed: true };
  return denied.check(plain, family === 4 ? 'ipv4' : 'ipv6') ? { allowed: false, reason: 'PRIVATE_ADDRESS' } : { allowed: true };
}

export type TargetRefusalCode =
  | 'URL_INVALID'
  | 'URL_SCHEME_NOT_ALLOWED'
  | 'URL_CREDENTIALS_NOT_ALLOWED'
  | 'HOST_UNRESOLVABLE'
  | 'ADDRESS_NOT_ALLOWED';

/** The target of a webhook may not be called. The message is safe to show the endpoint's owner. */
export class TargetRefused extends Error {
  constructor(
    readonly code: TargetRefusalCode,
    message: string,
  ) {
    super(message);
    this.name = 'TargetRefused';
  }
}
