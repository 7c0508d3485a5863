import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { maxImageBytes, redescribeSchema } from '../../domain/media/import-image.js';
import {
  assertMayUpload,
  deleteMediaAs,
  describeMediaAs,
  listMediaFor,
  loadMediaFor,
  mediaUsageFor,
  uploadMediaAs,
} from '../../domain/media/media-library.js';
import { enforce, limits } from '../../domain/limits/rate-limits.js';
import { DomainError } from '../../domain/shared/errors.js';
import { adminRoute, type AdminApiDeps } from './actor.js';
import { metaOf, pagingSchema, toPaging } from './paging.js';
import { presentMedia } from './presenters.js';
import { idParams, parseRequest, rawBody } from './request-schema.js';

const uploadQuerySchema = z.strictObject({ filename: z.string().max(1000).default('upload') });

/**
 * The media library. Uploads are the file's bytes as the request body, whatever Content-Type the
 * client sends: the type is read from the bytes (see the image processor), never from a header or name.
 */
export function registerMediaRoutes(app: FastifyInstance, deps: AdminApiDeps): void {
  const { ctx, publicPath } = deps;
  const present = (m: Parameters<typeof presentMedia>[1]) => presentMedia(publicPath, m);

  adminRoute(app, deps, { method: 'GET', url: '/admin/api/media' }, async (actor, request) => {
    const paging = toPaging(parseRequest(request, { query: pagingSchema }).query);
    const { media, total } = await listMediaFor(ctx, actor, paging);
    return { media: media.map(present), meta: metaOf(paging, total) };
  });

  adminRoute(app, deps, { method: 'GET', url: '/admin/api/media/:id' }, async (actor, request) => {
    const { params } = parseRequest(request, { params: idParams });
    const media = await loadMediaFor(ctx, actor, params.id);
    const usage = await mediaUsageFor(ctx, actor, media.id);
    return { media: { ...present(media), usage: usage.posts, usedElsewhere: usage.elsewhere } };
  });

  adminRoute(app, deps, { method: 'PATCH', url: '/admin/api/media/:id' }, async (actor, request) => {
    const { params, body } = parseRequest(request, { params: idParams, body: redescribeSchema });
    return { media: present(await describeMediaAs(ctx, actor, params.id, body)) };
  });

  adminRoute(app, deps, { method: 'DELETE', url: '/admin/api/media/:id' }, async (actor, request) => {
    const { params } = parseRequest(request, { params: idParams });
    await deleteMediaAs(ctx, actor, params.id);
  });

  // Its own scope, so the raw-bytes body parser applies to this route alone. Who is calling, and
  // whether they may upload, is settled before the body is read (see adminRoute).
  void app.register(async (scope) => {
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit: maxImageBytes }, (_request, body, done) =>
      done(null, body),
    );
    adminRoute(
      scope,
      deps,
      {
        method: 'POST',
        url: '/admin/api/media',
        status: 201,
        guard: assertMayUpload,
      },
      async (actor, request, _reply, ctx) => {
        const { filename } = parseRequest(request, { query: uploadQuerySchema, body: rawBody }).query;
        await enforce(ctx, limits.uploadsPerAccount, actor.staffId);
        if (!Buffer.isBuffer(request.body) || request.body.length === 0)
          throw new DomainError('VALIDATION', 'Send the file as the request body', [
            { property: 'file', message: 'is required' },
          ]);
        return {
          media: present(await uploadMediaAs(ctx, actor, { bytes: request.body, originalName: filename })),
        };
      },
    );
  });
}
