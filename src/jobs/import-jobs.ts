import type { DomainContext } from '../domain/context.js';
import type { ImportJobPorts } from '../domain/import/import-job-ports.js';
import { drainImportJobs } from '../domain/import/import-job-work.js';
import type { JobHandle } from './periodic.js';

/**
 * Works the imports asked for in the admin (src/jobs/README.md, "import-jobs"): plans (dry runs),
 * then imports, each import one transaction. Killing the process at any instant loses nothing: a
 * plan is taken up again, an import runs again whole at the next tick or start.
 */
export function startImportJobs(
  ctx: DomainContext,
  options: { ports: ImportJobPorts; isOnlyProcess: boolean; onError: (error: unknown) => void },
  intervalMs = 2000,
): JobHandle & { idle(): Promise<void>; wake(): void } {
  const controller = new AbortController();
  let running: Promise<void> | undefined;
  let isFirstRun = options.isOnlyProcess;
  const run = () => {
    if (running || controller.signal.aborted) return;
    running = drainImportJobs(ctx, {
      ports: options.ports,
      signal: controller.signal,
      isFirstRun,
      onError: options.onError,
    })
      .catch(options.onError)
      .finally(() => {
        isFirstRun = false;
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
    wake: run,
    idle: async () => {
      while (running) await running;
    },
  };
}
