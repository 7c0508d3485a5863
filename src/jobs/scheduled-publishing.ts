import type { DomainContext } from '../domain/context.js';
import { publishDuePosts } from '../domain/posts/save-post.js';
import { systemActor } from '../domain/staff/permissions.js';
import { startPeriodicJob, type JobHandle } from './periodic.js';

/**
 * Publishes scheduled posts when their time comes. State lives in the posts table (status and
 * publish time), so the job keeps nothing in memory: after a crash or restart the first tick
 * publishes everything that came due meanwhile. Running it in several processes is harmless:
 * publishing an already published post changes nothing.
 */
export function startScheduledPublishing(
  ctx: DomainContext,
  onError: (error: unknown) => void,
  intervalMs = 10_000,
): JobHandle {
  const actor = systemActor('scheduled publishing');
  return startPeriodicJob(() => publishDuePosts(ctx, actor), onError, intervalMs);
}
