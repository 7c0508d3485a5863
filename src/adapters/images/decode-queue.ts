/**
 * A fixed number of image decodes at a time, however many uploads arrive at once: decoding is where
 * an image's memory is spent, so this bound (times the decoded-size budget) bounds that memory.
 * Tasks wait their turn in arrival order. Per process: a cluster has one queue per worker.
 */
export class DecodeQueue {
  private active = 0;
  private readonly waiting: (() => void)[] = [];
  /** What the queue has seen since it was made (or last reset): for tests and metrics. */
  readonly stats = { started: 0, maxActive: 0, maxWaiting: 0 };

  constructor(readonly concurrency: number) {}

  async run<T>(task: () => Promise<T>): Promise<T> {
    if (this.active >= this.concurrency) {
      // A finishing task hands its slot straight to the next in line, so none can slip in between.
      await new Promise<void>((resolve) => {
        this.waiting.push(resolve);
        this.stats.maxWaiting = Math.max(this.stats.maxWaiting, this.waiting.length);
      });
    } else this.active++;
    this.stats.started++;
    this.stats.maxActive = Math.max(this.stats.maxActive, this.active);
    try {
      return await task();
    } finally {
      const next = this.waiting.shift();
      if (next) next();
      else this.active--;
    }
  }

  resetStats(): void {
    Object.assign(this.stats, { started: 0, maxActive: this.active, maxWaiting: this.waiting.length });
  }
}

/** How many images this process decodes at once. */
export const imageDecodeConcurrency = 1;
export const imageDecodeQueue = new DecodeQueue(imageDecodeConcurrency);
