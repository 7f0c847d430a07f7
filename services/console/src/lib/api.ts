// Calls to the platform through the gateway (same origin). Errors are the services' problem+json.
import { currentSession } from './session';

export interface Problem {
  status: number;
  code: string;
  detail: string;
  errors?: { field: string; code: string; message: string }[];
}

export class ApiError extends Error {
  constructor(readonly problem: Problem) {
    super(problem.detail);
  }
}

export async function api<T>(path: string, init: RequestInit & { json?: unknown } = {}): Promise<T> {
  const headers = new Headers(init.headers);
  const session = currentSession();
  if (session) headers.set('authorization', `Bearer ${session.accessToken}`);
  let body = init.body;
  if (init.json !== undefined) {
    headers.set('content-type', 'application/json');
    body = JSON.stringify(init.json);
  }
  const response = await send(path, { ...init, headers, body });
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  const data = text ? (JSON.parse(text) as unknown) : undefined;
  if (!response.ok) {
    const p = (data ?? {}) as Partial<Problem>;
    throw new ApiError({ status: response.status, code: p.code ?? 'HTTP_ERROR', detail: p.detail ?? response.statusText, ...(p.errors ? { errors: p.errors } : {}) });
  }
  return data as T;
}

/** Waits before each repeat of a read: about 7 s in all, longer when the service says when to come back. */
const READ_RETRIES_MS = [500, 1000, 2000, 4000];

/**
 * A read (GET or HEAD) that met a busy or restarting service (502, 503, 504) or no answer at all is asked again,
 * honouring Retry-After up to 5 s: a page must not show an error, or stay empty, for a moment's unavailability.
 * A write is sent once: it may have taken effect, and the person decides whether to send it again.
 */
async function send(path: string, init: RequestInit): Promise<Response> {
  const read = ['GET', 'HEAD'].includes((init.method ?? 'GET').toUpperCase());
  for (let attempt = 0; ; attempt++) {
    const wait = read ? READ_RETRIES_MS[attempt] : undefined;
    let response: Response;
    try {
      response = await fetch(path, init);
    } catch (err) {
      if (wait === undefined || init.signal?.aborted) throw err;
      await new Promise((resolve) => setTimeout(resolve, wait));
      continue;
    }
    if (wait === undefined || ![502, 503, 504].includes(response.status)) return response;
    const after = Number(response.headers.get('retry-after'));
    await new Promise((resolve) => setTimeout(resolve, Number.isFinite(after) && after > 0 ? Math.min(after * 1000, 5000) : wait));
  }
}

export interface Page<T> {
  items: T[];
  nextPageToken: string;
}

export interface Business {
  id: string;
  taxCode: string;
  type: string;
  status: string;
  legalName: string;
  tradeName?: string;
  address?: { provinceCode: string; provinceName?: string; wardCode: string; wardName?: string; street: string };
  industries: { edition: string; code: string; name?: string; main?: boolean }[];
  contact?: { email?: string; phone?: string };
  website?: string;
  description?: string;
  /** Certificates in force, as the registry keeps them from the certification service's events. */
  badges?: { number: string; scheme: string; stars?: number; status?: string; validUntil?: string; productId?: string; productName?: string }[];
  statusReason?: string;
  /** Staff and the owner: the owning account of a self-registration (staff-entered ones have none). */
  ownerSubject?: string;
  createTime?: string;
  version?: number;
}
