// hangviet.notification.v1.EventStreamService: a partner's resumable server stream of platform events.
import type * as grpc from '@grpc/grpc-js';
import {
  StartPosition,
  type SubscribeRequest,
  type SubscribeResponse,
} from '@hangviet/contracts/hangviet/notification/v1/event_stream_service';
import { bearerToken, invalid, requireRole, toServiceError, unauthenticated, type Authenticator, type Logger } from '@hangviet/service-kit';
import { eventType, projectForPartner } from '@hangviet/events';
import { eventTypePatternErrors } from '@hangviet/events/event-type-pattern';
import { scopesOfOwner, type PartnerGrants } from '../../application/partner-scopes';
import type { EventLog } from '../../application/ports';
import { decodeCursor, streamEventLog } from '../../application/stream-events';
import type { EventLogEntry } from '../../domain/records';

export interface EventStreamOptions {
  eventLog: EventLog;
  authenticator: Authenticator;
  partnerGrants: PartnerGrants;
  logger: Logger;
  pollIntervalMs: number;
  gapWaitMs: number;
}

function timestampOf(iso: string | undefined): { seconds: string; nanos: number } | undefined {
  if (!iso) return undefined;
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return undefined;
  return { seconds: String(Math.floor(ms / 1000)), nanos: (((ms % 1000) + 1000) % 1000) * 1_000_000 };
}

function toResponse(cursor: string, entry: EventLogEntry): SubscribeResponse {
  return {
    cursor,
    event: {
      id: entry.eventId,
      type: entry.type ?? '',
      source: entry.source ?? '',
      subject: entry.subject ?? '',
      time: timestampOf(entry.time),
      dataContentType: 'application/json',
      dataJson: entry.dataJson ?? 'null',
      dataProto: entry.dataProto ? Buffer.from(entry.dataProto.buffer, entry.dataProto.byteOffset, entry.dataProto.byteLength) : Buffer.alloc(0),
    },
  };
}

/** The entry as a holder of `scopes` sees it (JSON and protobuf alike), or undefined: not for this partner. */
function projected(entry: EventLogEntry, scopes: readonly string[] | 'all'): EventLogEntry | undefined {
  if (scopes === 'all') return entry;
  const definition = entry.type ? eventType(entry.type) : undefined;
  const data = projectForPartner(definition, entry.dataJson ? JSON.parse(entry.dataJson) : {}, scopes);
  if (data === undefined || !definition) return undefined;
  const proto = definition.codec.encode(definition.codec.fromJSON(data)).finish();
  return { ...entry, dataJson: JSON.stringify(data), dataProto: proto } as EventLogEntry;
}

function checkRequest(request: SubscribeRequest): { patterns: string[]; after?: number; start: 'latest' | 'earliest' } {
  const errors = eventTypePatternErrors(request.eventTypes, 'event_types');
  if (errors.length) throw invalid(errors);
  const result: { patterns: string[]; after?: number; start: 'latest' | 'earliest' } = {
    patterns: request.eventTypes,
    start: request.startPosition === StartPosition.START_POSITION_EARLIEST ? 'earliest' : 'latest',
  };
  if (request.cursor) result.after = decodeCursor(request.cursor);
  return result;
}

/** Resolves once the stream can take more (gRPC flow control), or the call ended. */
function drained(call: grpc.ServerWritableStream<SubscribeRequest, SubscribeResponse>, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      call.off('drain', done);
      signal.removeEventListener('abort', done);
      resolve();
    };
    call.on('drain', done);
    signal.addEventListener('abort', done);
  });
}

export function eventStreamService(opts: EventStreamOptions): grpc.UntypedServiceImplementation {
  return {
    subscribe(call: grpc.ServerWritableStream<SubscribeRequest, SubscribeResponse>) {
      const abort = new AbortController();
      const stop = () => abort.abort();
      call.on('cancelled', stop);
      call.on('close', stop);
      call.on('error', stop);
      void (async () => {
        try {
          const header = call.metadata.get('authorization')[0];
          const token = bearerToken(typeof header === 'string' ? header : header?.toString('utf8'));
          if (token === undefined) throw unauthenticated('TOKEN_MISSING', 'A bearer token is required.');
          const principal = requireRole(await opts.authenticator.verify(token), 'partner', 'staff', 'admin');
          const request = checkRequest(call.request);
          // Staff see every event whole; a partner what its granted scopes allow (issue 12, item 4).
          const scopes = principal.roles.includes('partner') ? await scopesOfOwner(opts.partnerGrants, `partner:${principal.partnerId ?? ''}`) : 'all';
          opts.logger.info({ subject: principal.subject, patterns: request.patterns, resumed: request.after !== undefined }, 'event stream subscribed');
          const events = streamEventLog(opts.eventLog, {
            ...request,
            signal: abort.signal,
            pollIntervalMs: opts.pollIntervalMs,
            gapWaitMs: opts.gapWaitMs,
          });
          for await (const { cursor, entry } of events) {
            if (abort.signal.aborted) break;
            const visible = projected(entry, scopes);
            if (!visible) continue;
            if (!call.write(toResponse(cursor, visible))) await drained(call, abort.signal);
          }
          if (!abort.signal.aborted) call.end();
        } catch (err) {
          if (abort.signal.aborted) return;
          opts.logger.warn({ err }, 'event stream ended with an error');
          call.emit('error', toServiceError(err));
        }
      })();
    },
  };
}
