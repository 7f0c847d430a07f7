import { buildRouteTable } from './route-table';

const table = buildRouteTable([
  { name: 'business-registry', target: 'http://r', routes: ['/v1/businesses', '/v1/provinces'] },
  { name: 'notification', target: 'http://n', routes: ['/v1/inbox', '/v1/businesses/*/notification-preferences'] },
]);

const owner = (path: string) => table.match(path)?.service;

describe('the route table', () => {
  it('routes a prefix, what is below it and its custom methods to the declaring service', () => {
    expect(owner('/v1/businesses')).toBe('business-registry');
    expect(owner('/v1/businesses/abc')).toBe('business-registry');
    expect(owner('/v1/businesses:lookup')).toBe('business-registry');
    expect(owner('/v1/businesses/abc:approve')).toBe('business-registry');
    expect(owner('/v1/inbox/1:markRead')).toBe('notification');
  });

  it('prefers the more literal route', () => {
    expect(owner('/v1/businesses/abc/notification-preferences')).toBe('notification');
  });

  it('owns nothing that merely shares a prefix of characters', () => {
    expect(owner('/v1/businessesX')).toBeUndefined();
    expect(owner('/v1/provincesfoo/1')).toBeUndefined();
    expect(owner('/v1/unknown')).toBeUndefined();
    expect(owner('/v2/businesses')).toBeUndefined();
  });

  it('refuses a malformed route and a route declared twice', () => {
    expect(() => buildRouteTable([{ name: 'a', target: 't', routes: ['/businesses'] }])).toThrow(/must be/);
    expect(() =>
      buildRouteTable([
        { name: 'a', target: 't', routes: ['/v1/x'] },
        { name: 'b', target: 't', routes: ['/v1/x'] },
      ]),
    ).toThrow(/both a and b/);
  });
});
