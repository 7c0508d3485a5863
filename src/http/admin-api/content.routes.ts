import type { FastifyInstance } from 'fastify';
import {
  createPromotion,
  createPromotionSchema,
  deletePromotion,
  listPromotions,
  type PromotionWithImage,
  updatePromotion,
  updatePromotionSchema,
  withImage,
} from '../../domain/promos/promotions.js';
import {
  createRedirect,
  createRedirectSchema,
  deleteRedirect,
  listRedirects,
  updateRedirect,
  updateRedirectSchema,
} from '../../domain/redirects/redirects.js';
import {
  createTag,
  createTagSchema,
  deleteTag,
  listTags,
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
    return { tags: (await listTags(ctx, actor)).map(({ tag, postCount }) => presentTag(tag, postCount)) };
  });
  adminRoute(
    app,
    deps,
    { method: 'POST', url: '/admin/api/tags', status: 201 },
    async (actor, request, _reply, ctx) => {
      const { body } = parseRequest(request, { body: createTagSchema });
      return { tag: presentTag(await createTag(ctx, actor, body)) };
    },
  );
  adminRoute(app, deps, { method: 'PATCH', url: '/admin/api/tags/:id' }, async (actor, request) => {
    const { params, body } = parseRequest(request, { params: idParams, body: updateTagSchema });
    return { tag: presentTag(await updateTag(ctx, actor, params.id, body)) };
  });
  adminRoute(app, deps, { method: 'DELETE', url: '/admin/api/tags/:id' }, async (actor, request) => {
    const { params } = parseRequest(request, { params: idParams });
    await deleteTag(ctx, actor, params.id);
  });
}

function registerPromotionRoutes(app: FastifyInstance, deps: AdminApiDeps): void {
  const { ctx, publicPath } = deps;
  const present = ({ promotion, image }: PromotionWithImage) =>
    presentPromotion(publicPath, promotion, image);

  adminRoute(app, deps, { method: 'GET', url: '/admin/api/promotions' }, async (actor, request) => {
    parseRequest(request, {});
    return { promotions: (await listPromotions(ctx, actor)).map(present) };
  });
  adminRoute(
    app,
    deps,
    { method: 'POST', url: '/admin/api/promotions', status: 201 },
    async (actor, request, _reply, ctx) => {
      const { body } = parseRequest(request, { body: createPromotionSchema });
      return { promotion: present(await withImage(ctx, await createPromotion(ctx, actor, body))) };
    },
  );
  adminRoute(app, deps, { method: 'PATCH', url: '/admin/api/promotions/:id' }, async (actor, request) => {
    const { params, body } = parseRequest(request, { params: idParams, body: updatePromotionSchema });
    return { promotion: present(await withImage(ctx, await updatePromotion(ctx, actor, params.id, body))) };
  });
  adminRoute(app, deps, { method: 'DELETE', url: '/admin/api/promotions/:id' }, async (actor, request) => {
    const { params } = parseRequest(request, { params: idParams });
    await deletePromotion(ctx, actor, params.id);
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
