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
  const response = await fetch(path, { ...init, headers, body });
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  const data = text ? (JSON.parse(text) as unknown) : undefined;
  if (!response.ok) {
    const p = (data ?? {}) as Partial<Problem>;
    throw new ApiError({ status: response.status, code: p.code ?? 'HTTP_ERROR', detail: p.detail ?? response.statusText, ...(p.errors ? { errors: p.errors } : {}) });
  }
  return data as T;
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
