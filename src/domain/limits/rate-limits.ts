import type { DomainContext } from '../context.js';
import { DomainError } from '../shared/errors.js';
import { hashToken } from '../staff/tokens.js';

const minute = 60_000;
const hour = 60 * minute;

/** A named limit: at most `limit` attempts per key in a fixed window of `windowMs`. */
export interface Limit {
  name: string;
  limit: number;
  windowMs: number;
  /** What the person is told when over it. */
  message: string;
}

const tooManySignIns = 'Too many sign-in attempts; wait a few minutes and try again';
const tooManyResets = 'Too many password reset requests; wait a few minutes and try again';

/** Every limit, in one place (docs/admin-api.md lists them). */
export const limits = {
  /** Password guesses for one account from one client address. */
  signInPerAddressAndAccount: {
    name: 'sign-in:ip+account',
    limit: 5,
    windowMs: 15 * minute,
    message: tooManySignIns,
  },
  /** Password sign-ins from one client address, whatever the account. */
  signInPerAddress: { name: 'sign-in:ip', limit: 20, windowMs: 15 * minute, message: tooManySignIns },
  /** Password guesses for one account from devices it does not know, from anywhere. */
  signInPerAccount: { name: 'sign-in:account', limit: 50, windowMs: hour, message: tooManySignIns },
  /** Codes tried on one pending session; then the session is void. */
  secondStepPerSession: {
    name: 'second-step:session',
    limit: 5,
    windowMs: 15 * minute,
    message: tooManySignIns,
  },
  /** Codes tried for one account over all its pending sessions. */
  secondStepPerAccount: { name: 'second-step:account', limit: 20, windowMs: hour, message: tooManySignIns },
  /** Sign-in link requests. */
  signInLinkPerAddress: {
    name: 'sign-in-link:ip',
    limit: 10,
    windowMs: 15 * minute,
    message: tooManySignIns,
  },
  signInLinkPerAccount: {
    name: 'sign-in-link:account',
    limit: 3,
    windowMs: 15 * minute,
    message: tooManySignIns,
  },
  resetPerAddress: { name: 'reset:ip', limit: 10, windowMs: 15 * minute, message: tooManyResets },
  resetPerAccount: { name: 'reset:account', limit: 3, windowMs: 15 * minute, message: tooManyResets },
  /** Invitation acceptances and first-run setups from one client address. */
  acceptPerAddress: {
    name: 'accept:ip',
    limit: 20,
    windowMs: 15 * minute,
    message: 'Too many attempts; wait a few minutes and try again',
  },
  signupPerAddress: { name: 'signup:ip', limit: 5, windowMs: hour, message: 'Too many signups' },
  /** Confirmation emails to one (normalised) address: beyond, nothing is sent and nobody is told. */
  confirmationsPerEmail: { name: 'signup:email', limit: 3, windowMs: 24 * hour, message: 'Too many signups' },
  /** Newsletter test emails one staff member sends to themselves. */
  testSendsPerStaff: {
    name: 'newsletter-test:staff',
    limit: 10,
    windowMs: 15 * minute,
    message: 'Too many test emails; wait a few minutes and try again',
  },
  uploadsPerAccount: {
    name: 'upload:account',
    limit: 60,
    windowMs: hour,
    message: 'Too many uploads; wait a while and try again',
  },
} satisfies Record<string, Limit>;

export interface TakeResult {
  allowed: boolean;
  /** Attempts left in this window after this one (0 when this was the last allowed, or over). */
  remaining: number;
  retryAfterSeconds: number;
}

/** RATE_LIMITED, with the seconds until the key may try again (the HTTP layer sends Retry-After). */
export class RateLimitedError extends DomainError {
  constructor(
    message: string,
    readonly retryAfterSeconds: number,
  ) {
    super('RATE_LIMITED', message);
  }
}

/**
 * Counts one attempt for `key` against `limit` in the database, so every process sharing it shares
 * the count. Only a hash of the key is stored (keys hold addresses and email addresses).
 */
export async function take(ctx: DomainContext, limit: Limit, key: string): Promise<TakeResult> {
  const now = ctx.clock.now();
  const { count, windowEndsAt } = await ctx.repos.rateLimits.increment(
    hashToken(`${limit.name}\n${key}`),
    now.toISOString(),
    new Date(now.getTime() + limit.windowMs).toISOString(),
  );
  const retryAfterSeconds = Math.max(1, Math.ceil((Date.parse(windowEndsAt) - now.getTime()) / 1000));
  return { allowed: count <= limit.limit, remaining: Math.max(0, limit.limit - count), retryAfterSeconds };
}

/** Counts an attempt; over the limit, throws RateLimitedError. */
export async function enforce(ctx: DomainContext, limit: Limit, key: string): Promise<void> {
  const result = await take(ctx, limit, key);
  if (!result.allowed) throw new RateLimitedError(limit.message, result.retryAfterSeconds);
}

/** Deletes counts whose window has ended (run by the hourly sweep). */
export function deleteExpiredLimits(ctx: DomainContext): Promise<number> {
  return ctx.repos.rateLimits.deleteExpired(ctx.clock.now().toISOString());
}
