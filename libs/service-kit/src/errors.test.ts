import { AppError, conflict, httpStatusOf, invalid, isAppError, notFound } from './errors';

describe('errors', () => {
  it('invalid() carries VALIDATION_FAILED and the field errors', () => {
    const err = invalid([{ field: 'name', code: 'REQUIRED', message: 'Name is required.' }]);
    expect(err).toBeInstanceOf(AppError);
    expect(err.kind).toBe('invalid');
    expect(err.code).toBe('VALIDATION_FAILED');
    expect(err.errors).toEqual([{ field: 'name', code: 'REQUIRED', message: 'Name is required.' }]);
  });

  it('helpers set kind, code, message and meta', () => {
    const err = notFound('BUSINESS_NOT_FOUND', 'No such business.', { businessId: 'b1' });
    expect([err.kind, err.code, err.message, err.meta]).toEqual(['not_found', 'BUSINESS_NOT_FOUND', 'No such business.', { businessId: 'b1' }]);
    expect(isAppError(conflict('TAKEN', 'Taken.'))).toBe(true);
    expect(isAppError(new Error('x'))).toBe(false);
  });

  it('maps kinds to the agreed HTTP statuses', () => {
    expect(httpStatusOf).toEqual({
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
    });
  });
});
