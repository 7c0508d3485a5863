import type { ContentChange, ContentEvents } from './ports.js';

export type ContentListener = (change: ContentChange) => void;

const everything: ContentChange = { everything: true };

/**
 * Fan-out of "content changed". Local listeners (page caches) hear every change with what it shows
 * on; broadcasters tell other processes (PostgreSQL NOTIFY, cluster IPC), whose own changes come
 * back in through `remoteChanged`.
 */
export class ContentEventHub implements ContentEvents {
  private readonly listeners = new Set<ContentListener>();
  private readonly broadcasters = new Set<ContentListener>();
  private changes = 0;

  contentChanged(change: ContentChange = everything): void {
    this.remoteChanged(change);
    for (const broadcast of this.broadcasters) broadcast(change);
  }

  /** A change made by another process: tell local listeners only. */
  remoteChanged(change: ContentChange = everything): void {
    this.changes++;
    for (const listener of this.listeners) listener(change);
  }

  subscribe(listener: ContentListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  addBroadcaster(broadcast: ContentListener): void {
    this.broadcasters.add(broadcast);
  }

  get changeCount(): number {
    return this.changes;
  }
}

/** A change as it travels between processes; anything unreadable means everything. */
export function parseContentChange(value: unknown): ContentChange {
  if (!value || typeof value !== 'object') return everything;
  const v = value as Record<string, unknown>;
  if (v.everything === true) return everything;
  const strings = (x: unknown) =>
    Array.isArray(x) && x.every((s) => typeof s === 'string') ? (x as string[]) : undefined;
  const [posts, tags, authors] = [strings(v.posts), strings(v.tags), strings(v.authors)];
  if ((v.posts && !posts) || (v.tags && !tags) || (v.authors && !authors)) return everything;
  return {
    posts: posts ?? [],
    tags: tags ?? [],
    authors: authors ?? [],
    isListed: v.isListed === true,
    isTopicListed: v.isTopicListed === true,
    isCorrectionListed: v.isCorrectionListed === true,
  };
}
