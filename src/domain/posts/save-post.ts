import type { DomainContext } from '../context.js';
import { picturesById, toPicture } from '../media/picture.js';
import type { PostRecord, Repositories, SourceRecord } from '../ports.js';
import { DomainError, notFound, validationError } from '../shared/errors.js';
import { newId } from '../shared/ids.js';
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
    const record = await applyFields(tx, base, fields);
    const tracked = await PostChange.before(repos, undefined);
    await repos.posts.insert(record);
    await saveRelations(repos, id, fields);
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
    const record = await applyFields(tx, { ...existing, updatedAt: ctx.clock.now().toISOString() }, fields);
    await repos.posts.update(id, record);
    await saveRelations(repos, id, fields);
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

async function applyFields(tx: DomainContext, current: PostRecord, f: PostFields): Promise<PostRecord> {
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
  if (f.body !== undefined) await applyBody(tx, next, f.body);
  if (f.featuredImage !== undefined) await applyFeaturedImage(repos, next, f.featuredImage);
  if (f.translationOf !== undefined) await applyTranslation(repos, next, f.translationOf);
  await applyPromotion(repos, next, f);
  applyStatus(next, f.status, f.publishedAt, tx.clock.now());
  return next;
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

async function applyBody(tx: DomainContext, post: PostRecord, body: EditorDocument) {
  const media = await picturesById((ids) => tx.repos.media.findByIds(ids), figureMediaIds(body));
  const pictures = new Map([...media].map(([id, m]) => [id, toPicture(m)]));
  const rendered = await tx.renderBody(body, pictures);
  post.bodyJson = JSON.stringify(body);
  post.bodyHtml = rendered.html;
  post.bodyText = rendered.text;
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

async function saveRelations(repos: Repositories, postId: string, f: PostFields): Promise<void> {
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
  if (f.sources !== undefined) {
    const sources: SourceRecord[] = f.sources.map((s, i) => ({
      id: newId(),
      postId,
      publisher: s.publisher,
      title: s.title,
      url: s.url,
      note: s.note,
      sortOrder: i,
      archiveStatus: 'pending',
      linkStatus: 'unchecked',
    }));
    await repos.posts.setSources(postId, sources);
  }
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
      announce(tx, await tracked.after({ ...post, status: 'published', firstPublishedAt }, now));
    });
  return due.length;
}
