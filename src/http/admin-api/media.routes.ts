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
import { limits } from '../../domain/limits/rate-limits.js';
import { DomainError } from '../../domain/shared/errors.js';
import type { MediaRecord } from '../../domain/ports.js';
import { mediaAnswer, metaAnswer } from './answers.js';
import { endpoint, noContent, type AdminApiDeps, type Endpoint } from './endpoint.js';
import { metaOf, pagingSchema, toPaging } from './paging.js';
import { presentMedia } from './presenters.js';
import { idParams, rawBody } from './request-schema.js';

const uploadQuerySchema = z.strictObject({ filename: z.string().max(1000).default('upload') });
const doc = { tag: 'Media', caller: 'staff' } as const;
const mediaOf = z.object({ media: mediaAnswer });
const present = (m: MediaRecord, deps: AdminApiDeps) => presentMedia(deps.publicPath, m);

function uploadedBytes(body: unknown): Buffer {
  if (!Buffer.isBuffer(body) || body.length === 0)
    throw new DomainError('VALIDATION', 'Send the file as the request body', [
      { property: 'file', message: 'is required' },
    ]);
  return body;
}

/**
 * The media library. Uploads are the file's bytes as the request body, whatever Content-Type the
 * client sends: the type is read from the bytes (see the image processor), never from a header or name.
 */
export const mediaEndpoints: Endpoint[] = [
  endpoint({
    ...doc,
    operationId: 'listMedia',
    summary: 'The images the caller may see, newest first',
    method: 'GET',
    path: '/admin/api/media',
    query: pagingSchema,
    answer: z.object({ media: z.array(mediaAnswer), meta: metaAnswer }),
    run: async ({ ctx, caller, query }) => {
      const paging = toPaging(query);
      const { media, total } = await listMediaFor(ctx, caller, paging);
      return { media, meta: metaOf(paging, total) };
    },
    present: ({ media, meta }, deps) => ({ media: media.map((m) => present(m, deps)), meta }),
  }),
  endpoint({
    ...doc,
    operationId: 'getMedia',
    summary: 'One image, with the posts and other places that use it',
    method: 'GET',
    path: '/admin/api/media/:id',
    params: idParams,
    answer: mediaOf,
    run: async ({ ctx, caller, params }) => {
      const media = await loadMediaFor(ctx, caller, params.id);
      return { media, usage: await mediaUsageFor(ctx, caller, media.id) };
    },
    present: ({ media, usage }, deps) => ({
      media: {
        ...present(media, deps),
        usage: usage.posts.map((p) => ({ id: p.id, title: p.title, type: p.type })),
        usedElsewhere: usage.elsewhere,
      },
    }),
  }),
  endpoint({
    ...doc,
    operationId: 'describeMedia',
    summary: 'Changes an image’s alt text, caption and credit',
    method: 'PATCH',
    path: '/admin/api/media/:id',
    params: idParams,
    body: redescribeSchema,
    answer: mediaOf,
    run: ({ ctx, caller, params, body }) => describeMediaAs(ctx, caller, params.id, body),
    present: (media, deps) => ({ media: present(media, deps) }),
  }),
  endpoint({
    ...doc,
    operationId: 'deleteMedia',
    summary: 'Deletes an image no post or place uses',
    method: 'DELETE',
    path: '/admin/api/media/:id',
    params: idParams,
    answer: 'none',
    run: ({ ctx, caller, params }) => deleteMediaAs(ctx, caller, params.id),
    present: noContent,
  }),
  endpoint({
    ...doc,
    operationId: 'uploadMedia',
    summary: 'Uploads an image: the file’s bytes as the body, its name in `filename`',
    description: 'JPEG, PNG, WebP, GIF or AVIF, read from the bytes, never from a header or the name.',
    method: 'POST',
    path: '/admin/api/media',
    status: 201,
    // Who may upload at all is settled before the body is read.
    guard: assertMayUpload,
    query: uploadQuerySchema,
    body: rawBody,
    rawBody: {
      contentTypes: '*',
      parseAs: 'buffer',
      maxBytes: maxImageBytes,
      description: 'The image file.',
    },
    rateLimits: ({ caller }) => [[limits.uploadsPerAccount, caller.staffId]],
    answer: mediaOf,
    run: ({ ctx, caller, query, body }) =>
      uploadMediaAs(ctx, caller, { bytes: uploadedBytes(body), originalName: query.filename }),
    present: (media, deps) => ({ media: present(media, deps) }),
  }),
];
