// The one catalogue of event types on the platform. Every event a service publishes is defined
// once with defineEvent (its ce_type, its protobuf codec and what it means) in src/catalog/<context>.ts.
import { matchesEventType } from './event-type-pattern';

/** The part of a ts-proto `MessageFns<T>` the event bus needs. */
export interface MessageCodec<T> {
  encode(message: T): { finish(): Uint8Array };
  decode(bytes: Uint8Array): T;
  toJSON(message: T): unknown;
  fromJSON(object: unknown): T;
}

export interface EventType<T = unknown> {
  /** The CloudEvents `type`, e.g. `hangviet.registry.business.approved.v1`. */
  type: string;
  /** The Kafka topic: the type without its action and version, e.g. `hangviet.registry.business`. */
  topic: string;
  codec: MessageCodec<T>;
  description: string;
}

const typePattern = /^[a-z0-9_-]+(\.[a-z0-9_-]+)*\.v[0-9]+$/;

/** Derives the topic from the type: drops the last two segments (action, version). */
export function topicOf(type: string): string {
  const segments = type.split('.');
  if (segments.length < 3 || !typePattern.test(type)) {
    throw new Error(
      `event type '${type}' must look like '<context>.<aggregate>.<action>.v<N>' (lower case, dot separated)`,
    );
  }
  return segments.slice(0, -2).join('.');
}

export function defineEvent<T>(type: string, codec: MessageCodec<T>, description: string): EventType<T> {
  return Object.freeze({ type, topic: topicOf(type), codec, description });
}

const registered = new Map<string, EventType>();

/** Every registered event type by its ce_type. Filled by `@hangviet/events/catalog` when something loads it (the package index does not). */
export const eventTypes: ReadonlyMap<string, EventType> = registered;

/**
 * Adds event types to the catalogue. Registering the same definition twice is a no-op; a different
 * definition under a type already taken is a programming error (two meanings for one ce_type).
 */
export function registerEvents(...types: EventType[]): void {
  for (const definition of types) {
    const existing = registered.get(definition.type);
    if (existing && existing !== definition && existing.codec !== definition.codec) {
      throw new Error(`event type '${definition.type}' is already registered with another codec`);
    }
    if (!existing) registered.set(definition.type, definition);
  }
}

export function eventType(type: string): EventType | undefined {
  return registered.get(type);
}

/** Every topic of the registered event types, sorted, without duplicates. */
export function topics(): string[] {
  return [...new Set([...registered.values()].map((t) => t.topic))].sort();
}

/** The topics a handler pattern needs, when they can be told from the pattern alone. */
export function topicsForPattern(pattern: string): string[] {
  if (!pattern.includes('*')) return [eventType(pattern)?.topic ?? topicOf(pattern)];
  const known = topics().filter((topic) =>
    [...registered.values()].some((t) => t.topic === topic && matchesEventType(pattern, t.type)),
  );
  // `<topic>.*` (topics are `hangviet.<context>.<aggregate>`) names its topic even before the catalogue has a type of it.
  const segments = pattern.split('.');
  if (segments.length >= 4 && segments.at(-1) === '*' && !segments.slice(0, -1).includes('*')) {
    known.push(segments.slice(0, -1).join('.'));
  }
  return [...new Set(known)].sort();
}
