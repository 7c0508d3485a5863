import { mkdirSync } from 'node:fs';
import { createServer } from 'node:http';

import fastifyStatic from '@fastify/static';
import Fastify, { LogController, type FastifyInstance, type FastifyReply } from 'fastify';
import type { Site } from '../main.js';
import { toHttpError } from './errors.js';
import { registerSecurityHeaders } from './middleware/security-headers.js';
import { PageCache } from './page-cache.js';
import type { SiteEnv } from './site/site-env.js';
import { messagePage, previewPage } from './site/site-pages.js';
import { registerAdminApi } from './admin-api/admin-api.js';
import { registerAdminAppRoutes } from './admin-app/admin-app.routes.js';
import { formPageLifeMs } from './site/form-token.js';
import { registerMemberRoutes } from './site/member-routes.js';
import { registerSiteRoutes } from './site/site-routes.js';
import { serveFromCache } from './site/send-page.js';
import { loadThemeAssets, type ThemeAssets } from './theme-assets.js';

export function createSiteEnv(site: Site, assets: ThemeAssets): SiteEnv {
  return {
    ctx: site.ctx,
    siteUrl: site.config.siteUrl,
    stylesheetPath: assets.paths.get('style.css') ?? '/assets/style.css',
    publicPath: (key) => site.blobs.publicPath(key),
    generation: () => site.events.changeCount,
    memo: new Map(),
  };
}

export interface BuiltApp {
  app: FastifyInstance;
  cache: PageCache;
}

/** The HTTP transport: security headers, media files, the public site, and one error mapping. */
export async function buildApp(site: Site): Promise<BuiltApp> {
  const { config } = site;
  // Pages carry signed form tokens (the signup box), so none is served for longer than they stay fresh.
  const cache = new PageCache(config.pageCacheEntries, {
    maxLifeMs: formPageLifeMs,
    now: () => site.ctx.clock.now().getTime(),
  });
  const app = Fastify({
    serverFactory: (handler) =>
      createServer((request, response) => {
        if (!serveFromCache(cache, request, response)) handler(request, response);
      }),
    logger: config.logLevel === 'silent' ? false : { level: config.logLevel },
    logController: new LogController({ disableRequestLogging: true }),
    trustProxy: config.trustedProxies.length > 0 ? config.trustedProxies : false,
    // Long enough for any percent-encoded slug, so an over-long one is an ordinary 404 page.
    routerOptions: { maxParamLength: 4096 },
    // A URL that cannot be decoded gets a plain answer that repeats nothing of it.
    frameworkErrors: (_error, _request, reply: FastifyReply) =>
      reply.code(400).type('text/plain; charset=utf-8').send('Bad request'),
    bodyLimit: 1024 * 1024,
  });
  site.events.subscribe(() => cache.clear());
  const assets = loadThemeAssets();
  const env = createSiteEnv(site, assets);

  registerSecurityHeaders(app);
  mkdirSync(site.blobs.root, { recursive: true });
  await app.register(fastifyStatic, {
    root: site.blobs.root,
    prefix: '/media/',
    decorateReply: false,
    index: false,
    dotfiles: 'deny',
    immutable: true,
    maxAge: '365d',
    wildcard: true,
  });
  registerAdminApi(app, {
    ctx: site.ctx,
    siteUrl: config.siteUrl,
    publicPath: (key) => site.blobs.publicPath(key),
    preview: (postId) => previewPage(env, postId),
  });
  registerAdminAppRoutes(app);
  registerMemberRoutes(app, { env });
  registerSiteRoutes(app, { env, cache, assets });

  app.setErrorHandler(async (error, request, reply) => {
    const mapped = toHttpError(error);
    if (mapped.isUnexpected) request.log.error({ err: error }, 'unhandled error');
    if (request.url.startsWith('/admin/api/') || request.url.startsWith('/ghost/api/'))
      return reply.code(mapped.status).send(mapped.body);
    const page = await messagePage(env, mapped.status === 404 ? 'not-found' : 'error', '/');
    return reply
      .code(mapped.status)
      .type(page.contentType)
      .header('cache-control', 'no-store')
      .send(page.body);
  });
  return { app, cache };
}
