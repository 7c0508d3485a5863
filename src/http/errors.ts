import { DomainError, type ErrorCode } from '../domain/shared/errors.js';

export const statusOf: Record<ErrorCode, number> = {
  NOT_FOUND: 404,
  VALIDATION: 422,
  CONFLICT: 409,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  RATE_LIMITED: 429,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
};

const frameworkErrors: Record<number, [string, string]> = {
  413: ['PAYLOAD_TOO_LARGE', 'The request body is too large'],
  415: ['UNSUPPORTED_MEDIA_TYPE', 'This content type is not accepted here'],
};

export interface ErrorBody {
  errors: { code: string; message: string; property?: string }[];
}

/** The one place domain errors become HTTP; anything unknown is a generic 500 that leaks nothing. */
export function toHttpError(error: unknown): { status: number; body: ErrorBody; isUnexpected: boolean } {
  if (error instanceof DomainError) {
    const details = error.details.length ? error.details : [{ message: error.message }];
    return {
      status: statusOf[error.code],
      body: {
        errors: details.map((d) => ({
          code: error.code,
          message: d.message,
          ...(d.property ? { property: d.property } : {}),
        })),
      },
      isUnexpected: false,
    };
  }
  const status = (error as { statusCode?: number }).statusCode;
  if (typeof status === 'number' && status >= 400 && status < 500) {
    const [code, message] = frameworkErrors[status] ?? ['BAD_REQUEST', 'The request could not be understood'];
    return {
      status,
      body: { errors: [{ code, message }] },
      isUnexpected: false,
    };
  }
  return {
    status: 500,
    body: { errors: [{ code: 'INTERNAL', message: 'Something went wrong on our side' }] },
    isUnexpected: true,
  };
}
