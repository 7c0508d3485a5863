import type { DomainContext } from '../domain/context.js';
import { drainMemberImports } from '../domain/members/member-import.js';
import type { JobHandle } from './periodic.js';

/**
 * Works queued member CSV imports (src/jobs/README.md, "member-import"), a batch per transaction.
 * Killing the process at any instant loses nothing: the next start carries on from the last
 * committed batch.
 */
export function startMemberImports(
  ctx: DomainContext,
  onError: (error: unknown) => void,
  intervalMs = 1000,
): JobHandle & { idle(): Promise<void> } {
  const controller = new AbortController();
  let running: Promise<void> | undefined;
  const run = () => {
    if (running || controller.signal.aborted) return;
    running = drainMemberImports(ctx, { signal: controller.signal })
      .catch(onError)
      .finally(() => {
        running = undefined;
      });
  };
  run();
  const timer = setInterval(run, intervalMs);
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
