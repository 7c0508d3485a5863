import type { DomainContext } from '../context.js';
import { applyRelatedChange, bulkBuildFrom, rebuildAllRelated } from './related-posts.js';

export type RelatedStep =
  | { kind: 'idle' }
  /** Another process holds the worker lock (PostgreSQL); it works the queue meanwhile. */
  | { kind: 'busy' }
  | { kind: 'done'; postId: string; touched: string[] }
  /** Every list rebuilt at once (a long queue, as on the first start after migration 012). */
  | { kind: 'built'; jobs: number };

/**
 * Takes the oldest queued post and brings "Check Also" up to date with it, in one transaction: the
 * stored documents, the lists, and the queue row change together or not at all, so a process killed
 * at any instant leaves the queue row for the next start. Then drops the cached pages that show a
 * changed list.
 */
export async function runRelatedStep(ctx: DomainContext): Promise<RelatedStep> {
  const now = ctx.clock.now().toISOString();
  const step = await ctx.repos.transaction(async (repos): Promise<RelatedStep> => {
    if (!(await repos.related.lockWorker(now))) return { kind: 'busy' };
    const pending = await repos.related.pendingCount();
    if (pending >= bulkBuildFrom && pending * 4 >= (await repos.related.documentCount())) {
      const jobs = await repos.related.nextJobs(pending);
      await rebuildAllRelated(
        repos,
        jobs.map((j) => j.postId),
      );
      for (const job of jobs) await repos.related.finishJob(job);
      return { kind: 'built', jobs: jobs.length };
    }
    const [job] = await repos.related.nextJobs(1);
    if (!job) return { kind: 'idle' };
    const touched = await applyRelatedChange(repos, job.postId);
    await repos.related.finishJob(job);
    return { kind: 'done', postId: job.postId, touched };
  });
  if (step.kind === 'done') await announce(ctx, step.touched);
  if (step.kind === 'built') ctx.events.contentChanged();
  return step;
}

async function announce(ctx: DomainContext, postIds: string[]): Promise<void> {
  const posts = await ctx.repos.posts.list(
    { ids: postIds, statuses: ['published'] },
    { offset: 0, limit: postIds.length },
    'teaser',
  );
  if (posts.length > 0) ctx.events.contentChanged({ posts: posts.map((p) => p.slug) });
}

export interface DrainOptions {
  /** Stops between steps when aborted (a step itself always finishes or rolls back). */
  signal?: AbortSignal;
  /** Called after each finished step. */
  onStep?: (step: Extract<RelatedStep, { kind: 'done' | 'built' }>) => void;
}

/**
 * Runs steps until the queue is empty (or another process is working it); returns how many queued
 * posts were done (a bulk build counts every post it did).
 */
export async function drainRelatedJobs(ctx: DomainContext, options: DrainOptions = {}): Promise<number> {
  let steps = 0;
  while (!options.signal?.aborted) {
    const step = await runRelatedStep(ctx);
    if (step.kind !== 'done' && step.kind !== 'built') break;
    steps += step.kind === 'built' ? step.jobs : 1;
    options.onStep?.(step);
    // Lets requests in between steps: a long queue never holds the event loop.
    await new Promise((resolve) => setImmediate(resolve));
  }
  return steps;
}
