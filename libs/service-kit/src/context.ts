import { AsyncLocalStorage } from 'node:async_hooks';

/** Per-request facts that every log line of that request carries (see the logger's mixin). */
export interface RequestContext {
  requestId: string;
}

export const requestContext = new AsyncLocalStorage<RequestContext>();
