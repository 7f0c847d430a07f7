// Optimistic concurrency over HTTP: the ETag is the business version; If-Match names the version
// the client edited. Only strong tags this service issued are understood.
import { invalid } from '@hangviet/service-kit/errors';
import type { Request, Response } from 'express';

export const etagOf = (version: number): string => `"v${version}"`;

export function setEtag(res: Response, version: number): void {
  res.setHeader('ETag', etagOf(version));
}

/** The version If-Match asks for; undefined when absent or `*`. */
export function expectedVersion(req: Request): number | undefined {
  const header = req.get('if-match')?.trim();
  if (header === undefined || header === '' || header === '*') return undefined;
  const match = /^"v(\d{1,15})"$/.exec(header);
  if (!match) {
    throw invalid([{ field: 'If-Match', code: 'INVALID_FORMAT', message: 'If-Match must be an ETag this service returned, e.g. "v3"' }]);
  }
  return Number(match[1]);
}
