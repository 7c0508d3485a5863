export type ErrorCode =
  | 'NOT_FOUND'
  | 'VALIDATION'
  | 'CONFLICT'
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'RATE_LIMITED'
  | 'PAYLOAD_TOO_LARGE'
  | 'UNSUPPORTED_MEDIA_TYPE';

export interface ErrorDetail {
  property?: string;
  message: string;
}

/** The few errors the domain raises; the HTTP layer maps each code to a status in one place. */
export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details: ErrorDetail[] = [],
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

export const notFound = (what: string) => new DomainError('NOT_FOUND', `${what} not found`);
export const conflict = (message: string, property?: string) =>
  new DomainError('CONFLICT', message, [{ message, ...(property ? { property } : {}) }]);
export const validationError = (details: ErrorDetail[]) =>
  new DomainError(
    'VALIDATION',
    details.map((d) => (d.property ? `${d.property}: ${d.message}` : d.message)).join('; '),
    details,
  );
export const forbidden = (message = 'You may not do that') => new DomainError('FORBIDDEN', message);
