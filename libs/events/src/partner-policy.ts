// What a partner system receives of each event (issue 12, item 4). Every event of the catalogue declares it
// (CatalogEvent.partner is required): what any subscribed partner gets by default, which fields need a scope
// staff grant by name, and whether the event is about something the public never saw — such events go only
// to partners holding `unpublished`. Webhook fan-out and the gRPC event stream both apply it, through
// projectForPartner, to the event's canonical protobuf JSON.
import { defineEvent, type EventType, type MessageCodec } from './registry';

export const PARTNER_SCOPES = ['personal-data', 'internal-reasons', 'unpublished'] as const;
export type PartnerScope = (typeof PARTNER_SCOPES)[number];

export const PARTNER_SCOPE_MEANINGS: Readonly<Record<PartnerScope, string>> = {
  'personal-data': 'contact e-mails and the identities of owners and staff (actor and owner subjects)',
  'internal-reasons': "staff's reasons for rejecting, suspending or dissolving",
  unpublished: 'events about businesses that were never public (registrations under review, rejected ones)',
};

type Json = Record<string, unknown>;

export interface PartnerPolicy {
  /** Dotted paths in the event's JSON form, removed unless the partner holds the scope. */
  scoped: Partial<Record<Exclude<PartnerScope, 'unpublished'>, readonly string[]>>;
  /** False when the event concerns something the public never saw: only partners with `unpublished` get it. */
  public(data: Json): boolean;
}

/** An event of the platform's catalogue: a definition plus what partners receive of it. */
export interface CatalogEvent<T = unknown> extends EventType<T> {
  readonly partner: PartnerPolicy;
}

export function defineCatalogEvent<T>(type: string, codec: MessageCodec<T>, description: string, partner: PartnerPolicy): CatalogEvent<T> {
  return Object.freeze({ ...defineEvent(type, codec, description), partner });
}

export function isCatalogEvent(e: EventType | undefined): e is CatalogEvent {
  return !!e && typeof (e as Partial<CatalogEvent>).partner?.public === 'function';
}

function without(data: Json, path: readonly string[]): Json {
  // A path through an array applies to each of its elements (`suppliers.contactEmail`).
  if (Array.isArray(data)) return data.map((item) => (item && typeof item === 'object' ? without(item as Json, path) : item)) as unknown as Json;
  const [head, ...rest] = path;
  if (head === undefined || !(head in data)) return data;
  const copy = { ...data };
  if (rest.length === 0) delete copy[head];
  else if (copy[head] && typeof copy[head] === 'object') copy[head] = without(copy[head] as Json, rest);
  return copy;
}

/**
 * The data a partner holding `scopes` receives, or undefined when it receives nothing of this event. An event
 * type with no partner policy (not in the catalogue) reaches no partner: the safe default.
 */
export function projectForPartner(event: EventType | undefined, data: unknown, scopes: readonly string[]): Json | undefined {
  if (!isCatalogEvent(event)) return undefined;
  const json = (data ?? {}) as Json;
  if (!scopes.includes('unpublished') && !event.partner.public(json)) return undefined;
  let projected = json;
  for (const [scope, paths] of Object.entries(event.partner.scoped)) {
    if (scopes.includes(scope)) continue;
    for (const path of paths ?? []) projected = without(projected, path.split('.'));
  }
  return projected;
}
