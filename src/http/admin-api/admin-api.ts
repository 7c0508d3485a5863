import type { FastifyInstance } from 'fastify';
import { accountEndpoints } from './account.routes.js';
import { promotionEndpoints, redirectEndpoints, tagEndpoints } from './content.routes.js';
import type { AdminApiDeps, Endpoint } from './endpoint.js';
import { importEndpoints } from './imports.routes.js';
import { mediaEndpoints } from './media.routes.js';
import { memberEndpoints, newsletterEndpoints } from './members.routes.js';
import { serveEndpoints } from './pipeline.js';
import { noteEndpoints } from './notes.routes.js';
import { postEndpoints } from './posts.routes.js';
import { sendEndpoints } from './sends.routes.js';
import { sessionEndpoints } from './session.routes.js';
import { settingsEndpoints, tokenEndpoints } from './settings.routes.js';
import { signInEndpoints } from './sign-in.routes.js';
import { sourceEndpoints } from './sources.routes.js';
import { staffEndpoints } from './staff.routes.js';
import { totpEndpoints } from './totp.routes.js';

/** Every Admin API endpoint (docs/admin-api.md), in the OpenAPI document's order. */
export const adminEndpoints: Endpoint[] = [
  ...sessionEndpoints,
  ...signInEndpoints,
  ...accountEndpoints,
  ...totpEndpoints,
  ...staffEndpoints,
  ...postEndpoints,
  ...sourceEndpoints,
  ...noteEndpoints,
  ...mediaEndpoints,
  ...tagEndpoints,
  ...promotionEndpoints,
  ...redirectEndpoints,
  ...settingsEndpoints,
  ...tokenEndpoints,
  ...newsletterEndpoints,
  ...memberEndpoints,
  ...importEndpoints,
  ...sendEndpoints,
];

/** Serves the Admin API: every declaration through the one pipeline. */
export function registerAdminApi(app: FastifyInstance, deps: AdminApiDeps): void {
  serveEndpoints(app, deps, adminEndpoints);
  // Unknown Admin API paths answer in the API's error shape, not with the site's 404 page.
  app.all('/admin/api/*', async (_request, reply) =>
    reply.code(404).send({ errors: [{ code: 'NOT_FOUND', message: 'No such Admin API endpoint' }] }),
  );
}
