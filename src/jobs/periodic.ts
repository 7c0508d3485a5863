export interface JobHandle {
  stop(): void;
}

/** Runs `work` now and then every `intervalMs`, never two runs at once; failures go to `onError`. */
export function startPeriodicJob(
  work: () => Promise<unknown>,
  onError: (error: unknown) => void,
  intervalMs: number,
): JobHandle {
  let isRunning = false;
  const tick = async () => {
    if (isRunning) return;
    isRunning = true;
    try {
      await work();
    } catch (error) {
      onError(error);
    } finally {
      isRunning = false;
    }
  };
  void tick();
  const timer = setInterval(tick, intervalMs);
  timer.unref();
  return { stop: () => clearInterval(timer) };
}
