import type { DomainContext } from '../context.js';
import type { BlobStore, SnapshotRecord } from '../ports.js';

export interface PublicSnapshot {
  snapshot: SnapshotRecord;
  /** The sanitized content, as it was stored. */
  html: string;
  /** The language of the post that cites it, for the banner. */
  language: string;
}

/**
 * A snapshot as readers may see it: only while the post that cites its source is published, so an
 * archive never shows what a draft or an unpublished post cites.
 */
export async function readPublicSnapshot(
  ctx: DomainContext,
  snapshots: BlobStore,
  id: string,
): Promise<PublicSnapshot | undefined> {
  if (!/^[0-9a-f]{24}$/.test(id)) return undefined;
  const snapshot = await ctx.repos.sources.findSnapshot(id);
  if (!snapshot) return undefined;
  const source = await ctx.repos.sources.findById(snapshot.sourceId);
  const post = source && (await ctx.repos.posts.findById(source.postId));
  if (!post || post.status !== 'published') return undefined;
  const body = await snapshots.get(snapshot.blobKey);
  if (!body) return undefined;
  return { snapshot, html: body.toString('utf8'), language: post.language };
}
