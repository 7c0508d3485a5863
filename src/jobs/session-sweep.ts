import type { DomainContext } from '../domain/context.js';
import { deleteExpiredIdempotencyKeys } from '../domain/idempotency/idempotent-create.js';
import { deleteOldConfirmations } from '../domain/members/signup.js';
import { deleteExpiredLimits } from '../domain/limits/rate-limits.js';
import { deleteExpiredSessions } from '../domain/staff/accounts.js';
import { deleteExpiredSignInData } from '../domain/staff/sign-in.js';
import { startPeriodicJob, type JobHandle } from './periodic.js';

/**
 * Deletes expired staff sessions, sign-in links, remembered devices, limit counts and Idempotency-Keys
 * (after 24 hours), old signup confirmations and the members who never confirmed (a week after their confirmations expired).
 * What it deletes can no longer be used; this keeps the tables small and forgets unconfirmed addresses.
 */
export function startSessionSweep(
  ctx: DomainContext,
  onError: (error: unknown) => void,
  intervalMs = 3600_000,
): JobHandle {
  return startPeriodicJob(
    async () => {
      await deleteExpiredSessions(ctx);
      await deleteOldConfirmations(ctx);
      await deleteExpiredSignInData(ctx);
      await deleteExpiredLimits(ctx);
      await deleteExpiredIdempotencyKeys(ctx);
    },
    onError,
    intervalMs,
  );
}
