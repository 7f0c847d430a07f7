// Dependency-free on purpose: pure domain code imports this as '@hangviet/service-kit/errors'
// without pulling express, grpc or pino into its module graph.

export type ErrorKind =
  | 'bad_request' /* unreadable request: broken encoding, malformed path */
  | 'unsupported_media_type'
  | 'invalid'
  | 'unauthenticated'
  | 'forbidden'
  | 'not_found'
  | 'conflict'
  | 'failed_precondition'
  | 'precondition_failed' /* If-Match mismatch */
  | 'too_many_requests'
  | 'unavailable'
  | 'internal';

export interface FieldError {
  field: string;
  code: string;
  message: string;
}

export interface AppErrorOptions {
  errors?: FieldError[];
  meta?: Record<string, string>;
  cause?: unknown;
}

export class AppError extends Error {
  readonly kind: ErrorKind;
  /** Stable, UPPER_SNAKE, e.g. BUSINESS_NOT_FOUND: clients branch on it, so never reword it. */
  readonly code: string;
  readonly errors?: FieldError[];
  readonly meta?: Record<string, string>;

  constructor(kind: ErrorKind, code: string, message: string, options: AppErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'AppError';
    this.kind = kind;
    this.code = code;
    if (options.errors) this.errors = options.errors;
    if (options.meta) this.meta = options.meta;
  }
}

export function isAppError(err: unknown): err is AppError {
  return err instanceof AppError;
}

export const invalid = (errors: FieldError[], message = 'The request has invalid fields.'): AppError =>
  new AppError('invalid', 'VALIDATION_FAILED', message, { errors });

export const badRequest = (code: string, message: string, meta?: Record<string, string>): AppError =>
  new AppError('bad_request', code, message, { meta });

export const unsupportedMediaType = (code: string, message: string, meta?: Record<string, string>): AppError =>
  new AppError('unsupported_media_type', code, message, { meta });

export const unauthenticated = (code: string, message: string, meta?: Record<string, string>): AppError =>
  new AppError('unauthenticated', code, message, { meta });

export const forbidden = (code: string, message: string, meta?: Record<string, string>): AppError =>
  new AppError('forbidden', code, message, { meta });

export const notFound = (code: string, message: string, meta?: Record<string, string>): AppError =>
  new AppError('not_found', code, message, { meta });

export const conflict = (code: string, message: string, meta?: Record<string, string>): AppError =>
  new AppError('conflict', code, message, { meta });

export const failedPrecondition = (code: string, message: string, meta?: Record<string, string>): AppError =>
  new AppError('failed_precondition', code, message, { meta });

export const preconditionFailed = (code: string, message: string, meta?: Record<string, string>): AppError =>
  new AppError('precondition_failed', code, message, { meta });

export const tooManyRequests = (code: string, message: string, meta?: Record<string, string>): AppError =>
  new AppError('too_many_requests', code, message, { meta });

export const unavailable = (code: string, message: string, meta?: Record<string, string>): AppError =>
  new AppError('unavailable', code, message, { meta });

export const internal = (code: string, message: string, cause?: unknown): AppError =>
  new AppError('internal', code, message, { cause });

/** HTTP status for each kind (RFC 9457 responses). */
export const httpStatusOf: Readonly<Record<ErrorKind, number>> = {
  bad_request: 400,
  unsupported_media_type: 415,
  invalid: 422,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  failed_precondition: 409,
  precondition_failed: 412,
  too_many_requests: 429,
  unavailable: 503,
  internal: 500,
};
