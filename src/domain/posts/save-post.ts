import type { DomainContext } from '../context.js';
import { picturesById, toPicture } from '../media/picture.js';
import type { PostRecord, Repositories } from '../ports.js';
import { DomainError, notFound, validationError } from '../shared/errors.js';
import { newId } from '../shared/ids.js';
import { mergeSources } from '../sources/merge-sources.js';
import { queueArchiving } from '../sources/archive-queue.js';
import { isReservedPath, slugify, uniqueSlug } from '../shared/slug.js';
import { parseInput } from '../shared/validate.js';
import { emptyDocument, figureMediaIds, type EditorDocument } from './editor-document.js';
import {
  createPostSchema,
  updatePostSchema,
  type CreatePostInput,
  type PostFields,
  type UpdatePostInput,
} from './post-input.js';
import type { PostStatus } from './post.types.js';
import type { ContentChange } from '../ports.js';
import { PostChange } from './post-changes.js';
import { indexPosts } from '../search/index-posts.js';
import { inTransaction } from '../transaction.js';
import { assertCan, type AnyActor } from '../staff/permissions.js';

/** Creates a post or page; returns its id. */
export async function createPost(ctx: DomainContext, input: CreatePostInput): Promise<string> {
  const fields = parseInput(createPostSchema, input);
  const now = ctx.clock.now().toISOString();
  const id = newId(ctx.clock.now());
  await inTransaction(ctx, async (tx) => {
    const repos = tx.repos;
    const base: PostRecord = {
      id,
      type: fields.type ?? 'post',
      slug: '',
      title: fields.title!,
      standfirst: '',
      excerpt: '',
      bodyJson: JSON.stringify(emptyDocument()),
      bodyHtml: '',
      bodyText: '',
      status: 'draft',
      isFeatured: false,
      language: 'en',
      translationGroup: null,
      featuredMediaId: null,
      featuredAlt: null,
      featuredCaption: null,
      featuredCredit: null,
      canonicalUrl: null,
      metaTitle: null,
      metaDescription: null,
      ogTitle: null,
      ogDescription: null,
      twitterTitle: null,
      twitterDescription: null,
      promotionMode: 'site',
      promotionId: null,
      workType: 'news',
      dateline: '',
      publishedAt: null,
      firstPublishedAt: null,
      createdAt: now,
      updatedAt: now,
    };
    const { record, waiting } = await applyFields(tx, base, fields);
    const tracked = await PostChange.before(repos, undefined);
    await repos.posts.insert(record);
    await repos.media.awaitVariants(id, waiting);
    const added = await saveRelations(tx, id, fields);
    await queueArchiving(tx, { post: record, wasPublished: false, added });
    await indexPosts(repos, [id]);
    announce(tx, await tracked.after(record, now));
  });
  return id;
}

export async function updatePost(ctx: DomainContext, id: string, input: UpdatePostInput): Promise<void> {
  const fields = parseInput(updatePostSchema, input);
  await inTransaction(ctx, async (tx) => {
    const repos = tx.repos;
    const existing = await repos.posts.findById(id);
    if (!existing) throw notFound('Post');
    const tracked = await PostChange.before(repos, existing);
    const updated = { ...existing, updatedAt: ctx.clock.now().toISOString() };
    const { record, waiting } = await applyFields(tx, updated, fields);
    await repos.posts.update(id, record);
    await repos.media.awaitVariants(id, waiting);
    const added = await saveRelations(tx, id, fields);
    await queueArchiving(tx, { post: record, wasPublished: existing.status === 'published', added });
    await indexPosts(repos, [id]);
    announce(tx, await tracked.after(record, record.updatedAt));
  });
}

export async function deletePost(ctx: DomainContext, id: string): Promise<void> {
  await inTransaction(ctx, async (tx) => {
    const existing = await tx.repos.posts.findById(id);
    if (!existing) throw notFound('Post');
    const tracked = await PostChange.before(tx.repos, existing);
    await tx.repos.posts.delete(id);
    announce(tx, await tracked.after(undefined, ctx.clock.now().toISOString()));
  });
}

/**
 * Drops the cached pages that show a change once it has committed (a transaction's events wait for
 * its commit). "Check Also" follows in the related job (queued in the same transaction), never on
 * the request that saved.
 */
function announce(tx: DomainContext, change: ContentChange | undefined): void {
  if (change) tx.events.contentChanged(change);
}

/** The post with the fields applied, and the images its body shows before their variants exist. */
async function applyFields(
  tx: DomainContext,
  current: PostRecord,
  f: PostFields,
): Promise<{ record: PostRecord; waiting: string[] }> {
  const repos = tx.repos;
  const next: PostRecord = { ...current };
  const simple = [
    'type',
    'title',
    'standfirst',
    'excerpt',
    'language',
    'canonicalUrl',
    'metaTitle',
    'metaDescription',
    'ogTitle',
    'ogDescription',
    'twitterTitle',
    'twitterDescription',
    'isFeatured',
    'workType',
    'dateline',
  ] as const;
  for (const key of simple)
    if (f[key] !== undefined) (next as unknown as Record<string, unknown>)[key] = f[key];
  if (f.slug !== undefined || !current.slug) {
    const wanted = f.slug || slugify(next.title) || 'untitled';
    const isTaken = async (slug: string) =>
      isReservedPath(slug) || (await repos.posts.isSlugTaken(slug, current.id));
    if (f.slug && (await isTaken(f.slug)))
      throw new DomainError('CONFLICT', `The slug "${f.slug}" is already used`, [
        { property: 'slug', message: 'already used' },
      ]);
    next.slug = f.slug ? wanted : await uniqueSlug(wanted, isTaken);
  }
  const waiting = f.body !== undefined ? await applyBody(tx, next, f.body) : [];
  if (f.featuredImage !== undefined) await applyFeaturedImage(repos, next, f.featuredImage);
  if (f.translationOf !== undefined) await applyTranslation(repos, next, f.translationOf);
  await applyPromotion(repos, next, f);
  applyStatus(next, f.status, f.publishedAt, tx.clock.now());
  return { record: next, waiting };
}

/**
 * The post's promotion: `chosen` needs an existing promotion in `promotionId`; the other modes keep
 * no promotion id.
 */
async function applyPromotion(repos: Repositories, post: PostRecord, f: PostFields) {
  if (f.promotionMode !== undefined) post.promotionMode = f.promotionMode;
  if (f.promotionId !== undefined) post.promotionId = f.promotionId;
  if (post.promotionMode !== 'chosen') {
    post.promotionId = null;
    return;
  }
  if (!post.promotionId || !(await repos.promotions.findById(post.promotionId)))
    throw validationError([
      { property: 'promotionId', message: 'choose an existing promotion for this post' },
    ]);
}

/** Renders the body; returns the images it shows whose variants are still to be made. */
async function applyBody(tx: DomainContext, post: PostRecord, body: EditorDocument): Promise<string[]> {
  const media = await picturesById((ids) => tx.repos.media.findByIds(ids), figureMediaIds(body));
  const pictures = new Map([...media].map(([id, m]) => [id, toPicture(m)]));
  const rendered = await tx.renderBody(body, pictures);
  post.bodyJson = JSON.stringify(body);
  post.bodyHtml = rendered.html;
  post.bodyText = rendered.text;
  return [...media.values()].filter((m) => m.variantsState === 'pending').map((m) => m.id);
}

async function applyFeaturedImage(repos: Repositories, post: PostRecord, image: PostFields['featuredImage']) {
  if (image && !(await repos.media.findById(image.mediaId)))
    throw validationError([{ property: 'featuredImage.mediaId', message: 'no such media' }]);
  post.featuredMediaId = image?.mediaId ?? null;
  post.featuredAlt = image?.alt ?? null;
  post.featuredCaption = image?.caption ?? null;
  post.featuredCredit = image?.credit ?? null;
}

async function applyTranslation(repos: Repositories, post: PostRecord, translationOf: string | null) {
  if (translationOf === null) {
    post.translationGroup = null;
    return;
  }
  const original = await repos.posts.findById(translationOf);
  if (!original || original.id === post.id)
    throw validationError([{ property: 'translationOf', message: 'no such post' }]);
  if (!original.translationGroup) {
    await repos.posts.update(original.id, { translationGroup: original.id });
  }
  post.translationGroup = original.translationGroup ?? original.id;
}

/** Status rules: publishing without a date means now; scheduling needs a future date. */
function applyStatus(
  post: PostRecord,
  status: PostStatus | undefined,
  publishedAt: string | null | undefined,
  now: Date,
) {
  if (publishedAt !== undefined) post.publishedAt = publishedAt;
  if (status !== undefined) post.status = status;
  if (post.status === 'published' && !post.publishedAt) post.publishedAt = now.toISOString();
  if (post.status === 'published') post.firstPublishedAt ??= post.publishedAt;
  if (post.status === 'scheduled') {
    if (!post.publishedAt || Date.parse(post.publishedAt) <= now.getTime())
      throw validationError([
        { property: 'publishedAt', message: 'a scheduled post needs a publish time in the future' },
      ]);
  }
}

/** Authors, tags and sources; returns the ids of the sources the save added. */
async function saveRelations(tx: DomainContext, postId: string, f: PostFields): Promise<string[]> {
  const repos = tx.repos;
  if (f.authorIds !== undefined) {
    const unique = [...new Set(f.authorIds)];
    const found = await repos.staff.findByIds(unique);
    if (found.length !== unique.length)
      throw validationError([{ property: 'authorIds', message: 'unknown author' }]);
    await repos.posts.setAuthors(postId, unique);
  }
  if (f.tagIds !== undefined) {
    const unique = [...new Set(f.tagIds)];
    const found = await repos.tags.findByIds(unique);
    if (found.length !== unique.length)
      throw validationError([{ property: 'tagIds', message: 'unknown tag' }]);
    await repos.posts.setTags(postId, unique);
  }
  if (f.sources === undefined) return [];
  return mergeSources(repos, postId, f.sources, tx.clock.now());
}

/** Publishes every scheduled post whose time has come; returns how many. Safe to run in several processes. */
export async function publishDuePosts(ctx: DomainContext, actor: AnyActor): Promise<number> {
  const now = ctx.clock.now().toISOString();
  const due = await ctx.repos.posts.findDueScheduled(now);
  for (const post of due)
    await inTransaction(ctx, async (tx) => {
      assertCan(actor, 'publish', post.type);
      const tracked = await PostChange.before(tx.repos, post);
      const firstPublishedAt = post.firstPublishedAt ?? post.publishedAt;
      await tx.repos.posts.update(post.id, { status: 'published', firstPublishedAt });
      await queueArchiving(tx, { post: { ...post, status: 'published' }, wasPublished: false, added: [] });
      announce(tx, await tracked.after({ ...post, status: 'published', firstPublishedAt }, now));
    });
  return due.length;
}

/**
 * Renders a post's stored body again as its images now are (their variants made since it was
 * saved); only the HTML changes, which is no edit: no revision, the same updated time. Returns the
 * slug of the post whose page changed, or undefined when the post is gone.
 */
export async function renderStoredBody(tx: DomainContext, postId: string): Promise<string | undefined> {
  const post = await tx.repos.posts.findById(postId);
  if (!post) return undefined;
  const next = { ...post };
  const waiting = await applyBody(tx, next, JSON.parse(post.bodyJson) as EditorDocument);
  await tx.repos.posts.update(postId, { bodyHtml: next.bodyHtml });
  await tx.repos.media.awaitVariants(postId, waiting);
  return post.slug;
}
