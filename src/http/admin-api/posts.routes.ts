import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import {
  createPostAs,
  deletePostAs,
  listRevisionsFor,
  loadPostFor,
  restoreRevisionAs,
  unpublishPostAs,
  updatePostAs,
} from '../../domain/posts/editorial.js';
import { publishAndSendAs } from '../../domain/newsletters/publish-and-send.js';
import { createPostSchema, updatePostSchema } from '../../domain/posts/post-input.js';
import { postStatuses, type PostType } from '../../domain/posts/post.types.js';
import { id, isoDate, languageCode, text } from '../../domain/shared/fields.js';
import { notFound, validationError } from '../../domain/shared/errors.js';
import type { PostRecord } from '../../domain/ports.js';
import { listPostPage, postEditorView, postSummaries } from '../../domain/posts/admin-post-views.js';
import type { AdminActor } from '../../domain/staff/permissions.js';
import type { RenderedPage } from '../page-cache.js';
import { adminRoute, RawAnswer, type AdminApiDeps } from './actor.js';
import { metaOf, pagingFields, toPaging } from './paging.js';
import { presentPost, presentPostSummaries } from './presenters.js';
import { idParams, parseRequest } from './request-schema.js';

const listQuerySchema = z.strictObject({
  status: z.enum(postStatuses).optional(),
  authorId: id.optional(),
  tagId: id.optional(),
  language: languageCode.optional(),
  q: text(200).optional(),
  ...pagingFields,
});
const publishSchema = z.strictObject({
  publishedAt: isoDate.optional(),
  newsletterIds: z.array(id).max(20).optional(),
});

/** A save; `autosave: true` keeps a published post's change as a revision only. */
const updateBodySchema = updatePostSchema.extend({ autosave: z.boolean().optional() });
const revisionParams = z.strictObject({ id, revisionId: id });

export interface PostRoutesDeps extends AdminApiDeps {
  preview: (postId: string) => Promise<RenderedPage | null>;
}

/** Posts and pages: one set of routes per type, each checked against that type's rights. */
export function registerPostRoutes(app: FastifyInstance, deps: PostRoutesDeps): void {
  for (const type of ['post', 'page'] as const) registerType(app, deps, type);
}

function registerType(app: FastifyInstance, deps: PostRoutesDeps, type: PostType): void {
  const { ctx, siteUrl } = deps;
  const base = `/admin/api/${type}s`;
  const present = async (actor: AdminActor, post: PostRecord, context: AdminApiDeps['ctx'] = ctx) => ({
    post: presentPost(deps, await postEditorView(context, actor, post)),
  });

  adminRoute(app, deps, { method: 'GET', url: base }, async (actor, request) => {
    const { query } = parseRequest(request, { query: listQuerySchema });
    const paging = toPaging(query);
    const { records, total } = await listPostPage(ctx, actor, type, query, paging);
    const summaries = presentPostSummaries(siteUrl, await postSummaries(ctx, records));
    return { [`${type}s`]: summaries, meta: metaOf(paging, total) };
  });

  adminRoute(app, deps, { method: 'GET', url: `${base}/:id` }, async (actor, request) => {
    const { params } = parseRequest(request, { params: idParams });
    const { post } = await loadPostFor(ctx, actor, type, params.id);
    return present(actor, post);
  });

  adminRoute(app, deps, { method: 'POST', url: base, status: 201 }, async (actor, request, _reply, ctx) => {
    const { body } = parseRequest(request, { body: createPostSchema });
    if (body.type !== undefined && body.type !== type)
      throw validationError([{ property: 'type', message: `must be ${type} here` }]);
    return present(actor, await createPostAs(ctx, actor, { ...body, type }), ctx);
  });

  adminRoute(app, deps, { method: 'PATCH', url: `${base}/:id` }, async (actor, request) => {
    const { params, body } = parseRequest(request, { params: idParams, body: updateBodySchema });
    const autosave = body.autosave === true;
    return present(actor, await updatePostAs(ctx, actor, type, params.id, { ...body, autosave }));
  });

  adminRoute(app, deps, { method: 'DELETE', url: `${base}/:id` }, async (actor, request) => {
    const { params } = parseRequest(request, { params: idParams });
    await deletePostAs(ctx, actor, type, params.id);
  });

  adminRoute(app, deps, { method: 'POST', url: `${base}/:id/publish` }, async (actor, request) => {
    const { params, body } = parseRequest(request, { params: idParams, body: publishSchema });
    return present(actor, await publishAndSendAs(ctx, actor, { type, id: params.id, ...body }));
  });

  adminRoute(app, deps, { method: 'POST', url: `${base}/:id/unpublish` }, async (actor, request) => {
    const { params } = parseRequest(request, { params: idParams });
    return present(actor, await unpublishPostAs(ctx, actor, type, params.id));
  });

  adminRoute(app, deps, { method: 'GET', url: `${base}/:id/revisions` }, async (actor, request) => {
    const { params } = parseRequest(request, { params: idParams });
    const revisions = await listRevisionsFor(ctx, actor, type, params.id);
    return {
      revisions: revisions.map((r) => ({
        id: r.id,
        createdAt: r.createdAt,
        staffName: r.staffName,
        title: r.title,
        isAutosave: r.isAutosave,
      })),
    };
  });

  adminRoute(
    app,
    deps,
    { method: 'POST', url: `${base}/:id/revisions/:revisionId/restore` },
    async (actor, request) => {
      const { params } = parseRequest(request, { params: revisionParams });
      return present(actor, await restoreRevisionAs(ctx, actor, type, params.id, params.revisionId));
    },
  );

  adminRoute(app, deps, { method: 'GET', url: `${base}/:id/preview` }, async (actor, request) => {
    const { params } = parseRequest(request, { params: idParams });
    const { post } = await loadPostFor(ctx, actor, type, params.id);
    const page = await deps.preview(post.id);
    if (!page) throw notFound('Post');
    return new RawAnswer(page.contentType, page.body, { 'x-robots-tag': 'noindex, nofollow' });
  });
}
