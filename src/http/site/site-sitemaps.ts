import {
  lastPublishedChange,
  recentNewsPosts,
  sitemapArchiveChunk,
  sitemapChunks,
  sitemapPostChunk,
  type SitemapKind,
} from '../../domain/posts/sitemap-entries.js';
import type { SitemapPostRecord } from '../../domain/ports.js';
import { largestVariantUrl } from '../../rendering/absolute-urls.js';
import {
  renderNewsSitemap,
  renderSitemap,
  renderSitemapIndex,
  type SitemapEntry,
} from '../../rendering/sitemap.js';
import type { RenderedPage } from '../page-cache.js';
import { loadChrome, type SiteEnv } from './site-env.js';

export const sitemapKinds: readonly SitemapKind[] = ['posts', 'pages', 'tags', 'authors'];

const xmlPage = (body: string): RenderedPage => ({
  status: 200,
  contentType: 'application/xml; charset=utf-8',
  body,
  maxAge: 300,
});

const chunkPath = (kind: SitemapKind, number: number) => `/sitemap-${kind}-${number}.xml`;

/** `/sitemap.xml`: the index of child sitemaps (each at most 50,000 URLs) and the news sitemap. */
export async function sitemapIndexDocument(env: SiteEnv): Promise<RenderedPage> {
  const chunks = await sitemapChunks(env.ctx);
  const entries = [
    ...chunks.map((c) => ({ path: chunkPath(c.kind, c.number), lastmod: null })),
    { path: '/sitemap-news.xml', lastmod: null },
  ];
  return xmlPage(renderSitemapIndex(env.siteUrl, entries));
}

function postEntry(env: SiteEnv, post: SitemapPostRecord): SitemapEntry {
  const image = largestVariantUrl(post.featuredVariants, env.siteUrl, env.publicPath);
  return {
    path: `/${encodeURIComponent(post.slug)}/`,
    lastmod: post.updatedAt,
    images: image ? [{ url: image }] : [],
  };
}

async function chunkEntries(env: SiteEnv, kind: SitemapKind, number: number): Promise<SitemapEntry[] | null> {
  if (kind === 'posts' || kind === 'pages') {
    const posts = await sitemapPostChunk(env.ctx, kind, number);
    if (!posts) return null;
    const entries = posts.map((p) => postEntry(env, p));
    if (kind === 'pages' && number === 1) entries.unshift(...(await frontEntries(env)));
    return entries;
  }
  const archives = await sitemapArchiveChunk(env.ctx, kind, number);
  const prefix = kind === 'tags' ? '/tag/' : '/author/';
  return (
    archives?.map((a) => ({
      path: `${prefix}${encodeURIComponent(a.slug)}/`,
      lastmod: a.updatedAt,
      images: [],
    })) ?? null
  );
}

async function frontEntries(env: SiteEnv): Promise<SitemapEntry[]> {
  return [
    { path: '/', lastmod: await lastPublishedChange(env.ctx), images: [] },
    { path: '/topics/', lastmod: null, images: [] },
  ];
}

/** `/sitemap-KIND-N.xml`: one child sitemap, or null (a 404) past the last one. */
export async function sitemapChunkDocument(
  env: SiteEnv,
  kind: SitemapKind,
  rawNumber: string,
): Promise<RenderedPage | null> {
  if (!/^[1-9][0-9]{0,5}$/.test(rawNumber)) return null;
  const entries = await chunkEntries(env, kind, Number(rawNumber));
  return entries && xmlPage(renderSitemap(env.siteUrl, entries));
}

/** `/sitemap-news.xml`: the last 48 hours' articles for Google News. */
export async function newsSitemapDocument(env: SiteEnv): Promise<RenderedPage> {
  const [{ settings }, posts] = await Promise.all([loadChrome(env), recentNewsPosts(env.ctx)]);
  const entries = posts.map((p) => ({
    path: `/${encodeURIComponent(p.slug)}/`,
    title: p.title,
    language: p.language,
    publishedAt: p.publishedAt ?? p.updatedAt,
  }));
  return xmlPage(renderNewsSitemap(env.siteUrl, { name: settings.title }, entries));
}
