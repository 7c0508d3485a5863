import type { FastifyInstance } from 'fastify';
import {
  createPromotion,
  createPromotionSchema,
  deletePromotion,
  updatePromotion,
  updatePromotionSchema,
} from '../../domain/promos/promotions.js';
import {
  createRedirect,
  createRedirectSchema,
  deleteRedirect,
  listRedirects,
  updateRedirect,
  updateRedirectSchema,
} from '../../domain/redirects/redirects.js';
import { assertCan } from '../../domain/staff/permissions.js';
import {
  createTag,
  createTagSchema,
  deleteTag,
  updateTag,
  updateTagSchema,
} from '../../domain/taxonomy/tags.js';
import { adminRoute, type AdminApiDeps } from './actor.js';
import { presentPromotion, presentRedirect, presentTag } from './presenters.js';
import { idParams, parseRequest } from './request-schema.js';

/** Tags (topics, people, organisations, places), promotions and redirects. */
export function registerContentRoutes(app: FastifyInstance, deps: AdminApiDeps): void {
  registerTagRoutes(app, deps);
  registerPromotionRoutes(app, deps);
  registerRedirectRoutes(app, deps);
}

function registerTagRoutes(app: FastifyInstance, deps: AdminApiDeps): void {
  const { ctx } = deps;
  adminRoute(app, deps, { method: 'GET', url: '/admin/api/tags' }, async (actor, request) => {
    parseRequest(request, {});
    assertCan(actor, 'read', 'tag');
    const [tags, counts] = await Promise.all([ctx.repos.tags.list(), ctx.repos.tags.postCounts()]);
    return { tags: tags.map((t) => presentTag(t, counts.get(t.id) ?? 0)) };
  });
  adminRoute(
    app,
    deps,
    { method: 'POST', url: '/admin/api/tags', status: 201 },
    async (actor, request, _reply, ctx) => {
      assertCan(actor, 'create', 'tag');
      const { body } = parseRequest(request, { body: createTagSchema });
      return { tag: presentTag(await createTag(ctx, body)) };
    },
  );
  adminRoute(app, deps, { method: 'PATCH', url: '/admin/api/tags/:id' }, async (actor, request) => {
    assertCan(actor, 'update', 'tag');
    const { params, body } = parseRequest(request, { params: idParams, body: updateTagSchema });
    return { tag: presentTag(await updateTag(ctx, params.id, body)) };
  });
  adminRoute(app, deps, { method: 'DELETE', url: '/admin/api/tags/:id' }, async (actor, request) => {
    assertCan(actor, 'delete', 'tag');
    const { params } = parseRequest(request, { params: idParams });
    await deleteTag(ctx, params.id);
  });
}

function registerPromotionRoutes(app: FastifyInstance, deps: AdminApiDeps): void {
  const { ctx, publicPath } = deps;
  const present = async (p: Parameters<typeof presentPromotion>[1], context = ctx) =>
    presentPromotion(
      publicPath,
      p,
      p.imageMediaId ? await context.repos.media.findById(p.imageMediaId) : undefined,
    );

  adminRoute(app, deps, { method: 'GET', url: '/admin/api/promotions' }, async (actor, request) => {
    parseRequest(request, {});
    assertCan(actor, 'read', 'promotion');
    return { promotions: await Promise.all((await ctx.repos.promotions.list()).map((p) => present(p))) };
  });
  adminRoute(
    app,
    deps,
    { method: 'POST', url: '/admin/api/promotions', status: 201 },
    async (actor, request, _reply, ctx) => {
      assertCan(actor, 'create', 'promotion');
      const { body } = parseRequest(request, { body: createPromotionSchema });
      return { promotion: await present(await createPromotion(ctx, body), ctx) };
    },
  );
  adminRoute(app, deps, { method: 'PATCH', url: '/admin/api/promotions/:id' }, async (actor, request) => {
    assertCan(actor, 'update', 'promotion');
    const { params, body } = parseRequest(request, { params: idParams, body: updatePromotionSchema });
    return { promotion: await present(await updatePromotion(ctx, params.id, body)) };
  });
  adminRoute(app, deps, { method: 'DELETE', url: '/admin/api/promotions/:id' }, async (actor, request) => {
    assertCan(actor, 'delete', 'promotion');
    const { params } = parseRequest(request, { params: idParams });
    await deletePromotion(ctx, params.id);
  });
}

function registerRedirectRoutes(app: FastifyInstance, deps: AdminApiDeps): void {
  const { ctx } = deps;
  adminRoute(app, deps, { method: 'GET', url: '/admin/api/redirects' }, async (actor, request) => {
    parseRequest(request, {});
    return { redirects: (await listRedirects(ctx, actor)).map(presentRedirect) };
  });
  adminRoute(
    app,
    deps,
    { method: 'POST', url: '/admin/api/redirects', status: 201 },
    async (actor, request, _reply, ctx) => {
      const { body } = parseRequest(request, { body: createRedirectSchema });
      return { redirect: presentRedirect(await createRedirect(ctx, actor, body)) };
    },
  );
  adminRoute(app, deps, { method: 'PATCH', url: '/admin/api/redirects/:id' }, async (actor, request) => {
    const { params, body } = parseRequest(request, { params: idParams, body: updateRedirectSchema });
    return { redirect: presentRedirect(await updateRedirect(ctx, actor, params.id, body)) };
  });
  adminRoute(app, deps, { method: 'DELETE', url: '/admin/api/redirects/:id' }, async (actor, request) => {
    const { params } = parseRequest(request, { params: idParams });
    await deleteRedirect(ctx, actor, params.id);
  });
}
