import type { JobHandle } from './periodic.js';

export interface WakeableJob extends JobHandle {
  /** Asks for a run soon instead of at the next tick. */
  wake(): void;
  /** Resolves when the run in progress (if any) has finished. */
  idle(): Promise<void>;
}

/**
 * Runs `work` now, every `intervalMs` and when woken; never two runs at once (a wake during a run
 * asks for one more). `stop` aborts the signal the run was given.
 */
export function startWakeableJob(
  work: (signal: AbortSignal) => Promise<unknown>,
  onError: (error: unknown) => void,
  intervalMs: number,
): WakeableJob {
  const controller = new AbortController();
  let running: Promise<void> | undefined;
  let isAgain = false;
  const run = () => {
    if (controller.signal.aborted) return;
    if (running) {
      isAgain = true;
      return;
    }
    running = work(controller.signal)
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
      clearTimeout(wakeTimer);
      wakeTimer = setTimeout(run, 50);
      wakeTimer.unref();
    },
    idle: async () => {
      while (running) await running;
    },
  };
}
