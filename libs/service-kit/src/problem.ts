import type { Request, Response } from 'express';
import { AppError, httpStatusOf, type FieldError } from './errors';

export interface ProblemDetails {
  type: string;
  title: string;
  status: number;
  detail: string;
  code: string;
  instance: string;
  requestId: string;
  errors?: FieldError[];
}

const titles: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  409: 'Conflict',
  412: 'Precondition Failed',
  413: 'Content Too Large',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Content',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

export const PROBLEM_TYPE_BASE = 'https://hangviet.vn/problems/';
export const GENERIC_INTERNAL_DETAIL = 'An unexpected error occurred. Quote the request id when reporting it.';

export function problemType(code: string): string {
  return PROBLEM_TYPE_BASE + code.toLowerCase().replace(/_/g, '-');
}

export function problemOf(
  req: Request,
  status: number,
  code: string,
  detail: string,
  errors?: FieldError[],
): ProblemDetails {
  const body: ProblemDetails = {
    type: problemType(code),
    title: titles[status] ?? 'Error',
    status,
    detail,
    code,
    instance: req.originalUrl.split('?')[0] ?? req.originalUrl,
    requestId: req.requestId,
  };
  if (errors?.length) body.errors = errors;
  return body;
}

export function problemFromAppError(req: Request, err: AppError): ProblemDetails {
  const status = httpStatusOf[err.kind];
  // An internal error's message may describe internals: the client gets a generic detail.
  const detail = err.kind === 'internal' ? GENERIC_INTERNAL_DETAIL : err.message;
  return problemOf(req, status, err.code, detail, err.errors);
}

export function sendProblem(res: Response, problem: ProblemDetails): void {
  if (problem.status === 401) res.setHeader('WWW-Authenticate', 'Bearer');
  res.status(problem.status).type('application/problem+json').send(JSON.stringify(problem));
}
