// Where a person lands after signing in: back where they started, unless that was the front page or an
// enterprise's page they have no use for; staff then land on their work, not on "/my" (which asks an
// enterprise account and would tell staff to sign in again).
export const STAFF_HOME = '/staff/reviews';

export function landingFor(roles: readonly string[], returnTo: string): string {
  const staff = roles.includes('staff') || roles.includes('admin');
  const enterprise = roles.includes('enterprise');
  const generic = returnTo === '/' || returnTo === '/my';
  if (staff && !enterprise && (generic || returnTo.startsWith('/my/'))) return STAFF_HOME;
  if (enterprise && returnTo === '/') return '/my';
  return returnTo;
}
