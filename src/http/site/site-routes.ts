import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { findRedirect } from '../../domain/redirects/redirects.js';
import type { FeedFormat } from '../../rendering/feeds.js';
import { PageCache, type RenderedPage } from '../page-cache.js';
import type { ThemeAssets } from '../theme-assets.js';
import type { SiteEnv } from './site-env.js';
import { feedDocument, robotsDocument, type FeedScope } from './site-feeds.js';
import {
  newsSitemapDocument,
  sitemapChunkDocument,
  sitemapIndexDocument,
  sitemapKinds,
} from './site-sitemaps.js';
import { authorPage, homePage, messagePage, postPage, tagPage, topicsPage } from './site-pages.js';
import { openSearchDocument, searchPage, searchParamsOf } from './search-page.js';
import { sendPage } from './send-page.js';
import { correctionsFeed, correctionsPage } from './corrections-page.js';

type Render = () => Promise<RenderedPage | null> | RenderedPage | null;
type Params = Record<string, string>;

const feedFormats: Record<string, FeedFormat> = { 'rss.xml': 'rss', 'atom.xml': 'atom', 'feed.json': 'json' };

/** `page/N/` numbers: 2 and up (page 1 lives at the unnumbered URL). */
function pageNumber(raw: string | undefined): number | null {
  if (raw === undefined) return 1;
  return /^[1-9][0-9]{0,5}$/.test(raw) && Number(raw) >= 2 ? Number(raw) : null;
}

/** The redirect set up in the admin for a GET or HEAD request's path (as sent, or percent-decoded). */
async function redirectFor(env: SiteEnv, request: FastifyRequest) {
  if (request.method !== 'GET' && request.method !== 'HEAD') return undefined;
  const path = request.url.split('?')[0]!;
  let decoded = path;
  try {
    decoded = decodeURIComponent(path);
  } catch {
    // not valid percent-encoding: only the path as sent can match
  }
  return (
    (await findRedirect(env.ctx, path)) ??
    (decoded === path ? undefined : await findRedirect(env.ctx, decoded))
  );
}

/**
 * A WordPress address by query (`/?p=123`, `/?page_id=45`, `/?attachment_id=6`, the date archive
 * `/?m=202405`) that an import kept as a redirect. Any page (the home page above all) may be asked
 * for with that query, so it is looked up before the page.
 */
async function wordpressIdRedirect(env: SiteEnv, request: FastifyRequest) {
  if (request.method !== 'GET' && request.method !== 'HEAD') return undefined;
  const [path, query = ''] = request.url.split('?');
  const id = /(?:^|&)(p|page_id|attachment_id|m)=(\d{1,20})(?:&|$)/.exec(query);
  return id ? findRedirect(env.ctx, `${path}?${id[1]}=${id[2]}`) : undefined;
}

export interface SiteRoutesOptions {
  env: SiteEnv;
  cache: PageCache;
  assets: ThemeAssets;
}

/** The public site: every page is rendered once, cached until content changes, and served from memory. */
export function registerSiteRoutes(app: FastifyInstance, { env, cache, assets }: SiteRoutesOptions): void {
  const assetCache = new PageCache(assets.byPath.size + 1);
  const notFound = async (request: FastifyRequest, reply: FastifyReply) => {
    const redirect = await redirectFor(env, request);
    if (redirect)
      return reply.header('cache-control', 'no-store').redirect(redirect.toUrl, redirect.statusCode);
    const page = await messagePage(env, 'not-found', request.url);
    return reply.code(404).type(page.contentType).header('cache-control', 'no-store').send(page.body);
  };

  const serve = async (request: FastifyRequest, reply: FastifyReply, render: Render) => {
    const key = request.url.split('?')[0]!;
    let page = cache.get(key);
    if (page) cache.hits++;
    else {
      cache.misses++;
      const generation = cache.currentGeneration;
      const rendered = await render();
      if (!rendered) return notFound(request, reply);
      page = cache.store(key, rendered, generation);
    }
    return sendPage(request, reply, page);
  };

  const route = (path: string, render: (params: Params) => Render | null) =>
    app.get(path, async (request, reply) => {
      const byId = request.url.includes('?') ? await wordpressIdRedirect(env, request) : undefined;
      if (byId) return reply.header('cache-control', 'no-store').redirect(byId.toUrl, byId.statusCode);
      const make = render(request.params as Params);
      return make ? serve(request, reply, make) : notFound(request, reply);
    });

  const paged = (n: string | undefined, make: (page: number) => Render) => {
    const page = pageNumber(n);
    return page === null ? null : make(page);
  };

  route('/', () => () => homePage(env, 1));
  route('/page/:n/', (p) => paged(p.n, (n) => () => homePage(env, n)));
  route('/:slug/', (p) => () => postPage(env, p.slug!));
  route('/tag/:slug/', (p) => () => tagPage(env, p.slug!, 1));
  route('/tag/:slug/page/:n/', (p) => paged(p.n, (n) => () => tagPage(env, p.slug!, n)));
  route('/author/:slug/', (p) => () => authorPage(env, p.slug!, 1));
  route('/author/:slug/page/:n/', (p) => paged(p.n, (n) => () => authorPage(env, p.slug!, n)));
  route('/topics/', () => () => topicsPage(env));
  route('/corrections/', () => () => correctionsPage(env, {}));
  route('/corrections/older/:cursor/', (p) => () => correctionsPage(env, { cursor: p.cursor! }));
  route('/corrections/:language/', (p) => () => correctionsPage(env, { language: p.language! }));
  route(
    '/corrections/:language/older/:cursor/',
    (p) => () => correctionsPage(env, { language: p.language!, cursor: p.cursor! }),
  );
  for (const format of ['rss', 'atom'] as const) {
    route(`/corrections/${format}.xml`, () => () => correctionsFeed(env, {}, format));
    route(
      `/corrections/:language/${format}.xml`,
      (p) => () => correctionsFeed(env, { language: p.language! }, format),
    );
  }
  route('/opensearch.xml', () => () => openSearchDocument(env));
  // Search pages depend on the query string, so they never enter the page cache (keyed by path).
  app.get('/search/', async (request, reply) => {
    const page = await searchPage(env, searchParamsOf(request.query));
    return reply.code(page.status).type(page.contentType).header('cache-control', 'no-store').send(page.body);
  });
  // Where Ghost and WordPress sites keep their feeds, so readers' subscriptions survive a move.
  route('/rss/', () => () => feedDocument(env, { kind: 'site' }, 'rss'));
  route('/feed/', () => () => feedDocument(env, { kind: 'site' }, 'rss'));
  route('/sitemap.xml', () => () => sitemapIndexDocument(env));
  route('/sitemap-news.xml', () => () => newsSitemapDocument(env));
  for (const kind of sitemapKinds)
    route(`/sitemap-${kind}-:n.xml`, (p) => () => sitemapChunkDocument(env, kind, p.n!));
  route('/robots.txt', () => () => robotsDocument(env));
  for (const [file, format] of Object.entries(feedFormats)) {
    const feed = (scope: FeedScope) => () => feedDocument(env, scope, format);
    route(`/${file}`, () => feed({ kind: 'site' }));
    route(`/tag/:slug/${file}`, (p) => feed({ kind: 'tag', slug: p.slug! }));
    route(`/author/:slug/${file}`, (p) => feed({ kind: 'author', slug: p.slug! }));
  }
  app.get('/assets/:file', (request, reply) => {
    const path = request.url.split('?')[0]!;
    const asset = assets.byPath.get(path);
    if (!asset) return notFound(request, reply);
    return sendPage(
      request,
      reply,
      assetCache.get(path) ?? assetCache.store(path, asset, assetCache.currentGeneration),
    );
  });

  app.setNotFoundHandler(async (request, reply) => {
    const redirect = await redirectFor(env, request);
    if (redirect)
      return reply.header('cache-control', 'no-store').redirect(redirect.toUrl, redirect.statusCode);
    const [path, query] = request.url.split('?') as [string, string | undefined];
    const lastSegment = path.split('/').pop() ?? '';
    const isSafeToRedirect = !path.startsWith('//') && !path.includes('\\');
    if (
      (request.method === 'GET' || request.method === 'HEAD') &&
      isSafeToRedirect &&
      !path.endsWith('/') &&
      !lastSegment.includes('.')
    )
      return reply.redirect(`${path}/${query === undefined ? '' : `?${query}`}`, 301);
    return notFound(request, reply);
  });
}
