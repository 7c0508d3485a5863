import { setTimeout as delay } from 'node:timers/promises';

/**
 * Politeness towards the sites we cite: requests to one host are at least `spacingMs` apart (in this
 * process), whatever the concurrency across hosts.
 */
export function createHostPacer(spacingMs: number): (url: string) => Promise<void> {
  const nextAllowed = new Map<string, number>();
  return async (url: string) => {
    const host = hostOf(url);
    const now = Date.now();
    const at = Math.max(now, nextAllowed.get(host) ?? 0);
    nextAllowed.set(host, at + spacingMs);
    if (nextAllowed.size > 10_000) forgetPast(nextAllowed, now);
    if (at > now) await delay(at - now);
  };
}

function forgetPast(map: Map<string, number>, now: number): void {
  for (const [host, at] of map) if (at < now) map.delete(host);
}

function hostOf(url: string): string {
  try {
    return new URL(url).host.toLowerCase();
  } catch {
    return url;
  }
}

/** Runs `work` over `items` with at most `limit` at once; resolves when every one has settled. */
export async function forEachBounded<T>(
  items: readonly T[],
  limit: number,
  work: (item: T) => Promise<void>,
): Promise<void> {
  let next = 0;
  const lane = async () => {
    while (next < items.length) await work(items[next++]!);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, lane));
}
