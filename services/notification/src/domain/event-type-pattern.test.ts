import { eventTypePatternProblem, matchesAny, matchesEventType } from './event-type-pattern';

describe('event type patterns', () => {
  const approved = 'hangviet.registry.business.approved.v1';

  it.each([
    ['hangviet.registry.business.approved.v1', true],
    ['hangviet.registry.business.*', true],
    ['hangviet.registry.*', true],
    ['*', true],
    ['hangviet.registry.business.rejected.v1', false],
    ['hangviet.certification.*', false],
    ['hangviet.registry.busi*', false],
    ['hangviet.registry.business', false],
  ])('%s matches approved: %s', (pattern, expected) => {
    expect(matchesEventType(pattern, approved)).toBe(expected);
  });

  it('does not let a prefix wildcard match a longer segment name', () => {
    expect(matchesEventType('hangviet.registry.business.*', 'hangviet.registry.businesses.approved.v1')).toBe(false);
  });

  it('treats an empty list as every event and a list as any-of', () => {
    expect(matchesAny([], approved)).toBe(true);
    expect(matchesAny(['hangviet.fair.*', 'hangviet.registry.*'], approved)).toBe(true);
    expect(matchesAny(['hangviet.fair.*'], approved)).toBe(false);
  });

  it.each([
    ['', 'must not be empty'],
    ['hangviet.*.approved', 'a wildcard may only be the last segment'],
    ['Hangviet.registry', "segment 'Hangviet' must be lowercase letters, digits or '_'"],
    ['hangviet..x', "segment '' must be lowercase letters, digits or '_'"],
  ])('rejects %j: %s', (pattern, problem) => {
    expect(eventTypePatternProblem(pattern)).toBe(problem);
  });

  it('accepts exact types and trailing wildcards', () => {
    expect(eventTypePatternProblem('*')).toBeUndefined();
    expect(eventTypePatternProblem('hangviet.registry.business.*')).toBeUndefined();
    expect(eventTypePatternProblem(approved)).toBeUndefined();
  });
});
