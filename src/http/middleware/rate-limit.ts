/**
 * Counts attempts per key in fixed windows, in this process's memory. Enough for login and signup
 * on one machine; with several processes each keeps its own count (the limit is per process).
 */
/** The window of every sign-in, reset and signup limit. */
export const fifteenMinutes = 15 * 60 * 1000;

export class RateLimiter {
  private readonly windows = new Map<string, { startedAt: number; count: number }>();

  constructor(
    private readonly limit: number,
    private readonly windowMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** Records an attempt; false when the key has used up its attempts in this window. */
  take(key: string): boolean {
    const now = this.now();
    if (this.windows.size > 50_000) this.sweep(now);
    const window = this.windows.get(key);
    if (!window || now - window.startedAt >= this.windowMs) {
      this.windows.set(key, { startedAt: now, count: 1 });
      return true;
    }
    window.count++;
    return window.count <= this.limit;
  }

  /** Seconds until the key may try again. */
  retryAfter(key: string): number {
    const window = this.windows.get(key);
    return window ? Math.max(1, Math.ceil((window.startedAt + this.windowMs - this.now()) / 1000)) : 0;
  }

  private sweep(now: number): void {
    for (const [key, window] of this.windows)
      if (now - window.startedAt >= this.windowMs) this.windows.delete(key);
  }
}
