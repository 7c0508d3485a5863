import type { DomainContext } from '../context.js';
import type { PostFilter, PostProjection, StaffRecord, TagRecord } from '../ports.js';
import { hydratePosts, toAuthorSummary } from '../posts/hydrate-posts.js';
import { visitor, type AuthorSummary, type PostType, type PostView } from '../posts/post.types.js';
import { visibleTo } from '../posts/visibility.js';
import type { FilterExpression } from './nql.js';
import type { PublicListQuery, SortKey } from './content-api-ports.js';
import { authorFields, postFields, readFilter, readOrder, tagFields } from './content-fields.js';
import { ContentQueryError } from './nql.js';

/**
 * The Content API's reads: Ghost's resources on the public site's read path. Every post query starts
 * from the visitor's access rule (`visibleTo(visitor)`), and a filter is ANDed to it, so no filter
 * can reach a draft. Lists are counted (Ghost's clients page by `meta.pagination.pages`); the count
 * and the page both walk indexes, so page 500 costs what page 1 does.
 */

export type ContentLimit = number | 'all';

export interface ContentPagination {
  page: number;
  limit: ContentLimit;
  pages: number;
  total: number;
  next: number | null;
  prev: number | null;
}

export interface ContentListQuery {
  filter?: string | undefined;
  order?: string | undefined;
  page: number;
  limit: ContentLimit;
}

/** Rows read per query; a larger limit (or `all`) is read in several. */
const batchSize = 500;

function paginationOf(page: number, limit: ContentLimit, total: number): ContentPagination {
  const pages = limit === 'all' ? 1 : Math.max(1, Math.ceil(total / limit));
  return {
    page,
    limit,
    pages,
    total,
    next: page < pages ? page + 1 : null,
    prev: page > 1 ? page - 1 : null,
  };
}

/**
 * Reads the page asked for (every row for `all`) in batches of at most `batchSize`, each an indexed
 * offset, so a large limit is honoured without one huge query.
 */
async function readPages<T>(
  query: ContentListQuery,
  read: (offset: number, limit: number) => Promise<T[]>,
): Promise<T[]> {
  const wanted = query.limit === 'all' ? Infinity : query.limit;
  const start = query.limit === 'all' ? 0 : (query.page - 1) * query.limit;
  const rows: T[] = [];
  while (rows.length < wanted) {
    const size = Math.min(batchSize, wanted - rows.length);
    const batch = await read(start + rows.length, size);
    rows.push(...batch);
    if (batch.length < size) break;
  }
  return rows;
}

function postFilter(
  type: PostType,
  expression: FilterExpression | undefined,
  extra: PostFilter = {},
): PostFilter {
  return { ...visibleTo(visitor), ...extra, types: [type], ...(expression ? { expression } : {}) };
}

export interface ContentPosts {
  posts: PostView[];
  pagination: ContentPagination;
}

/** Posts or pages, Ghost's default order (newest first) unless `order` says otherwise. */
export async function browseContentPosts(
  ctx: DomainContext,
  type: PostType,
  query: ContentListQuery & { withBody: boolean },
): Promise<ContentPosts> {
  const expression = readFilter(query.filter, postFields);
  const sort = readOrder(query.order, postFields);
  const filter = postFilter(type, expression);
  const projection: PostProjection = query.withBody ? 'reader' : 'teaser';
  const [total, records] = await Promise.all([
    ctx.repos.posts.count(filter),
    readPages(query, (offset, limit) =>
      ctx.repos.posts.list(filter, { offset, limit, ...(sort ? { sort } : {}) }, projection),
    ),
  ]);
  return {
    posts: await hydratePosts(ctx, records),
    pagination: paginationOf(query.page, query.limit, total),
  };
}

/** One published post or page by id or slug (a read may carry a filter too, as in Ghost). */
export async function readContentPost(
  ctx: DomainContext,
  type: PostType,
  key: { id: string } | { slug: string },
  query: { filter?: string | undefined; withBody: boolean },
): Promise<PostView | undefined> {
  const expression = readFilter(query.filter, postFields);
  const by: PostFilter = 'id' in key ? { ids: [key.id] } : { slug: key.slug };
  const record = await ctx.repos.posts.findOne(
    postFilter(type, expression, by),
    query.withBody ? 'reader' : 'teaser',
  );
  return record ? (await hydratePosts(ctx, [record]))[0] : undefined;
}

export interface ContentTag {
  tag: TagRecord;
  /** Published posts carrying it, when asked for (`include=count.posts`). */
  postCount: number | null;
}

export interface ContentAuthor {
  author: AuthorSummary;
  postCount: number | null;
}

const byName: SortKey[] = [{ field: 'name', direction: 'asc' }];

function listQuery(
  query: ContentListQuery,
  offset: number,
  limit: number,
  sort: SortKey[] | undefined,
  expression: FilterExpression | undefined,
): PublicListQuery {
  return { expression, sort: sort ?? byName, offset, limit };
}

export async function browseContentTags(
  ctx: DomainContext,
  query: ContentListQuery & { withCounts: boolean },
): Promise<{ tags: ContentTag[]; pagination: ContentPagination }> {
  const expression = readFilter(query.filter, tagFields);
  const sort = readOrder(query.order, tagFields);
  const [total, tags] = await Promise.all([
    ctx.repos.publicTaxonomy.countTags(expression),
    readPages(query, (offset, limit) =>
      ctx.repos.publicTaxonomy.listTags(listQuery(query, offset, limit, sort, expression)),
    ),
  ]);
  return {
    tags: await withTagCounts(ctx, tags, query.withCounts),
    pagination: paginationOf(query.page, query.limit, total),
  };
}

async function withTagCounts(
  ctx: DomainContext,
  tags: TagRecord[],
  withCounts: boolean,
): Promise<ContentTag[]> {
  const counts = withCounts
    ? await ctx.repos.publicTaxonomy.publishedPostCounts(
        'tag',
        tags.map((t) => t.id),
      )
    : undefined;
  return tags.map((tag) => ({ tag, postCount: counts ? (counts.get(tag.id) ?? 0) : null }));
}

export async function readContentTag(
  ctx: DomainContext,
  key: { id: string } | { slug: string },
  withCounts: boolean,
): Promise<ContentTag | undefined> {
  const expression: FilterExpression = {
    kind: 'compare',
    field: 'id' in key ? 'id' : 'slug',
    operator: '=',
    value: 'id' in key ? key.id : key.slug,
  };
  const [tag] = await ctx.repos.publicTaxonomy.listTags({ expression, sort: byName, offset: 0, limit: 1 });
  return tag ? (await withTagCounts(ctx, [tag], withCounts))[0] : undefined;
}

export async function browseContentAuthors(
  ctx: DomainContext,
  query: ContentListQuery & { withCounts: boolean },
): Promise<{ authors: ContentAuthor[]; pagination: ContentPagination }> {
  const expression = readFilter(query.filter, authorFields);
  const sort = readOrder(query.order, authorFields);
  const [total, staff] = await Promise.all([
    ctx.repos.publicTaxonomy.countAuthors(expression),
    readPages(query, (offset, limit) =>
      ctx.repos.publicTaxonomy.listAuthors(listQuery(query, offset, limit, sort, expression)),
    ),
  ]);
  return {
    authors: await withAuthorCounts(ctx, staff, query.withCounts),
    pagination: paginationOf(query.page, query.limit, total),
  };
}

export async function readContentAuthor(
  ctx: DomainContext,
  key: { id: string } | { slug: string },
  withCounts: boolean,
): Promise<ContentAuthor | undefined> {
  const expression: FilterExpression = {
    kind: 'compare',
    field: 'id' in key ? 'id' : 'slug',
    operator: '=',
    value: 'id' in key ? key.id : key.slug,
  };
  const [author] = await ctx.repos.publicTaxonomy.listAuthors({
    expression,
    sort: byName,
    offset: 0,
    limit: 1,
  });
  return author ? (await withAuthorCounts(ctx, [author], withCounts))[0] : undefined;
}

/** Authors as the site shows them (never an email, role or status), with their photos in one query. */
async function withAuthorCounts(
  ctx: DomainContext,
  staff: StaffRecord[],
  withCounts: boolean,
): Promise<ContentAuthor[]> {
  const photoIds = staff.map((s) => s.photoMediaId).filter((id): id is string => !!id);
  const [media, counts] = await Promise.all([
    photoIds.length ? ctx.repos.media.findByIds(photoIds) : Promise.resolve([]),
    withCounts
      ? ctx.repos.publicTaxonomy.publishedPostCounts(
          'author',
          staff.map((s) => s.id),
        )
      : Promise.resolve(undefined),
  ]);
  const mediaById = new Map(media.map((m) => [m.id, m]));
  return staff.map((s) => ({
    author: toAuthorSummary(s, mediaById),
    postCount: counts ? (counts.get(s.id) ?? 0) : null,
  }));
}

/** `limit`: a whole number from 1, or `all`; `page` from 1. Anything else is a 400, never a guess. */
export function readPaging(
  limit: string | undefined,
  page: string | undefined,
  defaultLimit = 15,
): { limit: ContentLimit; page: number } {
  const whole = (text: string, name: string) => {
    if (!/^\d{1,9}$/.test(text) || Number(text) < 1)
      throw new ContentQueryError(
        `${name} must be a whole number from 1${name === 'limit' ? ', or all' : ''}`,
      );
    return Number(text);
  };
  return {
    limit: limit === undefined ? defaultLimit : limit === 'all' ? 'all' : whole(limit, 'limit'),
    page: page === undefined ? 1 : whole(page, 'page'),
  };
}
