import type { ContentEvents } from './ports.js';

/**
 * Fan-out of "content changed". Local listeners (page caches) hear every change; broadcasters tell
 * other processes (PostgreSQL NOTIFY), whose own changes come back in through `remoteChanged`.
 */
export class ContentEventHub implements ContentEvents {
  private readonly listeners = new Set<() => void>();
  private readonly broadcasters = new Set<() => void>();
  private changes = 0;

  contentChanged(): void {
    this.remoteChanged();
    for (const broadcast of this.broadcasters) broadcast();
  }

  /** A change made by another process: tell local listeners only. */
  remoteChanged(): void {
    this.changes++;
    for (const listener of this.listeners) listener();
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  addBroadcaster(broadcast: () => void): void {
    this.broadcasters.add(broadcast);
  }

  get changeCount(): number {
    return this.changes;
  }
}
