import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { getSend, listSends, startSend } from '../../domain/newsletters/sending.js';
import { id } from '../../domain/shared/fields.js';
import { parseInput } from '../../domain/shared/validate.js';
import { adminRoute, paramsOf, queryOf, type AdminApiDeps } from './actor.js';

const startSchema = z.object({ postId: id });
const listSchema = z.object({ postId: id.optional() });

/** Newsletter sends: start one, list them, one send's totals and report (rights: `newsletter`). */
export function registerSendRoutes(app: FastifyInstance, deps: AdminApiDeps): void {
  const { ctx } = deps;
  adminRoute(
    app,
    deps,
    { method: 'POST', url: '/admin/api/newsletters/:id/sends', status: 201 },
    async (actor, request) => {
      const { postId } = parseInput(startSchema, request.body ?? {});
      const createdBy = actor.kind === 'staff' ? actor.staffId : null;
      return {
        send: await startSend(ctx, { postId, newsletterId: paramsOf(request).id!, actor, createdBy }),
      };
    },
  );
  adminRoute(app, deps, { method: 'GET', url: '/admin/api/sends' }, async (actor, request) => {
    const { postId } = parseInput(listSchema, queryOf(request));
    return { sends: await listSends(ctx, actor, postId ? { postId } : {}) };
  });
  adminRoute(app, deps, { method: 'GET', url: '/admin/api/sends/:id' }, async (actor, request) =>
    getSend(ctx, actor, paramsOf(request).id!),
  );
}
