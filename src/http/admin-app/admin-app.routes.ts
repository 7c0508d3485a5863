import { readFile } from 'node:fs/promises';
import { extname, join } from 'node:path';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { adminSecurityHeaders } from '../middleware/security-headers.js';
import { PageCache, type CachedPage } from '../page-cache.js';
import { projectRoot } from '../project-root.js';
import { pageResponse } from '../site/send-page.js';

const types: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.woff2': 'font/woff2',
  '.png': 'image/png',
};
const textTypes = /^(text\/|image\/svg)/;
/** Vite's fingerprinted file names: letters, digits, `-`, `_` and dots, never a leading dot. */
const assetName = /^[A-Za-z0-9_-][A-Za-z0-9_.-]{0,200}$/;
const notBuilt =
  'The admin app has not been built.\n\nRun `npm run build` (it needs the dev dependencies: `npm install`), then reload.\n';

export interface AdminAppRoutesOptions {
  /** The Vite build: index.html and assets/. Defaults to dist/admin/ in the project. */
  distDir?: string;
}

/**
 * The admin single-page app: `/admin/` is its one page (never cached), `/admin/assets/*` its
 * fingerprinted files (cached for a year). Every answer carries the admin's strict security headers
 * (set again by the security-headers hook, so no error answer goes without them).
 */
export function registerAdminAppRoutes(app: FastifyInstance, options: AdminAppRoutesOptions = {}): void {
  const distDir = options.distDir ?? join(projectRoot(), 'dist', 'admin');
  // Fingerprinted names never change content, so a file once read is kept (compressed on demand).
  const assets = new PageCache(500);
  const binary = new Map<string, { type: string; body: Buffer }>();

  const plain = (reply: FastifyReply, status: number, text: string) =>
    reply
      .code(status)
      .headers(adminSecurityHeaders)
      .header('cache-control', 'no-store')
      .type('text/plain; charset=utf-8')
      .send(text);

  app.get('/admin', (request, reply) => {
    const query = request.url.indexOf('?');
    return reply.redirect(`/admin/${query === -1 ? '' : request.url.slice(query)}`, 301);
  });

  app.get('/admin/', async (_request, reply) => {
    let html: string;
    try {
      html = await readFile(join(distDir, 'index.html'), 'utf8');
    } catch {
      return plain(reply.header('retry-after', '60'), 503, notBuilt);
    }
    return reply
      .headers(adminSecurityHeaders)
      .header('cache-control', 'no-store')
      .type('text/html; charset=utf-8')
      .send(html);
  });

  const loadAsset = async (name: string): Promise<CachedPage | { type: string; body: Buffer } | null> => {
    const path = `/admin/assets/${name}`;
    const known = assets.get(path) ?? binary.get(path);
    if (known) return known;
    const type = types[extname(name)];
    if (!type || !assetName.test(name)) return null;
    let body: Buffer;
    try {
      body = await readFile(join(distDir, 'assets', name));
    } catch {
      return null;
    }
    if (!textTypes.test(type)) {
      const file = { type, body };
      binary.set(path, file);
      return file;
    }
    return assets.store(
      path,
      { status: 200, contentType: type, body: body.toString('utf8'), maxAge: 31_536_000 },
      assets.currentGeneration,
    );
  };

  app.get('/admin/assets/:file', async (request: FastifyRequest<{ Params: { file: string } }>, reply) => {
    const asset = await loadAsset(request.params.file);
    if (!asset) return plain(reply, 404, 'Not found\n');
    const immutable = 'public, max-age=31536000, immutable';
    if ('body' in asset)
      return reply
        .headers(adminSecurityHeaders)
        .header('cache-control', immutable)
        .type(asset.type)
        .send(asset.body);
    const answer = pageResponse(request.headers, asset);
    return reply
      .code(answer.status)
      .headers({ ...answer.headers, ...adminSecurityHeaders, 'cache-control': immutable })
      .send(answer.body ?? undefined);
  });
}
