import type { DomainContext } from '../domain/context.js';
import { drainMediaVariants, releaseVariantClaims } from '../domain/media/media-variants.js';
import { processClaimer } from './newsletter-sending.js';
import type { JobHandle } from './periodic.js';

export interface MediaVariantsJobOptions {
  /** Other processes may share the database (PostgreSQL, a cluster): their claims are left to run out. */
  isShared: boolean;
  intervalMs?: number;
  leaseMs?: number;
}

/**
 * Makes the responsive variants of imported images (src/jobs/README.md, "media-variants"), one
 * image at a time, off every request. Killing the process at any instant loses nothing: an image
 * whose variants were not recorded is made again, by this process at its next start or by another
 * once the claim runs out.
 */
export function startMediaVariants(
  ctx: DomainContext,
  options: MediaVariantsJobOptions,
  onError: (error: unknown) => void,
): JobHandle & { idle(): Promise<void> } {
  const controller = new AbortController();
  const claimer = processClaimer();
  let running: Promise<void> | undefined;
  // The only process that works the queue: every claim it finds is a dead process's.
  let isFirst = !options.isShared;
  const run = () => {
    if (running || controller.signal.aborted) return;
    const release = isFirst ? releaseVariantClaims(ctx) : Promise.resolve();
    isFirst = false;
    running = release
      .then(() =>
        drainMediaVariants(ctx, {
          claimer,
          signal: controller.signal,
          ...(options.leaseMs ? { leaseMs: options.leaseMs } : {}),
        }),
      )
      .then(() => undefined, onError)
      .finally(() => {
        running = undefined;
      });
  };
  run();
  const timer = setInterval(run, options.intervalMs ?? 2000);
  timer.unref();
  return {
    stop() {
      controller.abort();
      clearInterval(timer);
    },
    idle: async () => {
      while (running) await running;
    },
  };
}
