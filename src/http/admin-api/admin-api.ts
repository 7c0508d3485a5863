import type { FastifyInstance } from 'fastify';
import { registerAccountRoutes } from './account.routes.js';
import { registerContentRoutes } from './content.routes.js';
import { registerMemberRoutes } from './members.routes.js';
import { registerMediaRoutes } from './media.routes.js';
import { registerPostRoutes, type PostRoutesDeps } from './posts.routes.js';
import { registerSendRoutes } from './sends.routes.js';
import { registerSessionRoutes } from './session.routes.js';
import { registerSignInRoutes } from './sign-in.routes.js';
import { registerTotpRoutes } from './totp.routes.js';
import { registerSettingsRoutes } from './settings.routes.js';
import { registerStaffRoutes } from './staff.routes.js';

/** Every Admin API route (docs/admin-api.md). */
export function registerAdminApi(app: FastifyInstance, deps: PostRoutesDeps): void {
  registerSessionRoutes(app, deps);
  registerSignInRoutes(app, deps);
  registerAccountRoutes(app, deps);
  registerTotpRoutes(app, deps);
  registerStaffRoutes(app, deps);
  registerPostRoutes(app, deps);
  registerMediaRoutes(app, deps);
  registerContentRoutes(app, deps);
  registerSettingsRoutes(app, deps);
  registerMemberRoutes(app, deps);
  registerSendRoutes(app, deps);
  // Unknown Admin API paths answer in the API's error shape, not with the site's 404 page.
  app.all('/admin/api/*', async (_request, reply) =>
    reply.code(404).send({ errors: [{ code: 'NOT_FOUND', message: 'No such Admin API endpoint' }] }),
  );
}
