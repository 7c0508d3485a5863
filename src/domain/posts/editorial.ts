import type { DomainContext } from '../context.js';
import type { PostFilter, PostRecord } from '../ports.js';
import { DomainError, notFound, validationError } from '../shared/errors.js';
import { parseInput } from '../shared/validate.js';
import { assertCan, grantFor, type AdminActor, type Target } from '../staff/permissions.js';
import { canRead, checkLinks, targetOf } from './post-access.js';
import { updatePostSchema, type CreatePostInput, type UpdatePostInput } from './post-input.js';
import type { PostStatus, PostType } from './post.types.js';
import { recordRevision, revisionSnapshot, snapshotOf } from './revisions.js';
import { createPost, deletePost, updatePost } from './save-post.js';
import { inTransaction } from '../transaction.js';

/**
 * The admin's post operations: the role matrix (docs/roles.md) applied to the save operations in
 * save-post.ts, with a revision recorded after every change. Each operation is one transaction: what
 * it checked, what it wrote and the revision commit together, or none of it does.
 */

export interface AdminPostQuery {
  status?: PostStatus;
  authorId?: string;
  tagId?: string;
  language?: string;
  q?: string;
}

/**
 * What the actor may list, as a query filter: own-only readers see only posts they author. The
 * query's `q` is not part of it: a search goes through the search index with this filter.
 */
export function adminPostFilter(actor: AdminActor, type: PostType, query: AdminPostQuery): PostFilter {
  const grant = grantFor(actor.role, type, 'read');
  if (!grant) throw new DomainError('FORBIDDEN', `Your role (${actor.role}) may not read ${type}s`);
  const filter: PostFilter = {
    types: [type],
    ...(query.status ? { statuses: [query.status] } : {}),
    ...(query.tagId ? { tagId: query.tagId } : {}),
    ...(query.language ? { language: query.language } : {}),
    ...(query.authorId ? { authorId: query.authorId } : {}),
  };
  if (grant === 'all') return filter;
  if (query.authorId && query.authorId !== actor.staffId) return { ...filter, ids: [] };
  return { ...filter, authorId: actor.staffId };
}

/** A post the actor may read; anything else is NOT_FOUND, so its existence does not leak. */
export async function loadPostFor(
  ctx: DomainContext,
  actor: AdminActor,
  type: PostType,
  id: string,
): Promise<{ post: PostRecord; target: Target }> {
  return readableFor(ctx, actor, type, await ctx.repos.posts.findById(id));
}

/** Like loadPostFor, for a change: read (and on PostgreSQL locked) in the change's transaction. */
export async function loadPostForChange(tx: DomainContext, actor: AdminActor, type: PostType, id: string) {
  return readableFor(tx, actor, type, await tx.repos.posts.findForChange(id));
}

async function readableFor(
  ctx: DomainContext,
  actor: AdminActor,
  type: PostType,
  post: PostRecord | undefined,
): Promise<{ post: PostRecord; target: Target }> {
  if (!post || post.type !== type) throw notFound(type === 'page' ? 'Page' : 'Post');
  const target = await targetOf(ctx, post);
  if (!canRead(actor, post, target)) throw notFound(type === 'page' ? 'Page' : 'Post');
  return { post, target };
}

/** Whoever may only change their own posts must stay among its authors. */
function checkAuthorship(actor: AdminActor, type: PostType, authorIds: string[] | undefined): void {
  if (authorIds === undefined || grantFor(actor.role, type, 'update') === 'all') return;
  if (!authorIds.includes(actor.staffId))
    throw new DomainError('FORBIDDEN', 'You must stay one of the authors', [
      { property: 'authorIds', message: 'must include you' },
    ]);
}

const isGoingLive = (status: PostStatus | undefined) => status === 'published' || status === 'scheduled';

export async function createPostAs(
  ctx: DomainContext,
  actor: AdminActor,
  input: CreatePostInput,
): Promise<PostRecord> {
  const type = input.type ?? 'post';
  assertCan(actor, 'create', type);
  const authorIds = input.authorIds ?? (actor.kind === 'staff' ? [actor.staffId] : []);
  checkAuthorship(actor, type, authorIds);
  if (isGoingLive(input.status)) assertCan(actor, 'publish', type, { ownerIds: authorIds });
  return inTransaction(ctx, async (tx) => {
    await checkLinks(tx, actor, parseInput(updatePostSchema, input));
    const id = await createPost(tx, { ...input, type, authorIds });
    const post = (await tx.repos.posts.findById(id))!;
    await recordRevision(tx, actor, post, { isAutosave: false });
    return post;
  });
}

function changesPublication(post: PostRecord, input: UpdatePostInput): boolean {
  if (input.status !== undefined && input.status !== post.status) return true;
  return input.publishedAt !== undefined && post.status !== 'draft' && input.publishedAt !== post.publishedAt;
}

/**
 * Saves changes. An autosave of a post that is not a draft is kept as a revision only: the live
 * page changes when someone presses Update, not while they type.
 */
export async function updatePostAs(
  ctx: DomainContext,
  actor: AdminActor,
  type: PostType,
  id: string,
  input: UpdatePostInput & { autosave?: boolean },
): Promise<PostRecord> {
  return inTransaction(ctx, async (tx) => {
    const { autosave = false, ...fields } = input;
    const { post, target } = await loadPostForChange(tx, actor, type, id);
    assertCan(actor, 'update', type, target);
    if (fields.type !== undefined && fields.type !== type)
      throw validationError([{ property: 'type', message: 'cannot change; make a new post instead' }]);
    checkAuthorship(actor, type, fields.authorIds);
    if (changesPublication(post, fields)) assertCan(actor, 'publish', type, target);
    const parsed = parseInput(updatePostSchema, fields);
    await checkLinks(tx, actor, parsed, post);
    if (autosave && post.status !== 'draft') {
      const { type: _type, status: _status, publishedAt: _publishedAt, ...content } = parsed;
      const snapshot = { ...(await snapshotOf(tx.repos, post)), ...content };
      await recordRevision(tx, actor, post, { isAutosave: true, snapshot });
      return post;
    }
    await updatePost(tx, id, fields);
    const saved = (await tx.repos.posts.findById(id))!;
    await recordRevision(tx, actor, saved, { isAutosave: autosave });
    return saved;
  });
}

/** Publishes now, or schedules when `publishedAt` is in the future. */
export async function publishPostAs(
  ctx: DomainContext,
  actor: AdminActor,
  type: PostType,
  id: string,
  publishedAt?: string,
): Promise<PostRecord> {
  return inTransaction(ctx, async (tx) => {
    const { target } = await loadPostForChange(tx, actor, type, id);
    assertCan(actor, 'publish', type, target);
    const when = publishedAt ? Date.parse(publishedAt) : Number.NaN;
    if (publishedAt !== undefined && Number.isNaN(when))
      throw validationError([{ property: 'publishedAt', message: 'must be a date and time' }]);
    const isFuture = when > tx.clock.now().getTime();
    await updatePost(tx, id, {
      status: isFuture ? 'scheduled' : 'published',
      publishedAt: publishedAt ?? tx.clock.now().toISOString(),
    });
    return (await tx.repos.posts.findById(id))!;
  });
}

export async function unpublishPostAs(
  ctx: DomainContext,
  actor: AdminActor,
  type: PostType,
  id: string,
): Promise<PostRecord> {
  return inTransaction(ctx, async (tx) => {
    const { target } = await loadPostForChange(tx, actor, type, id);
    assertCan(actor, 'publish', type, target);
    await updatePost(tx, id, { status: 'draft' });
    return (await tx.repos.posts.findById(id))!;
  });
}

export async function deletePostAs(
  ctx: DomainContext,
  actor: AdminActor,
  type: PostType,
  id: string,
): Promise<void> {
  await inTransaction(ctx, async (tx) => {
    const { target } = await loadPostForChange(tx, actor, type, id);
    assertCan(actor, 'delete', type, target);
    await deletePost(tx, id);
  });
}

export async function listRevisionsFor(ctx: DomainContext, actor: AdminActor, type: PostType, id: string) {
  await loadPostFor(ctx, actor, type, id);
  return ctx.repos.revisions.list(id, 50);
}

/** Puts a revision's content back (status and dates stay); recorded as a new revision. */
export async function restoreRevisionAs(
  ctx: DomainContext,
  actor: AdminActor,
  type: PostType,
  id: string,
  revisionId: string,
): Promise<PostRecord> {
  return inTransaction(ctx, async (tx) => {
    const snapshot = await revisionSnapshot(tx, id, revisionId);
    return updatePostAs(tx, actor, type, id, snapshot);
  });
}
