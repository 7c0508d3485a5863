import type { ContentEvents } from './ports.js';

/** In-process fan-out of "content changed"; caches subscribe. */
export class ContentEventHub implements ContentEvents {
  private readonly listeners = new Set<() => void>();
  private changes = 0;

  contentChanged(): void {
    this.changes++;
    for (const listener of this.listeners) listener();
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  get changeCount(): number {
    return this.changes;
  }
}
