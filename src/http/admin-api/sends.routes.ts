import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import {
  countRecipients,
  previewNewsletter,
  sendTestNewsletter,
} from '../../domain/newsletters/newsletter-preview.js';
import { getSend, listSends, startSend } from '../../domain/newsletters/sending.js';
import { id } from '../../domain/shared/fields.js';
import { enforce, limits } from '../../domain/limits/rate-limits.js';
import { adminRoute, type AdminApiDeps } from './actor.js';
import { idParams, parseRequest } from './request-schema.js';

const startSchema = z.strictObject({ postId: id });
const listSchema = z.strictObject({ postId: id.optional() });
/** `newsletterIds=a,b`: one or more ids, comma-separated. */
const countSchema = z.strictObject({
  newsletterIds: z
    .string()
    .max(2000)
    .transform((v) => v.split(',').filter(Boolean))
    .pipe(z.array(id).min(1).max(50)),
});

/** Test sends per staff member per fifteen minutes. */
export const testSendsPerStaff = limits.testSendsPerStaff.limit;

/** Newsletter sends: start one, list them, one send's totals and report (rights: `newsletter`). */
export function registerSendRoutes(app: FastifyInstance, deps: AdminApiDeps): void {
  const { ctx } = deps;
  adminRoute(
    app,
    deps,
    { method: 'POST', url: '/admin/api/newsletters/:id/sends', status: 201 },
    async (actor, request, _reply, ctx) => {
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
  adminRoute(
    app,
    deps,
    { method: 'GET', url: '/admin/api/newsletters/:id/preview' },
    async (actor, request) => {
      const { params, query } = parseRequest(request, { params: idParams, query: startSchema });
      return {
        preview: await previewNewsletter(ctx, actor, { newsletterId: params.id, postId: query.postId }),
      };
    },
  );
  adminRoute(
    app,
    deps,
    { method: 'POST', url: '/admin/api/newsletters/:id/test-send' },
    async (actor, request) => {
      const { params, body } = parseRequest(request, { params: idParams, body: startSchema });
      const { postId } = body;
      await enforce(ctx, limits.testSendsPerStaff, actor.staffId);
      const newsletterId = params.id;
      return {
        test: await sendTestNewsletter(ctx, { actor, newsletterId, postId, mailer: deps.newsletterMailer }),
      };
    },
  );
  adminRoute(
    app,
    deps,
    { method: 'GET', url: '/admin/api/newsletters/recipient-count' },
    async (actor, request) => {
      const { newsletterIds } = parseRequest(request, { query: countSchema }).query;
      return { newsletterIds, count: await countRecipients(ctx, actor, newsletterIds) };
    },
  );
}
