import type { DomainContext } from '../context.js';
import type { PostRecord, Repositories, RevisionRecord } from '../ports.js';
import { notFound } from '../shared/errors.js';
import { newId } from '../shared/ids.js';
import type { AdminActor } from '../staff/permissions.js';
import type { EditorDocument } from './editor-document.js';
import type { UpdatePostInput } from './post-input.js';
import { inTransaction } from '../transaction.js';

/** Revisions kept per post; older ones are dropped as new ones come. */
const revisionsKept = 50;

/** The editable content of a post, as a revision stores it (status and dates are not content). */
export type RevisionSnapshot = Omit<UpdatePostInput, 'type' | 'status' | 'publishedAt'>;

/** Reads a post's content as it is stored now, in the shape the post input schema takes. */
export async function snapshotOf(repos: Repositories, post: PostRecord): Promise<RevisionSnapshot> {
  const [authors, tagIds, sources] = await Promise.all([
    repos.posts.authorsFor([post.id]),
    repos.posts.tagIdsFor([post.id]),
    repos.posts.sourcesFor([post.id]),
  ]);
  return {
    title: post.title,
    slug: post.slug,
    standfirst: post.standfirst,
    excerpt: post.excerpt,
    body: JSON.parse(post.bodyJson) as EditorDocument,
    language: post.language,
    authorIds: (authors.get(post.id) ?? []).map((a) => a.id),
    tagIds: tagIds.get(post.id) ?? [],
    featuredImage: post.featuredMediaId
      ? {
          mediaId: post.featuredMediaId,
          alt: post.featuredAlt,
          caption: post.featuredCaption,
          credit: post.featuredCredit,
        }
      : null,
    sources: (sources.get(post.id) ?? []).map(({ publisher, title, url, note }) => ({
      publisher,
      title,
      url,
      note,
    })),
    canonicalUrl: post.canonicalUrl,
    metaTitle: post.metaTitle,
    metaDescription: post.metaDescription,
    ogTitle: post.ogTitle,
    ogDescription: post.ogDescription,
    twitterTitle: post.twitterTitle,
    twitterDescription: post.twitterDescription,
    promotionMode: post.promotionMode,
    promotionId: post.promotionId,
    isFeatured: post.isFeatured,
    workType: post.workType,
    dateline: post.dateline,
  };
}

/**
 * Records a post's current content as a revision, in the transaction of the save it records. An
 * autosave replaces the author's previous autosave, so typing for an hour leaves one autosave, not
 * hundreds.
 */
export async function recordRevision(
  ctx: DomainContext,
  actor: AdminActor,
  post: PostRecord,
  options: { isAutosave: boolean; snapshot?: RevisionSnapshot },
): Promise<void> {
  await inTransaction(ctx, async ({ repos }) => {
    const latest = await repos.revisions.latest(post.id);
    if (options.isAutosave && latest?.isAutosave && latest.staffId === actor.staffId)
      await repos.revisions.delete(latest.id);
    const snapshot = options.snapshot ?? (await snapshotOf(repos, post));
    const revision: RevisionRecord = {
      id: newId(ctx.clock.now()),
      postId: post.id,
      staffId: actor.staffId,
      staffName: actor.name,
      title: snapshot.title ?? post.title,
      isAutosave: options.isAutosave,
      snapshot: JSON.stringify(snapshot),
      createdAt: laterThan(latest, ctx.clock.now()),
    };
    await repos.revisions.insert(revision);
    await repos.revisions.prune(post.id, revisionsKept);
  });
}

/** Two saves within one millisecond still sort in the order they were made. */
function laterThan(latest: RevisionRecord | undefined, now: Date): string {
  const previous = latest ? Date.parse(latest.createdAt) : Number.NaN;
  return new Date(previous >= now.getTime() ? previous + 1 : now.getTime()).toISOString();
}

export async function revisionSnapshot(
  ctx: DomainContext,
  postId: string,
  revisionId: string,
): Promise<RevisionSnapshot> {
  const revision = await ctx.repos.revisions.findById(revisionId);
  if (!revision || revision.postId !== postId) throw notFound('Revision');
  return JSON.parse(revision.snapshot) as RevisionSnapshot;
}
