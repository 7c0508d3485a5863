import type { DomainContext } from '../context.js';
import type { PostRecord } from '../ports.js';
import { DomainError, validationError } from '../shared/errors.js';
import { can, grantFor, type AdminActor, type Target } from '../staff/permissions.js';
import { figureMediaIds, type EditorDocument } from './editor-document.js';
import type { PostFields } from './post-input.js';

/**
 * What a save may point at beyond the post itself (docs/roles.md, "Rules beyond the matrix"): the
 * post it is a translation of, and the media it shows.
 */

/** What the role matrix is checked against: the post's authors, and whether it has ever been live. */
export async function targetOf(ctx: DomainContext, post: PostRecord): Promise<Target> {
  const authors = (await ctx.repos.posts.authorsFor([post.id])).get(post.id) ?? [];
  // Once live, always "published" for the rule: unpublishing does not hand a post back to a contributor.
  return {
    ownerIds: authors.map((a) => a.id),
    isPublished: post.status !== 'draft' || post.firstPublishedAt !== null,
  };
}

export function canRead(actor: AdminActor, post: Pick<PostRecord, 'type'>, target: Target): boolean {
  const grant = grantFor(actor.role, post.type, 'read');
  return grant === 'all' || (grant !== undefined && target.ownerIds.includes(actor.staffId));
}

/**
 * Linking a translation changes the original's group, so it takes the right to edit the original.
 * A post the actor may not read is "no such post", exactly like one that does not exist.
 */
async function checkTranslationOf(ctx: DomainContext, actor: AdminActor, originalId: string): Promise<void> {
  const original = await ctx.repos.posts.findById(originalId);
  const target = original && (await targetOf(ctx, original));
  if (!original || !target || !canRead(actor, original, target))
    throw validationError([{ property: 'translationOf', message: 'no such post' }]);
  if (!can(actor, 'update', original.type, target))
    throw new DomainError('FORBIDDEN', 'You may only link a translation to a post you may edit', [
      { property: 'translationOf', message: 'must be a post you may edit' },
    ]);
}

const bodyMedia = (bodyJson: string) => figureMediaIds(JSON.parse(bodyJson) as EditorDocument);

/**
 * Media a post may show: anything, for a role that may read the whole library; otherwise the
 * actor's own uploads and files already public on a published post. What the post already shows stays.
 */
async function checkMediaUse(
  ctx: DomainContext,
  actor: AdminActor,
  fields: { featuredImage?: PostFields['featuredImage']; body?: EditorDocument },
  current: PostRecord | undefined,
): Promise<void> {
  if (grantFor(actor.role, 'media', 'read') === 'all') return;
  const shown = new Set(current ? [current.featuredMediaId, ...bodyMedia(current.bodyJson)] : []);
  const wanted = [
    ...(fields.featuredImage ? [['featuredImage.mediaId', fields.featuredImage.mediaId]] : []),
    ...(fields.body ? figureMediaIds(fields.body).map((id) => ['body', id]) : []),
  ].filter(([, id]) => !shown.has(id!));
  for (const [property, id] of wanted) {
    const media = await ctx.repos.media.findById(id!);
    if (!media || media.uploadedBy === actor.staffId) continue; // unknown media is the save's own error
    const users = await ctx.repos.posts.usingMedia(media.id);
    if (users.some((p) => p.status === 'published')) continue;
    throw validationError([{ property: property!, message: 'no such media' }]);
  }
}

/** Checks a save's links to other content before anything is written. */
export async function checkLinks(
  ctx: DomainContext,
  actor: AdminActor,
  fields: PostFields,
  current?: PostRecord,
): Promise<void> {
  if (typeof fields.translationOf === 'string') await checkTranslationOf(ctx, actor, fields.translationOf);
  await checkMediaUse(ctx, actor, fields, current);
}
