// The one way to say which event types something wants, for consumers' handler keys and for partner
// subscriptions (webhooks, the gRPC stream) alike. Patterns are dot-separated segments: `*` alone
// matches every type; a trailing `*` matches one or more remaining segments
// (`hangviet.registry.business.*`, `hangviet.registry.*`); a `*` elsewhere matches exactly one segment
// (`hangviet.*.business.approved.v1`, handler keys only: subscriptions refuse it, Svix-style, so a
// partner's pattern never reaches into a context it does not name); anything else must be equal.
// Dependency-free: pure domain code imports it as '@hangviet/events/event-type-pattern'.

/** The most patterns one subscription may hold. */
export const MAX_PATTERNS = 50;
const MAX_PATTERN_LENGTH = 200;
const SEGMENT = /^[a-z0-9_]+$/;

export function matchesEventType(pattern: string, type: string): boolean {
  if (pattern === '*') return true;
  if (!pattern.includes('*')) return pattern === type;
  const want = pattern.split('.');
  const have = type.split('.');
  for (let i = 0; i < want.length; i++) {
    const segment = want[i];
    const last = i === want.length - 1;
    if (segment === '*' && last) return have.length > i;
    if (i >= have.length) return false;
    if (segment !== '*' && segment !== have[i]) return false;
  }
  return have.length === want.length;
}

/** Whether any pattern matches; an empty list means every event. */
export function matchesAny(patterns: readonly string[], type: string): boolean {
  return patterns.length === 0 || patterns.some((p) => matchesEventType(p, type));
}

/**
 * What is wrong with a subscription pattern (an exact type, a trailing wildcard or `*`), in words
 * that follow the quoted pattern; undefined when it is fine.
 */
export function eventTypePatternProblem(pattern: string): string | undefined {
  if (pattern === '*') return undefined;
  if (pattern.length === 0) return 'must not be empty';
  if (pattern.length > MAX_PATTERN_LENGTH) return `must be at most ${MAX_PATTERN_LENGTH} characters`;
  const segments = pattern.split('.');
  const last = segments.length - 1;
  for (let i = 0; i <= last; i++) {
    const segment = segments[i] as string;
    if (segment === '*') {
      if (i !== last) return 'a wildcard may only be the last segment';
      continue;
    }
    if (!SEGMENT.test(segment)) return `segment '${segment}' must be lowercase letters, digits or '_'`;
  }
  return undefined;
}

/** The field errors of a subscription's pattern list (field names as the caller spells them). */
export function eventTypePatternErrors(
  patterns: readonly string[],
  field: string,
): { field: string; code: string; message: string }[] {
  const errors = patterns.flatMap((pattern, i) => {
    const problem = eventTypePatternProblem(pattern);
    return problem ? [{ field: `${field}[${i}]`, code: 'EVENT_TYPE_PATTERN_INVALID', message: `'${pattern}' ${problem}` }] : [];
  });
  if (patterns.length > MAX_PATTERNS) errors.push({ field, code: 'TOO_MANY_EVENT_TYPES', message: `at most ${MAX_PATTERNS} patterns` });
  return errors;
}
