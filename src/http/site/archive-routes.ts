import { createHash } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { BlobStore } from '../../domain/ports.js';
import { readPublicSnapshot } from '../../domain/sources/read-snapshot.js';
import { archivePageStyle, renderArchivePage } from '../../rendering/archive-page.js';
import { loadChrome, type SiteEnv } from './site-env.js';

const styleHash = createHash('sha256').update(archivePageStyle).digest('base64');

/**
 * A snapshot is someone else's page: it runs in a sandbox (a unique origin: no cookies, no storage,
 * no script, no forms, no plugins, no popups), loads nothing but its inlined images and the banner's
 * one style, and may not be framed. Even if the sanitizer let something through, it could not run.
 */
export const archiveContentSecurityPolicy = [
  'sandbox',
  "default-src 'none'",
  "script-src 'none'",
  'img-src data:',
  `style-src 'sha256-${styleHash}'`,
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

export const archiveHeaders: Readonly<Record<string, string>> = {
  'content-security-policy': archiveContentSecurityPolicy,
  'x-robots-tag': 'noindex, nofollow',
  'x-frame-options': 'DENY',
  'referrer-policy': 'no-referrer',
  'cross-origin-resource-policy': 'same-origin',
};

/** `/archive/<snapshot id>/`: an archived copy of a cited source, with a banner saying what it is. */
export function registerArchiveRoutes(
  app: FastifyInstance,
  options: { env: SiteEnv; snapshots: BlobStore },
): void {
  const { env, snapshots } = options;
  app.get('/archive/:id/', async (request, reply) => {
    const { id } = request.params as { id: string };
    const found = await readPublicSnapshot(env.ctx, snapshots, id);
    if (!found) {
      reply.callNotFound();
      return reply;
    }
    const { settings } = await loadChrome(env);
    const body = renderArchivePage({
      snapshot: found.snapshot,
      content: found.html,
      language: found.language,
      siteTitle: settings.title,
      timeZone: settings.timezone,
      t: env.theme.strings(found.language).archive,
    });
    return reply
      .headers(archiveHeaders)
      .header('cache-control', 'public, max-age=300')
      .type('text/html; charset=utf-8')
      .send(body);
  });
}
