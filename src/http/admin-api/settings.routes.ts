import type { FastifyInstance } from 'fastify';
import { createApiToken, listApiTokens, revokeApiToken } from '../../domain/integrations/api-tokens.js';
import { getSiteSettings, updateSiteSettings } from '../../domain/settings/site-settings.js';
import { assertCan } from '../../domain/staff/permissions.js';
import { adminRoute, bodyOf, paramsOf, type AdminApiDeps } from './actor.js';
import { presentToken } from './presenters.js';

/** Site settings and integrations (API tokens). */
export function registerSettingsRoutes(app: FastifyInstance, deps: AdminApiDeps): void {
  const { ctx } = deps;
  adminRoute(app, deps, { method: 'GET', url: '/admin/api/settings' }, async (actor) => {
    assertCan(actor, 'read', 'settings');
    return { settings: await getSiteSettings(ctx) };
  });
  adminRoute(app, deps, { method: 'PATCH', url: '/admin/api/settings' }, async (actor, request) => {
    assertCan(actor, 'update', 'settings');
    return { settings: await updateSiteSettings(ctx, bodyOf(request)) };
  });

  adminRoute(app, deps, { method: 'GET', url: '/admin/api/tokens' }, async (actor) => ({
    tokens: (await listApiTokens(ctx, actor)).map(presentToken),
  }));
  adminRoute(app, deps, { method: 'POST', url: '/admin/api/tokens', status: 201 }, async (actor, request) => {
    const { token, secret } = await createApiToken(ctx, actor, bodyOf(request));
    return { token: presentToken(token), secret };
  });
  adminRoute(app, deps, { method: 'DELETE', url: '/admin/api/tokens/:id' }, async (actor, request) => {
    await revokeApiToken(ctx, actor, paramsOf(request).id!);
  });
}
