import type { FastifyInstance } from 'fastify';
import {
  createApiToken,
  createTokenSchema,
  listApiTokens,
  revokeApiToken,
} from '../../domain/integrations/api-tokens.js';
import {
  readSiteSettings,
  settingsChangeSchema,
  updateSiteSettings,
} from '../../domain/settings/site-settings.js';
import { adminRoute, type AdminApiDeps } from './actor.js';
import { presentToken } from './presenters.js';
import { idParams, parseRequest } from './request-schema.js';

const withoutSecret = (answer: unknown) => ({ ...(answer as object), secret: null });

/** Site settings and integrations (API tokens). */
export function registerSettingsRoutes(app: FastifyInstance, deps: AdminApiDeps): void {
  const { ctx } = deps;
  adminRoute(app, deps, { method: 'GET', url: '/admin/api/settings' }, async (actor, request) => {
    parseRequest(request, {});
    return { settings: await readSiteSettings(ctx, actor) };
  });
  adminRoute(app, deps, { method: 'PATCH', url: '/admin/api/settings' }, async (actor, request) => {
    const { body } = parseRequest(request, { body: settingsChangeSchema });
    return { settings: await updateSiteSettings(ctx, actor, body) };
  });

  adminRoute(app, deps, { method: 'GET', url: '/admin/api/tokens' }, async (actor, request) => {
    parseRequest(request, {});
    return { tokens: (await listApiTokens(ctx, actor)).map(presentToken) };
  });
  adminRoute(
    app,
    deps,
    // A token's secret is shown once and stored only hashed: a replay answers without it.
    { method: 'POST', url: '/admin/api/tokens', status: 201, storedAnswer: withoutSecret },
    async (actor, request, _reply, ctx) => {
      const { body } = parseRequest(request, { body: createTokenSchema });
      const { token, secret } = await createApiToken(ctx, actor, body);
      return { token: presentToken(token), secret };
    },
  );
  adminRoute(app, deps, { method: 'DELETE', url: '/admin/api/tokens/:id' }, async (actor, request) => {
    const { params } = parseRequest(request, { params: idParams });
    await revokeApiToken(ctx, actor, params.id);
  });
}
