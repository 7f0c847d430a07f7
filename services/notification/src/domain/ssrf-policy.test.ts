import { classifyAddress, parseAllowlist, unmapIpv4 } from './ssrf-policy';

const none = parseAllowlist([]);

describe('SSRF address policy', () => {
  it.each([
    '127.0.0.1',
    '127.255.0.9',
    '10.0.0.1',
    '172.16.0.1',
    '172.31.255.255',
    '192.168.1.1',
    '169.254.169.254',
    '169.254.0.1',
    '100.64.0.1',
    '100.127.255.254',
    '0.0.0.0',
    '0.1.2.3',
    '224.0.0.1',
    '239.255.255.250',
    '255.255.255.255',
    '::1',
    '::',
    'fc00::1',
    'fd12:3456::1',
    'fe80::1',
    'ff02::1',
    '::ffff:127.0.0.1',
    '::ffff:7f00:1',
    '::ffff:169.254.169.254',
    '0:0:0:0:0:ffff:a00:1',
    '64:ff9b::a00:1',
    '2002:7f00:1::1',
  ])('refuses %s', (address) => {
    expect(classifyAddress(address, none)).toEqual({ allowed: false, reason: 'PRIVATE_ADDRESS' });
  });

  it.each(['8.8.8.8', '1.1.1.1', '172.32.0.1', '100.128.0.1', '203.0.114.1', '2606:4700:4700::1111', '::ffff:8.8.8.8'])(
    'allows public %s',
    (address) => {
      expect(classifyAddress(address, none)).toEqual({ allowed: true });
    },
  );

  it('refuses something that is not an address', () => {
    expect(classifyAddress('localhost', none)).toEqual({ allowed: false, reason: 'NOT_AN_IP' });
  });

  it('lets an operator allowlist exactly the ranges named', () => {
    const loopback = parseAllowlist(['127.0.0.0/8', '::1/128']);
    expect(classifyAddress('127.0.0.1', loopback)).toEqual({ allowed: true });
    expect(classifyAddress('::ffff:127.0.0.1', loopback)).toEqual({ allowed: true });
    expect(classifyAddress('::1', loopback)).toEqual({ allowed: true });
    expect(classifyAddress('10.0.0.1', loopback).allowed).toBe(false);
    expect(classifyAddress('169.254.169.254', loopback).allowed).toBe(false);
    expect(classifyAddress('10.1.2.3', parseAllowlist(['10.1.2.3'])).allowed).toBe(true);
    expect(classifyAddress('10.1.2.4', parseAllowlist(['10.1.2.3'])).allowed).toBe(false);
  });

  it('rejects a malformed allowlist entry', () => {
    expect(() => parseAllowlist(['127.0.0.0/33'])).toThrow("'127.0.0.0/33' has an invalid prefix length");
    expect(() => parseAllowlist(['localhost'])).toThrow("'localhost' is not an IP address or CIDR range");
  });

  it('unwraps IPv4-mapped IPv6 in both notations', () => {
    expect(unmapIpv4('::ffff:10.0.0.1')).toBe('10.0.0.1');
    expect(unmapIpv4('::FFFF:0a00:0001')).toBe('10.0.0.1');
    expect(unmapIpv4('2001:db8::1')).toBe('2001:db8::1');
    expect(unmapIpv4('8.8.8.8')).toBe('8.8.8.8');
  });
});
