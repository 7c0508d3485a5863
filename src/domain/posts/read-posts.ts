import type { DomainContext } from '../context.js';
import type { PostFilter, PostProjection, PostRecord } from '../ports.js';
import { hydratePosts } from './hydrate-posts.js';
import { visitor, type PostType, type PostView, type Viewer } from './post.types.js';
import { visibleTo } from './visibility.js';

/**
 * Where a page sits among its neighbours. There is no total: counting an archive of 100,000 posts
 * costs more than the page itself, and readers only need "newer" and "older".
 */
export interface Pagination {
  page: number;
  limit: number;
  next: number | null;
  prev: number | null;
}

export interface PostListQuery {
  viewer: Viewer;
  page?: number;
  limit?: number;
  type?: PostType;
  tagId?: string;
  authorId?: string;
  language?: string;
  excludeIds?: string[];
  /** Show one version of translated posts: the one in this language where there is one. */
  preferredLanguage?: string;
  /** Lists default to teasers (no body); feeds ask for 'reader'. */
  projection?: PostProjection;
}

export const maxPageSize = 100;

function listFilter(query: PostListQuery): PostFilter {
  return {
    ...visibleTo(query.viewer),
    types: [query.type ?? 'post'],
    ...(query.tagId ? { tagId: query.tagId } : {}),
    ...(query.authorId ? { authorId: query.authorId } : {}),
    ...(query.language ? { language: query.language } : {}),
    ...(query.excludeIds ? { excludeIds: query.excludeIds } : {}),
    ...(query.preferredLanguage ? { preferredLanguage: query.preferredLanguage } : {}),
  };
}

/** One page of posts, newest first; one post more is read to know whether an older page follows. */
export async function listPosts(
  ctx: DomainContext,
  query: PostListQuery,
): Promise<{ posts: PostView[]; pagination: Pagination }> {
  const limit = Math.min(Math.max(1, Math.floor(query.limit ?? 10)), maxPageSize);
  const page = Math.max(1, Math.floor(query.page ?? 1));
  const records = await ctx.repos.posts.list(
    listFilter(query),
    { offset: (page - 1) * limit, limit: limit + 1 },
    query.projection ?? 'teaser',
  );
  const hasNext = records.length > limit;
  return {
    posts: await hydratePosts(ctx, records.slice(0, limit)),
    pagination: { page, limit, next: hasNext ? page + 1 : null, prev: page > 1 ? page - 1 : null },
  };
}

/** The newest posts, without counting the archive (feeds need no page count). */
export async function listLatestPosts(
  ctx: DomainContext,
  query: Omit<PostListQuery, 'page'>,
): Promise<PostView[]> {
  const limit = Math.min(Math.max(1, Math.floor(query.limit ?? 10)), maxPageSize);
  const records = await ctx.repos.posts.list(
    listFilter(query),
    { offset: 0, limit },
    query.projection ?? 'teaser',
  );
  return hydratePosts(ctx, records);
}

export async function getPostBySlug(
  ctx: DomainContext,
  slug: string,
  viewer: Viewer,
): Promise<PostView | undefined> {
  const record = await ctx.repos.posts.findOne({ ...visibleTo(viewer), slug }, 'reader');
  if (!record) return undefined;
  return (await hydratePosts(ctx, [record]))[0];
}

/** The lead story: the newest featured post, or the newest post when none is featured. */
export async function getLeadPost(ctx: DomainContext, viewer: Viewer): Promise<PostView | undefined> {
  const filter: PostFilter = { ...visibleTo(viewer), types: ['post'] };
  const newest = async (f: PostFilter) =>
    (await ctx.repos.posts.list(f, { offset: 0, limit: 1 }, 'teaser'))[0];
  const record = (await newest({ ...filter, isFeatured: true })) ?? (await newest(filter));
  return record ? (await hydratePosts(ctx, [record]))[0] : undefined;
}

/** Other language versions of a post that the viewer may see. */
type PostRef = Pick<PostRecord, 'id' | 'translationGroup'>;

async function translationRecords(ctx: DomainContext, post: PostRef, viewer: Viewer): Promise<PostRecord[]> {
  if (!post.translationGroup) return [];
  const records = await ctx.repos.posts.translations(post.translationGroup, visibleTo(viewer));
  return records.filter((r) => r.id !== post.id);
}

function relatedRecords(
  ctx: DomainContext,
  post: PostRef,
  viewer: Viewer,
  limit: number,
): Promise<PostRecord[]> {
  return ctx.repos.posts.related(post.id, visibleTo(viewer), limit);
}

/** Other language versions of a post that the viewer may see. */
export async function getTranslations(
  ctx: DomainContext,
  post: PostView,
  viewer: Viewer,
): Promise<PostView[]> {
  return hydratePosts(ctx, await translationRecords(ctx, post, viewer));
}

/** The stored "Check Also" posts, in rank order, limited to what the viewer may see. */
export async function getRelatedPosts(
  ctx: DomainContext,
  post: PostView,
  viewer: Viewer,
  limit = 3,
): Promise<PostView[]> {
  return hydratePosts(ctx, await relatedRecords(ctx, post, viewer, limit));
}

export interface PostWithNeighbours {
  post: PostView;
  related: PostView[];
  translations: PostView[];
}

/** A post with its "Check Also" posts and translations, hydrated together in one pass. */
export async function getPostWithNeighbours(
  ctx: DomainContext,
  slug: string,
  viewer: Viewer,
  relatedLimit = 3,
): Promise<PostWithNeighbours | undefined> {
  const record = await ctx.repos.posts.findOne({ ...visibleTo(viewer), slug }, 'reader');
  return record && withNeighbours(ctx, record, viewer, relatedLimit);
}

/**
 * Any post by id, whatever its status, with the neighbours a visitor would see beside it: the
 * page exactly as it will look once published (the admin's preview).
 */
export async function getPostPreview(
  ctx: DomainContext,
  id: string,
): Promise<PostWithNeighbours | undefined> {
  const record = await ctx.repos.posts.findOne({ ids: [id] }, 'reader');
  return record && withNeighbours(ctx, record, visitor, 3);
}

async function withNeighbours(
  ctx: DomainContext,
  record: PostRecord,
  viewer: Viewer,
  relatedLimit: number,
): Promise<PostWithNeighbours> {
  const [related, translations] = await Promise.all([
    record.type === 'post' ? relatedRecords(ctx, record, viewer, relatedLimit) : Promise.resolve([]),
    translationRecords(ctx, record, viewer),
  ]);
  // One hydration for the post and its neighbours: a fixed handful of queries for the whole page.
  const [post, ...views] = await hydratePosts(ctx, [record, ...related, ...translations]);
  return { post: post!, related: views.slice(0, related.length), translations: views.slice(related.length) };
}
