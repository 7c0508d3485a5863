import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { getSend, listSends, startSend } from '../../domain/newsletters/sending.js';
import { id } from '../../domain/shared/fields.js';
import { adminRoute, type AdminApiDeps } from './actor.js';
import { idParams, parseRequest } from './request-schema.js';

const startSchema = z.strictObject({ postId: id });
const listSchema = z.strictObject({ postId: id.optional() });

/** Newsletter sends: start one, list them, one send's totals and report (rights: `newsletter`). */
export function registerSendRoutes(app: FastifyInstance, deps: AdminApiDeps): void {
  const { ctx } = deps;
  adminRoute(
    app,
    deps,
    { method: 'POST', url: '/admin/api/newsletters/:id/sends', status: 201 },
    async (actor, request) => {
      const { params, body } = parseRequest(request, { params: idParams, body: startSchema });
      const { postId } = body;
      const createdBy = actor.kind === 'staff' ? actor.staffId : null;
      return {
        send: await startSend(ctx, { postId, newsletterId: params.id, actor, createdBy }),
      };
    },
  );
  adminRoute(app, deps, { method: 'GET', url: '/admin/api/sends' }, async (actor, request) => {
    const { postId } = parseRequest(request, { query: listSchema }).query;
    return { sends: await listSends(ctx, actor, postId ? { postId } : {}) };
  });
  adminRoute(app, deps, { method: 'GET', url: '/admin/api/sends/:id' }, async (actor, request) =>
    getSend(ctx, actor, parseRequest(request, { params: idParams }).params.id),
  );
}
