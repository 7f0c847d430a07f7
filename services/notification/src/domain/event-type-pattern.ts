// Which event types a subscription receives. A pattern is an exact type, a trailing wildcard over
// whole dot-separated segments ("hangviet.registry.business.*", "hangviet.registry.*"), or "*".
// Svix-style: no wildcard in the middle, so a pattern never matches a context it does not name.

const SEGMENT = /^[a-z0-9_]+$/;
export const MAX_PATTERNS = 50;

export function eventTypePatternProblem(pattern: string): string | undefined {
  if (pattern === '*') return undefined;
  if (pattern.length === 0) return 'must not be empty';
  if (pattern.length > 200) return 'must be at most 200 characters';
  const segments = pattern.split('.');
  const last = segments.length - 1;
  for (let i = 0; i <= last; i++) {
    const segment = segments[i] as string;
    if (segment === '*') {
      if (i !== last) return 'a wildcard may only be the last segment';
      if (i === 0) return undefined;
      continue;
    }
    if (!SEGMENT.test(segment)) return `segment '${segment}' must be lowercase letters, digits or '_'`;
  }
  return undefined;
}

export function matchesEventType(pattern: string, type: string): boolean {
  if (pattern === '*') return true;
  if (pattern.endsWith('.*')) return type.startsWith(pattern.slice(0, -1));
  return pattern === type;
}

/** An empty pattern list means every event. */
export function matchesAny(patterns: readonly string[], type: string): boolean {
  return patterns.length === 0 || patterns.some((p) => matchesEventType(p, type));
}
