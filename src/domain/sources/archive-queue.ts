import type { DomainContext } from '../context.js';
import type { PostRecord } from '../ports.js';
import { afterCommit } from '../transaction.js';

type ArchiveWaker = () => void;
const wakers = new Set<ArchiveWaker>();

/** The archive job of this process asks to be woken when a commit queued work for it. */
export function onArchiveQueued(waker: ArchiveWaker): () => void {
  wakers.add(waker);
  return () => wakers.delete(waker);
}

/**
 * Queues archiving inside the save's transaction, so a committed publish always has its job: every
 * source not yet archived when the post goes live, and the sources a save adds to a live post. The
 * job in this process is woken once the transaction has committed.
 */
export async function queueArchiving(
  tx: DomainContext,
  input: { post: Pick<PostRecord, 'id' | 'status'>; wasPublished: boolean; added: string[] },
): Promise<void> {
  if (input.post.status !== 'published') return;
  const now = tx.clock.now().toISOString();
  if (!input.wasPublished) {
    const queued = await tx.repos.sources.queueUnarchivedOfPost(input.post.id, now);
    if (queued.length > 0) wakeAfterCommit(tx);
    return;
  }
  if (input.added.length === 0) return;
  await tx.repos.sources.queueArchive(input.added, now);
  wakeAfterCommit(tx);
}

export function wakeAfterCommit(tx: DomainContext): void {
  afterCommit(tx, () => {
    for (const wake of wakers) wake();
  });
}
