import { eventTypePatternErrors, eventTypePatternProblem, matchesAny, matchesEventType } from './event-type-pattern';

describe('matchesEventType', () => {
  const approved = 'hangviet.registry.business.approved.v1';

  it.each([
    ['hangviet.registry.business.approved.v1', true],
    ['hangviet.registry.business.approved.v2', false],
    ['hangviet.registry.business.*', true],
    ['hangviet.registry.*', true],
    ['*', true],
    ['hangviet.registry.business.rejected.v1', false],
    ['hangviet.certification.*', false],
    ['hangviet.registry.busi*', false],
    ['hangviet.registry.business', false],
    ['hangviet.*.business.approved.v1', true],
    ['hangviet.*.approved.v1', false],
    ['hangviet.registry.business.*.v1', true],
    ['hangviet.registry.business.*.v2', false],
  ])('%s matches approved: %s', (pattern, expected) => {
    expect(matchesEventType(pattern, approved)).toBe(expected);
  });

  it('does not let a trailing wildcard match a longer segment name, nor the topic name itself', () => {
    expect(matchesEventType('hangviet.registry.business.*', 'hangviet.registry.businesses.approved.v1')).toBe(false);
    expect(matchesEventType('hangviet.registry.business.*', 'hangviet.registry.business')).toBe(false);
  });

  it('treats an empty list as every event and a list as any-of', () => {
    expect(matchesAny([], approved)).toBe(true);
    expect(matchesAny(['hangviet.fair.*', 'hangviet.registry.*'], approved)).toBe(true);
    expect(matchesAny(['hangviet.fair.*'], approved)).toBe(false);
  });
});

describe('subscription patterns', () => {
  it.each([
    ['', 'must not be empty'],
    ['hangviet.*.approved', 'a wildcard may only be the last segment'],
    ['Hangviet.registry', "segment 'Hangviet' must be lowercase letters, digits or '_'"],
    ['hangviet..x', "segment '' must be lowercase letters, digits or '_'"],
    ['x'.repeat(201), 'must be at most 200 characters'],
  ])('rejects %j: %s', (pattern, problem) => {
    expect(eventTypePatternProblem(pattern)).toBe(problem);
  });

  it('accepts exact types and trailing wildcards', () => {
    expect(eventTypePatternProblem('*')).toBeUndefined();
    expect(eventTypePatternProblem('hangviet.registry.business.*')).toBeUndefined();
    expect(eventTypePatternProblem('hangviet.registry.business.approved.v1')).toBeUndefined();
  });

  it('names each bad pattern by its index, and too many patterns on the list', () => {
    expect(eventTypePatternErrors(['hangviet.*', 'Bad'], 'eventTypes')).toEqual([
      { field: 'eventTypes[1]', code: 'EVENT_TYPE_PATTERN_INVALID', message: "'Bad' segment 'Bad' must be lowercase letters, digits or '_'" },
    ]);
    expect(eventTypePatternErrors(Array.from({ length: 51 }, () => '*'), 'event_types')).toEqual([
      { field: 'event_types', code: 'TOO_MANY_EVENT_TYPES', message: 'at most 50 patterns' },
    ]);
  });
});
