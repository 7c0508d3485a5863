export interface JobHandle {
  stop(): void;
  /** Resolves when the run in progress (if any) has finished. */
  idle?(): Promise<void>;
}

/** Runs `work` now and then every `intervalMs`, never two runs at once; failures go to `onError`. */
export function startPeriodicJob(
  work: () => Promise<unknown>,
  onError: (error: unknown) => void,
  intervalMs: number,
): Required<JobHandle> {
  let running: Promise<void> | undefined;
  let isStopped = false;
  const tick = () => {
    if (running || isStopped) return;
    running = work()
      .then(() => undefined, onError)
      .finally(() => {
        running = undefined;
      });
  };
  tick();
  const timer = setInterval(tick, intervalMs);
  timer.unref();
  return {
    stop: () => {
      isStopped = true;
      clearInterval(timer);
    },
    idle: async () => {
      while (running) await running;
    },
  };
}
