import { mkdirSync } from 'node:fs';
import { createServer } from 'node:http';

import fastifyStatic from '@fastify/static';
import Fastify, { LogController, type FastifyInstance, type FastifyReply } from 'fastify';
import type { Config } from '../config/config.js';
import type { ContentEventHub } from '../domain/content-events.js';
import type { DomainContext } from '../domain/context.js';
import type { BlobStore, BulkMailer } from '../domain/ports.js';
import { RateLimitedError } from '../domain/limits/rate-limits.js';
import { toHttpError } from './errors.js';
import { clientErrorHandler } from './middleware/client-errors.js';
import { applySecurityHeaders, registerSecurityHeaders } from './middleware/security-headers.js';
import { PageCache } from './page-cache.js';
import type { SiteEnv } from './site/site-env.js';
import { messagePage, previewPage } from './site/site-pages.js';
import { registerAdminApi } from './admin-api/admin-api.js';
import { registerAdminAppRoutes } from './admin-app/admin-app.routes.js';
import { registerContentApi } from './content-api/content-api.js';
import { formPageLifeMs } from './site/form-token.js';
import { registerArchiveRoutes } from './site/archive-routes.js';
import { registerMemberRoutes } from './site/member-routes.js';
import { registerSiteRoutes } from './site/site-routes.js';
import { dropShowing } from './site/cache-drops.js';
import { serveFromCache } from './site/send-page.js';
import { loadThemeAssets, type ThemeAssets } from './theme-assets.js';
import type { Theme } from '../rendering/theme.js';
import type { ReadinessCheck } from '../domain/health/readiness.js';
import { registerHealthRoutes, type Lifecycle } from './ops/health-routes.js';
import { HttpMetrics, registerMetricsRoute } from './ops/metrics.js';
import { requestIdOf } from './ops/request-id.js';
import { routeKindOf } from './ops/route-kind.js';

/**
 * What the HTTP transport needs of the site the composition root (src/main.ts) opened: the domain,
 * its change events, where public media files are served from, and the newsletter mailer's maker.
 */
export interface HttpSite {
  config: Config;
  ctx: DomainContext;
  events: Pick<ContentEventHub, 'subscribe' | 'changeCount'>;
  media: { root: string; publicPath(key: string): string };
  createNewsletterMailer(): BulkMailer | undefined;
  /** The theme the public site renders with, and whose assets it serves. */
  theme: Theme;
  /** Where archived sources' snapshots are kept (served at /archive/, never as files). */
  sourceArchive: { snapshots: BlobStore };
  /** What `/readyz` checks (database, migrations, blob store). */
  readinessChecks: ReadinessCheck[];
}

/** What the public site's pages share; `theme` renders them (the site's own unless told otherwise). */
export function createSiteEnv(site: HttpSite, assets: ThemeAssets, theme: Theme = site.theme): SiteEnv {
  return {
    ctx: site.ctx,
    theme,
    siteUrl: site.config.siteUrl,
    stylesheetPath: assets.paths.get('style.css') ?? '/assets/style.css',
    publicPath: (key) => site.media.publicPath(key),
    generation: () => site.events.changeCount,
    memo: new Map(),
  };
}

export interface BuiltApp {
  app: FastifyInstance;
  cache: PageCache;
  /** Every route the app serves, as registered (method and URL pattern). */
  routes: { method: string; url: string }[];
  /** Set `isDraining` when shutdown begins: `/readyz` answers 503 from then on. */
  lifecycle: Lifecycle;
}

export interface BuildAppOptions {
  /** Where the JSON log lines go (default: standard output). */
  logStream?: NodeJS.WritableStream;
}

/** A request's path without its query string: the query may carry a member's link token. */
const pathOf = (url: string | undefined) => {
  const raw = url ?? '';
  const query = raw.indexOf('?');
  return query === -1 ? raw : raw.slice(0, query);
};

/**
 * One log line per request Fastify answers (cache hits are counted in metrics, not logged), with its
 * id, and the latency histogram by route kind when metrics are on.
 */
function registerRequestTelemetry(app: FastifyInstance, metrics: HttpMetrics | undefined): void {
  app.addHook('onRequest', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });
  app.addHook('onResponse', async (request, reply) => {
    const kind = routeKindOf(request.routeOptions.url ?? '/404');
    metrics?.observe(kind, request.method, reply.statusCode, reply.elapsedTime / 1000);
    request.log.info(
      {
        method: request.method,
        path: pathOf(request.url),
        kind,
        status: reply.statusCode,
        ms: Math.round(reply.elapsedTime * 10) / 10,
      },
      'request completed',
    );
  });
}

/** The HTTP transport: security headers, media files, the public site, and one error mapping. */
export async function buildApp(site: HttpSite, options: BuildAppOptions = {}): Promise<BuiltApp> {
  const { config } = site;
  // Pages carry signed form tokens (the signup box), so none is served for longer than they stay fresh.
  const cache = new PageCache(config.pageCacheEntries, {
    maxLifeMs: formPageLifeMs,
    now: () => site.ctx.clock.now().getTime(),
  });
  const siteIsHttps = config.siteUrl.startsWith('https://');
  const metrics = config.metricsToken ? new HttpMetrics(cache, site.ctx) : undefined;
  const app = Fastify({
    serverFactory: (handler) =>
      createServer((request, response) => {
        const startedAt = metrics ? performance.now() : 0;
        if (!serveFromCache(cache, request, response, siteIsHttps, requestIdOf))
          return handler(request, response);
        const seconds = (performance.now() - startedAt) / 1000;
        metrics?.observe(routeKindOf(pathOf(request.url)), request.method, response.statusCode, seconds);
      }),
    logger:
      config.logLevel === 'silent'
        ? false
        : { level: config.logLevel, ...(options.logStream ? { stream: options.logStream } : {}) },
    genReqId: requestIdOf,
    logController: new LogController({ disableRequestLogging: true, requestIdLogLabel: 'requestId' }),
    trustProxy: config.trustedProxies.length > 0 ? config.trustedProxies : false,
    // Long enough for any percent-encoded slug, so an over-long one is an ordinary 404 page.
    routerOptions: { maxParamLength: 4096 },
    // A URL that cannot be decoded gets a plain answer that repeats nothing of it. Fastify runs no
    // hooks for this answer, so it gets its security headers here.
    frameworkErrors: (_error, request, reply: FastifyReply) => {
      applySecurityHeaders(request, reply, { siteUrl: config.siteUrl });
      return reply.code(400).type('text/plain; charset=utf-8').send('Bad request');
    },
    bodyLimit: 1024 * 1024,
    clientErrorHandler: clientErrorHandler(config.siteUrl),
  });
  const routes: BuiltApp['routes'] = [];
  app.addHook('onRoute', (route) => {
    for (const method of [route.method].flat()) routes.push({ method, url: route.url });
  });
  site.events.subscribe((change) => dropShowing(cache, change));
  const assets = loadThemeAssets(site.theme);
  const env = createSiteEnv(site, assets);

  registerRequestTelemetry(app, metrics);
  registerSecurityHeaders(app, { siteUrl: config.siteUrl });
  mkdirSync(site.media.root, { recursive: true });
  await app.register(fastifyStatic, {
    root: site.media.root,
    prefix: '/media/',
    decorateReply: false,
    index: false,
    dotfiles: 'deny',
    immutable: true,
    maxAge: '365d',
    wildcard: true,
  });
  // Test sends go through the same pooled mailer the newsletter job uses (it connects on first use).
  const newsletterMailer = site.createNewsletterMailer();
  if (newsletterMailer) app.addHook('onClose', () => newsletterMailer.close());
  registerAdminApi(app, {
    ctx: site.ctx,
    newsletterMailer,
    siteUrl: config.siteUrl,
    publicPath: (key) => site.media.publicPath(key),
    preview: (postId) => previewPage(env, postId),
    checkAnswers: config.checkAnswers,
  });
  const lifecycle: Lifecycle = { isDraining: false };
  registerHealthRoutes(app, { checks: site.readinessChecks, lifecycle });
  registerMetricsRoute(
    app,
    metrics && config.metricsToken ? { metrics, token: config.metricsToken } : undefined,
  );
  registerAdminAppRoutes(app);
  registerContentApi(app, {
    ctx: site.ctx,
    siteUrl: config.siteUrl,
    publicPath: (key) => site.media.publicPath(key),
  });
  registerMemberRoutes(app, { env });
  registerArchiveRoutes(app, { env, snapshots: site.sourceArchive.snapshots });
  registerSiteRoutes(app, { env, cache, assets });

  app.setErrorHandler(async (error, request, reply) => {
    const mapped = toHttpError(error);
    if (mapped.isUnexpected) request.log.error({ err: error }, 'unhandled error');
    if (error instanceof RateLimitedError) reply.header('retry-after', String(error.retryAfterSeconds));
    if (request.url.startsWith('/admin/api/') || request.url.startsWith('/ghost/api/'))
      return reply.code(mapped.status).send(mapped.body);
    const page = await messagePage(env, mapped.status === 404 ? 'not-found' : 'error', '/');
    return reply
      .code(mapped.status)
      .type(page.contentType)
      .header('cache-control', 'no-store')
      .send(page.body);
  });
  return { app, cache, routes, lifecycle };
}
