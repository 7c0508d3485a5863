import type { DomainContext } from '../context.js';
import type { LinkCheckRecord, LinkHealthRow, LinkState, SnapshotRecord, SourceRecord } from '../ports.js';
import { targetOf } from '../posts/post-access.js';
import { DomainError, notFound } from '../shared/errors.js';
import { assertCan, grantFor, type AdminActor } from '../staff/permissions.js';
import { inTransaction } from '../transaction.js';
import { wakeAfterCommit } from './archive-queue.js';

export interface LinkHealthPage {
  rows: LinkHealthRow[];
  /** The cursor of the next page (the last row's source id), null on the last page. */
  next: string | null;
}

/**
 * The link-health screen: every cited source of a state (all when none is asked), with its post, a
 * keyset page at a time. It shows every post's sources, so it takes the right to read every post.
 */
export async function listLinkHealth(
  ctx: DomainContext,
  actor: AdminActor,
  query: { state?: LinkState; after?: string; limit: number },
): Promise<LinkHealthPage> {
  if (grantFor(actor.role, 'post', 'read') !== 'all')
    throw new DomainError('FORBIDDEN', `Your role (${actor.role}) may not see every post's sources`);
  const rows = await ctx.repos.sources.linkHealth(
    { ...(query.state ? { state: query.state } : {}), ...(query.after ? { afterId: query.after } : {}) },
    query.limit + 1,
  );
  const page = rows.slice(0, query.limit);
  return { rows: page, next: rows.length > query.limit ? page.at(-1)!.source.id : null };
}

export interface SourceHistory {
  source: SourceRecord;
  checks: LinkCheckRecord[];
  snapshots: SnapshotRecord[];
}

/** One source's record: its link checks (newest first, the last 50) and its snapshots. */
export async function sourceHistory(
  ctx: DomainContext,
  actor: AdminActor,
  sourceId: string,
): Promise<SourceHistory> {
  const { source } = await sourceForActor(ctx, actor, sourceId, 'read');
  const [checks, snapshots] = await Promise.all([
    ctx.repos.sources.checksOf(sourceId, 50),
    ctx.repos.sources.snapshotsOf(sourceId),
  ]);
  return { source, checks, snapshots };
}

/** "Re-archive now": queues the source for a fresh snapshot (its earlier ones stay) and wakes the job. */
export async function reArchiveSource(
  ctx: DomainContext,
  actor: AdminActor,
  sourceId: string,
): Promise<SourceRecord> {
  return inTransaction(ctx, async (tx) => {
    const { post } = await sourceForActor(tx, actor, sourceId, 'update');
    if (post.status !== 'published')
      throw new DomainError('CONFLICT', 'Only the sources of a published post are archived');
    await tx.repos.sources.queueArchive([sourceId], tx.clock.now().toISOString());
    wakeAfterCommit(tx);
    return (await tx.repos.sources.findById(sourceId))!;
  });
}

async function sourceForActor(
  ctx: DomainContext,
  actor: AdminActor,
  sourceId: string,
  action: 'read' | 'update',
) {
  const source = await ctx.repos.sources.findById(sourceId);
  const post = source && (await ctx.repos.posts.findById(source.postId));
  if (!source || !post) throw notFound('Source');
  const target = await targetOf(ctx, post);
  if (
    action === 'read' &&
    grantFor(actor.role, post.type, 'read') !== 'all' &&
    !target.ownerIds.includes(actor.staffId)
  )
    throw notFound('Source');
  assertCan(actor, action, post.type, target);
  return { source, post };
}
