import type { DomainContext } from '../domain/context.js';
import { drainRelatedJobs } from '../domain/posts/related-job.js';
import { startWakeableJob, type WakeableJob } from './wakeable-job.js';

/** A wake after a local save: a burst of saves (autosaves, an import) becomes one run. */
export type RelatedPostsJob = WakeableJob;

/**
 * Keeps "Check Also" up to date from the `related_jobs` queue, off the request path. Each step is
 * one transaction (see src/jobs/README.md): killing the process at any instant loses nothing, and
 * the next start carries on with the queue as the database holds it.
 */
export function startRelatedPosts(
  ctx: DomainContext,
  onError: (error: unknown) => void,
  intervalMs = 1000,
): RelatedPostsJob {
  return startWakeableJob((signal) => drainRelatedJobs(ctx, { signal }), onError, intervalMs);
}
