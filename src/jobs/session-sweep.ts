import type { DomainContext } from '../domain/context.js';
import { deleteExpiredSessions } from '../domain/staff/accounts.js';
import { startPeriodicJob, type JobHandle } from './periodic.js';

/** Deletes expired staff sessions (they can no longer be used; this only keeps the table small). */
export function startSessionSweep(
  ctx: DomainContext,
  onError: (error: unknown) => void,
  intervalMs = 3600_000,
): JobHandle {
  return startPeriodicJob(() => deleteExpiredSessions(ctx), onError, intervalMs);
}
