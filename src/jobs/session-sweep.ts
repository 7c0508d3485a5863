import type { DomainContext } from '../domain/context.js';
import { deleteOldConfirmations } from '../domain/members/signup.js';
import { deleteExpiredSessions } from '../domain/staff/accounts.js';
import { startPeriodicJob, type JobHandle } from './periodic.js';

/**
 * Deletes expired staff sessions and old signup confirmations (they can no longer be used; this only
 * keeps the tables small).
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
    },
    onError,
    intervalMs,
  );
}
