// One mapping between the platform's errors and gRPC statuses, both ways: a thrown AppError leaves a server as
// its status with google.rpc details (ErrorInfo: the stable code; BadRequest: the fields), and a client turns
// such a status back into the same AppError.
import * as grpc from '@grpc/grpc-js';
import { BadRequest, ErrorInfo } from '@hangviet/contracts/google/rpc/error_details';
import { Status } from '@hangviet/contracts/google/rpc/status';
import { AppError, type ErrorKind, type FieldError } from '../errors';
import { isDatabaseUnavailable } from '../mongo-errors';

export const ERROR_DOMAIN = 'hangviet.vn';
const DETAILS_KEY = 'grpc-status-details-bin';
const ERROR_INFO_TYPE = 'type.googleapis.com/google.rpc.ErrorInfo';
const BAD_REQUEST_TYPE = 'type.googleapis.com/google.rpc.BadRequest';

const statusOfKind: Record<ErrorKind, grpc.status> = {
  bad_request: grpc.status.INVALID_ARGUMENT,
  unsupported_media_type: grpc.status.INVALID_ARGUMENT,
  invalid: grpc.status.INVALID_ARGUMENT,
  unauthenticated: grpc.status.UNAUTHENTICATED,
  forbidden: grpc.status.PERMISSION_DENIED,
  not_found: grpc.status.NOT_FOUND,
  conflict: grpc.status.ALREADY_EXISTS,
  failed_precondition: grpc.status.FAILED_PRECONDITION,
  precondition_failed: grpc.status.FAILED_PRECONDITION,
  too_many_requests: grpc.status.RESOURCE_EXHAUSTED,
  unavailable: grpc.status.UNAVAILABLE,
  internal: grpc.status.INTERNAL,
};

const kindOfStatus: Partial<Record<grpc.status, ErrorKind>> = {
  [grpc.status.INVALID_ARGUMENT]: 'invalid',
  [grpc.status.UNAUTHENTICATED]: 'unauthenticated',
  [grpc.status.PERMISSION_DENIED]: 'forbidden',
  [grpc.status.NOT_FOUND]: 'not_found',
  [grpc.status.ALREADY_EXISTS]: 'conflict',
  [grpc.status.FAILED_PRECONDITION]: 'failed_precondition',
  [grpc.status.RESOURCE_EXHAUSTED]: 'too_many_requests',
  [grpc.status.UNAVAILABLE]: 'unavailable',
  [grpc.status.DEADLINE_EXCEEDED]: 'unavailable',
};

/** AppError → status + google.rpc.Status in grpc-status-details-bin; anything else → INTERNAL, generic. */
export function toServiceError(err: unknown): grpc.ServerErrorResponse {
  const appError =
    err instanceof AppError
      ? err
      : isDatabaseUnavailable(err)
        ? new AppError('unavailable', 'DATABASE_UNAVAILABLE', 'The database cannot be reached right now; retry shortly.', { cause: err })
        : new AppError('internal', 'INTERNAL', 'An unexpected error occurred.', { cause: err });
  const code = statusOfKind[appError.kind];
  const message = appError.kind === 'internal' ? 'An unexpected error occurred.' : appError.message;
  const details = [
    {
      typeUrl: ERROR_INFO_TYPE,
      value: Buffer.from(ErrorInfo.encode({ reason: appError.code, domain: ERROR_DOMAIN, metadata: appError.meta ?? {} }).finish()),
    },
  ];
  if (appError.kind === 'invalid' && appError.errors?.length) {
    details.push({
      typeUrl: BAD_REQUEST_TYPE,
      value: Buffer.from(
        BadRequest.encode({
          fieldViolations: appError.errors.map((e) => ({ field: e.field, reason: e.code, description: e.message, localizedMessage: undefined })),
        }).finish(),
      ),
    });
  }
  const metadata = new grpc.Metadata();
  metadata.set(DETAILS_KEY, Buffer.from(Status.encode({ code, message, details }).finish()));
  return Object.assign(new Error(message), { code, details: message, metadata });
}

export interface DecodedGrpcError {
  code: grpc.status;
  message?: string;
  reason?: string;
  errors?: FieldError[];
  meta?: Record<string, string>;
}

export function decodeGrpcError(err: grpc.ServiceError): DecodedGrpcError {
  const decoded: DecodedGrpcError = { code: err.code };
  if (err.details) decoded.message = err.details;
  const raw = err.metadata?.get(DETAILS_KEY)[0];
  if (!raw || typeof raw === 'string') return decoded;
  let status: Status;
  try {
    status = Status.decode(raw);
  } catch {
    return decoded; // not ours, or corrupt: the status code alone still says what happened
  }
  for (const detail of status.details) {
    if (detail.typeUrl === ERROR_INFO_TYPE) {
      const info = ErrorInfo.decode(detail.value);
      decoded.reason = info.reason;
      if (Object.keys(info.metadata).length) decoded.meta = info.metadata;
    } else if (detail.typeUrl === BAD_REQUEST_TYPE) {
      decoded.errors = BadRequest.decode(detail.value).fieldViolations.map((v) => ({
        field: v.field,
        code: v.reason,
        message: v.description,
      }));
    }
  }
  return decoded;
}

/** A downstream gRPC failure as an AppError, to rethrow from a use case (reason kept as the code). */
export function appErrorFromGrpc(err: grpc.ServiceError): AppError {
  const decoded = decodeGrpcError(err);
  const kind = kindOfStatus[decoded.code] ?? 'internal';
  const code = decoded.reason ?? `UPSTREAM_${grpc.status[decoded.code] ?? 'UNKNOWN'}`;
  return new AppError(kind, code, decoded.message ?? 'A downstream call failed.', {
    ...(decoded.errors ? { errors: decoded.errors } : {}),
    ...(decoded.meta ? { meta: decoded.meta } : {}),
    cause: err,
  });
}
