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
import type { DomainContext } from '../../domain/context.js';
import { metaAnswer, postAnswer, postSummaryAnswer, revisionAnswer } from './answers.js';
import { endpoint, noContent, RawAnswer, type Endpoint } from './endpoint.js';
import { metaOf, pagingFields, toPaging } from './paging.js';
import { presentPost, presentPostSummaries, presentRevision } from './presenters.js';
import { idParams } from './request-schema.js';

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
const postAnswerOf = z.object({ post: postAnswer });

const withEditorView = async (ctx: DomainContext, actor: AdminActor, post: PostRecord) =>
  postEditorView(ctx, actor, post);

/** Posts and pages: one set of endpoints per type, each checked against that type's rights. */
export const postEndpoints: Endpoint[] = (['post', 'page'] as const).flatMap(endpointsOfType);

function endpointsOfType(type: PostType): Endpoint[] {
  const base = `/admin/api/${type}s`;
  const Type = type === 'post' ? 'Post' : 'Page';
  const doc = { tag: `${Type}s` };
  const presentOne = (
    view: Awaited<ReturnType<typeof postEditorView>>,
    deps: { siteUrl: string; publicPath: (key: string) => string },
  ) => ({
    post: presentPost(deps, view),
  });
  return [
    endpoint({
      ...doc,
      operationId: `list${Type}s`,
      summary: `${Type}s the caller may read, newest change first, with filters and search`,
      method: 'GET',
      path: base,
      caller: 'staff',
      query: listQuerySchema,
      answer: z.object({ [`${type}s`]: z.array(postSummaryAnswer), meta: metaAnswer }),
      run: async ({ ctx, caller, query }) => {
        const paging = toPaging(query);
        const { records, total } = await listPostPage(ctx, caller, type, query, paging);
        return { summaries: await postSummaries(ctx, records), meta: metaOf(paging, total) };
      },
      present: ({ summaries, meta }, deps) => ({
        [`${type}s`]: presentPostSummaries(deps.siteUrl, summaries),
        meta,
      }),
    }),
    endpoint({
      ...doc,
      operationId: `get${Type}`,
      summary: `One ${type}, with everything the editor shows`,
      method: 'GET',
      path: `${base}/:id`,
      caller: 'staff',
      params: idParams,
      answer: postAnswerOf,
      run: async ({ ctx, caller, params }) =>
        withEditorView(ctx, caller, (await loadPostFor(ctx, caller, type, params.id)).post),
      present: presentOne,
    }),
    endpoint({
      ...doc,
      operationId: `create${Type}`,
      summary: `Creates a ${type} (a draft unless a status is given)`,
      method: 'POST',
      path: base,
      status: 201,
      caller: 'staff',
      body: createPostSchema,
      answer: postAnswerOf,
      run: async ({ ctx, caller, body }) => {
        if (body.type !== undefined && body.type !== type)
          throw validationError([{ property: 'type', message: `must be ${type} here` }]);
        return withEditorView(ctx, caller, await createPostAs(ctx, caller, { ...body, type }));
      },
      present: presentOne,
    }),
    endpoint({
      ...doc,
      operationId: `update${Type}`,
      summary: `Saves a ${type}; with \`autosave: true\` a published ${type}'s change is kept as a revision only`,
      method: 'PATCH',
      path: `${base}/:id`,
      caller: 'staff',
      params: idParams,
      body: updateBodySchema,
      answer: postAnswerOf,
      run: async ({ ctx, caller, params, body }) => {
        const autosave = body.autosave === true;
        const post = await updatePostAs(ctx, caller, type, params.id, { ...body, autosave });
        return withEditorView(ctx, caller, post);
      },
      present: presentOne,
    }),
    endpoint({
      ...doc,
      operationId: `delete${Type}`,
      summary: `Deletes a ${type}`,
      method: 'DELETE',
      path: `${base}/:id`,
      caller: 'staff',
      params: idParams,
      answer: 'none',
      run: ({ ctx, caller, params }) => deletePostAs(ctx, caller, type, params.id),
      present: noContent,
    }),
    endpoint({
      ...doc,
      operationId: `publish${Type}`,
      summary: `Publishes a ${type} (now or at \`publishedAt\`), and sends it to the newsletters named`,
      method: 'POST',
      path: `${base}/:id/publish`,
      caller: 'staff',
      params: idParams,
      body: publishSchema,
      answer: postAnswerOf,
      run: async ({ ctx, caller, params, body }) =>
        withEditorView(ctx, caller, await publishAndSendAs(ctx, caller, { type, id: params.id, ...body })),
      present: presentOne,
    }),
    endpoint({
      ...doc,
      operationId: `unpublish${Type}`,
      summary: `Takes a ${type} back to draft`,
      method: 'POST',
      path: `${base}/:id/unpublish`,
      caller: 'staff',
      params: idParams,
      answer: postAnswerOf,
      run: async ({ ctx, caller, params }) =>
        withEditorView(ctx, caller, await unpublishPostAs(ctx, caller, type, params.id)),
      present: presentOne,
    }),
    endpoint({
      ...doc,
      operationId: `list${Type}Revisions`,
      summary: `A ${type}'s saved states, newest first`,
      method: 'GET',
      path: `${base}/:id/revisions`,
      caller: 'staff',
      params: idParams,
      answer: z.object({ revisions: z.array(revisionAnswer) }),
      run: ({ ctx, caller, params }) => listRevisionsFor(ctx, caller, type, params.id),
      present: (revisions) => ({ revisions: revisions.map(presentRevision) }),
    }),
    endpoint({
      ...doc,
      operationId: `restore${Type}Revision`,
      summary: `Restores a saved state of a ${type} (itself saved as a new revision)`,
      method: 'POST',
      path: `${base}/:id/revisions/:revisionId/restore`,
      caller: 'staff',
      params: revisionParams,
      answer: postAnswerOf,
      run: async ({ ctx, caller, params }) =>
        withEditorView(ctx, caller, await restoreRevisionAs(ctx, caller, type, params.id, params.revisionId)),
      present: presentOne,
    }),
    endpoint({
      ...doc,
      operationId: `preview${Type}`,
      summary: `The ${type} as readers would see it, published or not (never indexed)`,
      method: 'GET',
      path: `${base}/:id/preview`,
      caller: 'staff',
      params: idParams,
      answer: { contentType: 'text/html', description: 'The page, as the site renders it.' },
      run: async ({ ctx, caller, params, deps }) => {
        const { post } = await loadPostFor(ctx, caller, type, params.id);
        const page = await deps.preview(post.id);
        if (!page) throw notFound(Type);
        return page;
      },
      present: (page) => new RawAnswer(page.contentType, page.body, { 'x-robots-tag': 'noindex, nofollow' }),
    }),
  ];
}
