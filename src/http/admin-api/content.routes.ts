import type { FastifyInstance } from 'fastify';
import { createPromotion, deletePromotion, updatePromotion } from '../../domain/promos/promotions.js';
import {
  createRedirect,
  deleteRedirect,
  listRedirects,
  updateRedirect,
} from '../../domain/redirects/redirects.js';
import { assertCan } from '../../domain/staff/permissions.js';
import { createTag, deleteTag, updateTag } from '../../domain/taxonomy/tags.js';
import { adminRoute, bodyOf, paramsOf, type AdminApiDeps } from './actor.js';
import { presentPromotion, presentRedirect, presentTag } from './presenters.js';

const idOf = (request: Parameters<typeof paramsOf>[0]) => paramsOf(request).id!;

/** Tags (topics, people, organisations, places), promotions and redirects. */
export function registerContentRoutes(app: FastifyInstance, deps: AdminApiDeps): void {
  registerTagRoutes(app, deps);
  registerPromotionRoutes(app, deps);
  registerRedirectRoutes(app, deps);
}

function registerTagRoutes(app: FastifyInstance, deps: AdminApiDeps): void {
  const { ctx } = deps;
  adminRoute(app, deps, { method: 'GET', url: '/admin/api/tags' }, async (actor) => {
    assertCan(actor, 'read', 'tag');
    const [tags, counts] = await Promise.all([ctx.repos.tags.list(), ctx.repos.tags.postCounts()]);
    return { tags: tags.map((t) => presentTag(t, counts.get(t.id) ?? 0)) };
  });
  adminRoute(app, deps, { method: 'POST', url: '/admin/api/tags', status: 201 }, async (actor, request) => {
    assertCan(actor, 'create', 'tag');
    return { tag: presentTag(await createTag(ctx, bodyOf(request))) };
  });
  adminRoute(app, deps, { method: 'PATCH', url: '/admin/api/tags/:id' }, async (actor, request) => {
    assertCan(actor, 'update', 'tag');
    return { tag: presentTag(await updateTag(ctx, idOf(request), bodyOf(request))) };
  });
  adminRoute(app, deps, { method: 'DELETE', url: '/admin/api/tags/:id' }, async (actor, request) => {
    assertCan(actor, 'delete', 'tag');
    await deleteTag(ctx, idOf(request));
  });
}

function registerPromotionRoutes(app: FastifyInstance, deps: AdminApiDeps): void {
  const { ctx, publicPath } = deps;
  const present = async (p: Parameters<typeof presentPromotion>[1]) =>
    presentPromotion(
      publicPath,
      p,
      p.imageMediaId ? await ctx.repos.media.findById(p.imageMediaId) : undefined,
    );

  adminRoute(app, deps, { method: 'GET', url: '/admin/api/promotions' }, async (actor) => {
    assertCan(actor, 'read', 'promotion');
    return { promotions: await Promise.all((await ctx.repos.promotions.list()).map(present)) };
  });
  adminRoute(
    app,
    deps,
    { method: 'POST', url: '/admin/api/promotions', status: 201 },
    async (actor, request) => {
      assertCan(actor, 'create', 'promotion');
      return { promotion: await present(await createPromotion(ctx, bodyOf(request))) };
    },
  );
  adminRoute(app, deps, { method: 'PATCH', url: '/admin/api/promotions/:id' }, async (actor, request) => {
    assertCan(actor, 'update', 'promotion');
    return { promotion: await present(await updatePromotion(ctx, idOf(request), bodyOf(request))) };
  });
  adminRoute(app, deps, { method: 'DELETE', url: '/admin/api/promotions/:id' }, async (actor, request) => {
    assertCan(actor, 'delete', 'promotion');
    await deletePromotion(ctx, idOf(request));
  });
}

function registerRedirectRoutes(app: FastifyInstance, deps: AdminApiDeps): void {
  const { ctx } = deps;
  adminRoute(app, deps, { method: 'GET', url: '/admin/api/redirects' }, async (actor) => ({
    redirects: (await listRedirects(ctx, actor)).map(presentRedirect),
  }));
  adminRoute(
    app,
    deps,
    { method: 'POST', url: '/admin/api/redirects', status: 201 },
    async (actor, request) => ({
      redirect: presentRedirect(await createRedirect(ctx, actor, bodyOf(request))),
    }),
  );
  adminRoute(app, deps, { method: 'PATCH', url: '/admin/api/redirects/:id' }, async (actor, request) => ({
    redirect: presentRedirect(await updateRedirect(ctx, actor, idOf(request), bodyOf(request))),
  }));
  adminRoute(app, deps, { method: 'DELETE', url: '/admin/api/redirects/:id' }, async (actor, request) => {
    await deleteRedirect(ctx, actor, idOf(request));
  });
}
