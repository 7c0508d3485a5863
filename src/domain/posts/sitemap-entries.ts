import type { DomainContext } from '../context.js';
import type { SitemapPostRecord } from '../ports.js';
import type { PostType } from './post.types.js';
import { publicTagsOf } from '../taxonomy/internal-tags.js';

/** The sitemap protocol's limit of URLs per file. */
export const sitemapChunkSize = 50_000;
/** Google News sitemaps list what was published in the last two days, at most 1,000 URLs. */
export const newsWindowHours = 48;
export const newsLimit = 1000;

export type SitemapKind = 'posts' | 'pages' | 'tags' | 'authors';

export interface SitemapChunkRef {
  kind: SitemapKind;
  number: number;
}

const postTypeOf: Partial<Record<SitemapKind, PostType>> = { posts: 'post', pages: 'page' };

const chunkCount = (items: number) => Math.max(1, Math.ceil(items / sitemapChunkSize));

/** Every child sitemap of the index: a few counts, whatever the archive's size. */
export async function sitemapChunks(ctx: DomainContext): Promise<SitemapChunkRef[]> {
  const [posts, pages, tags, staff] = await Promise.all([
    ctx.repos.sitemap.countPublished('post'),
    ctx.repos.sitemap.countPublished('page'),
    ctx.repos.tags.list().then(publicTagsOf),
    ctx.repos.staff.list(),
  ]);
  const counts: Record<SitemapKind, number> = {
    posts,
    pages,
    tags: tags.length,
    authors: staff.length,
  };
  return (Object.keys(counts) as SitemapKind[]).flatMap((kind) =>
    Array.from({ length: chunkCount(counts[kind]) }, (_, i) => ({ kind, number: i + 1 })),
  );
}

/** One chunk of published posts or pages (null past the last chunk). */
export async function sitemapPostChunk(
  ctx: DomainContext,
  kind: 'posts' | 'pages',
  number: number,
): Promise<SitemapPostRecord[] | null> {
  const type = postTypeOf[kind]!;
  const offset = (number - 1) * sitemapChunkSize;
  const rows = await ctx.repos.sitemap.publishedChunk(type, offset, sitemapChunkSize);
  return rows.length > 0 || number === 1 ? rows : null;
}

/** Published posts of the last 48 hours, newest first, for the Google News sitemap. */
export async function recentNewsPosts(ctx: DomainContext): Promise<SitemapPostRecord[]> {
  const since = new Date(ctx.clock.now().getTime() - newsWindowHours * 3600_000).toISOString();
  return ctx.repos.sitemap.publishedSince('post', since, newsLimit);
}

export interface SitemapArchiveRecord {
  slug: string;
  updatedAt: string;
}

/** One chunk of tag or author archives (null past the last chunk). */
export async function sitemapArchiveChunk(
  ctx: DomainContext,
  kind: 'tags' | 'authors',
  number: number,
): Promise<SitemapArchiveRecord[] | null> {
  const all = kind === 'tags' ? publicTagsOf(await ctx.repos.tags.list()) : await ctx.repos.staff.list();
  const chunk = all.slice((number - 1) * sitemapChunkSize, number * sitemapChunkSize);
  return chunk.length > 0 || number === 1
    ? chunk.map((r) => ({ slug: r.slug, updatedAt: r.updatedAt }))
    : null;
}

/** When anything published last changed (the home page's `lastmod`). */
export function lastPublishedChange(ctx: DomainContext): Promise<string | null> {
  return ctx.repos.posts.lastUpdatedAt({ statuses: ['published'] });
}
