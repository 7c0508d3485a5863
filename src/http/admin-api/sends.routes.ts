import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import {
  countRecipients,
  previewNewsletter,
  sendTestNewsletter,
} from '../../domain/newsletters/newsletter-preview.js';
import { getSend, listSends, startSend } from '../../domain/newsletters/sending.js';
import { id } from '../../domain/shared/fields.js';
import { parseInput } from '../../domain/shared/validate.js';
import { enforce, limits } from '../../domain/limits/rate-limits.js';
import { adminRoute, paramsOf, queryOf, type AdminApiDeps } from './actor.js';

const startSchema = z.object({ postId: id });
const listSchema = z.object({ postId: id.optional() });
/** `newsletterIds=a,b`: one or more ids, comma-separated. */
const countSchema = z.object({
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
  adminRoute(
    app,
    deps,
    { method: 'GET', url: '/admin/api/newsletters/:id/preview' },
    async (actor, request) => {
      const { postId } = parseInput(startSchema, queryOf(request));
      return {
        preview: await previewNewsletter(ctx, actor, { newsletterId: paramsOf(request).id!, postId }),
      };
    },
  );
  adminRoute(
    app,
    deps,
    { method: 'POST', url: '/admin/api/newsletters/:id/test-send' },
    async (actor, request) => {
      const { postId } = parseInput(startSchema, request.body ?? {});
      await enforce(ctx, limits.testSendsPerStaff, actor.staffId);
      const newsletterId = paramsOf(request).id!;
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
      const { newsletterIds } = parseInput(countSchema, queryOf(request));
      return { newsletterIds, count: await countRecipients(ctx, actor, newsletterIds) };
    },
  );
}
