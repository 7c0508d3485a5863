import type { DomainContext } from '../domain/context.js';
import { drainRelatedJobs } from '../domain/posts/related-job.js';
import type { JobHandle } from './periodic.js';

export interface RelatedPostsJob extends JobHandle {
  /** Asks for a run soon (after a local save), instead of at the next tick. */
  wake(): void;
  /** Resolves when the run in progress (if any) has finished. */
  idle(): Promise<void>;
}

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
  const controller = new AbortController();
  let running: Promise<void> | undefined;
  let isAgain = false;
  const run = () => {
    if (controller.signal.aborted) return;
    if (running) {
      isAgain = true;
      return;
    }
    running = drainRelatedJobs(ctx, { signal: controller.signal })
      .then(() => undefined, onError)
      .finally(() => {
        running = undefined;
        if (isAgain) {
          isAgain = false;
          run();
        }
      });
  };
  run();
  const timer = setInterval(run, intervalMs);
  timer.unref();
  let wakeTimer: NodeJS.Timeout | undefined;
  return {
    stop() {
      controller.abort();
      clearInterval(timer);
      clearTimeout(wakeTimer);
    },
    wake() {
      // A burst of saves (autosaves, an import) becomes one run: the queue coalesces them.
      clearTimeout(wakeTimer);
      wakeTimer = setTimeout(run, 50);
      wakeTimer.unref();
    },
    idle: async () => {
      while (running) await running;
    },
  };
}
