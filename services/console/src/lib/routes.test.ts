import { matchRoute } from './routes';

describe('matchRoute', () => {
  it('finds pages and their parameters', () => {
    expect(matchRoute('/')).toEqual({ name: 'directory', params: {} });
    expect(matchRoute('/businesses/b%201')).toEqual({ name: 'business', params: { id: 'b 1' } });
    expect(matchRoute('/signin/abc')).toEqual({ name: 'signin', params: { uid: 'abc' } });
    expect(matchRoute('/my/')).toEqual({ name: 'myBusiness', params: {} });
  });

  it('tells the OIDC callback from a sign-in interaction and misses unknown paths', () => {
    expect(matchRoute('/auth/callback').name).toBe('callback');
    expect(matchRoute('/businesses').name).toBe('notFound');
    expect(matchRoute('/businesses/1/extra').name).toBe('notFound');
  });
});
