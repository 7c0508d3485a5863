import type { FastifyInstance } from 'fastify';
import type { MemberWithNewsletters } from '../../domain/members/members-admin.js';
import {
  addMember,
  deleteMember,
  exportMembersCsv,
  importMembersCsv,
  listMembers,
  maxImportBytes,
  memberFilterOf,
  updateMember,
} from '../../domain/members/members-admin.js';
import {
  createNewsletter,
  deleteNewsletter,
  listNewsletters,
  updateNewsletter,
} from '../../domain/newsletters/newsletters.js';
import type { NewsletterRecord } from '../../domain/ports.js';
import { DomainError } from '../../domain/shared/errors.js';
import { assertCan } from '../../domain/staff/permissions.js';
import { actorOf, adminRoute, bodyOf, paramsOf, queryOf, type AdminApiDeps } from './actor.js';
import { metaOf, pagingOf } from './paging.js';

const idOf = (request: Parameters<typeof paramsOf>[0]) => paramsOf(request).id!;

export const presentNewsletter = (n: NewsletterRecord, memberCount = 0) => ({
  id: n.id,
  slug: n.slug,
  name: n.name,
  language: n.language,
  senderName: n.senderName,
  senderEmail: n.senderEmail,
  replyTo: n.replyTo,
  footer: n.footer,
  isActive: n.isActive,
  sortOrder: n.sortOrder,
  memberCount,
});

export const presentMember = (m: MemberWithNewsletters) => ({
  id: m.id,
  email: m.email,
  name: m.name,
  status: m.status,
  newsletterIds: m.newsletterIds,
  consentSource: m.consentSource,
  consentAt: m.consentAt,
  createdAt: m.createdAt,
});

/** Newsletters and members (docs/newsletters.md): the member list, CSV export and import. */
export function registerMemberRoutes(app: FastifyInstance, deps: AdminApiDeps): void {
  const { ctx } = deps;
  const countOf = async (id: string) => (await ctx.repos.newsletters.memberCounts()).get(id) ?? 0;

  adminRoute(app, deps, { method: 'GET', url: '/admin/api/newsletters' }, async (actor) => {
    assertCan(actor, 'read', 'newsletter');
    const [newsletters, counts] = await Promise.all([
      listNewsletters(ctx),
      ctx.repos.newsletters.memberCounts(),
    ]);
    return { newsletters: newsletters.map((n) => presentNewsletter(n, counts.get(n.id) ?? 0)) };
  });
  adminRoute(
    app,
    deps,
    { method: 'POST', url: '/admin/api/newsletters', status: 201 },
    async (actor, request) => {
      assertCan(actor, 'create', 'newsletter');
      return { newsletter: presentNewsletter(await createNewsletter(ctx, bodyOf(request))) };
    },
  );
  adminRoute(app, deps, { method: 'PATCH', url: '/admin/api/newsletters/:id' }, async (actor, request) => {
    assertCan(actor, 'update', 'newsletter');
    const newsletter = await updateNewsletter(ctx, idOf(request), bodyOf(request));
    return { newsletter: presentNewsletter(newsletter, await countOf(newsletter.id)) };
  });
  adminRoute(app, deps, { method: 'DELETE', url: '/admin/api/newsletters/:id' }, async (actor, request) => {
    assertCan(actor, 'delete', 'newsletter');
    await deleteNewsletter(ctx, idOf(request));
  });

  adminRoute(app, deps, { method: 'GET', url: '/admin/api/members' }, async (actor, request) => {
    assertCan(actor, 'read', 'member');
    const query = queryOf(request);
    const paging = pagingOf(query);
    const { members, total } = await listMembers(ctx, memberFilterOf(query), paging);
    return { members: members.map(presentMember), meta: metaOf(paging, total) };
  });
  adminRoute(
    app,
    deps,
    { method: 'POST', url: '/admin/api/members', status: 201 },
    async (actor, request) => {
      assertCan(actor, 'create', 'member');
      return { member: presentMember(await addMember(ctx, bodyOf(request))) };
    },
  );
  adminRoute(app, deps, { method: 'PATCH', url: '/admin/api/members/:id' }, async (actor, request) => {
    assertCan(actor, 'update', 'member');
    return { member: presentMember(await updateMember(ctx, idOf(request), bodyOf(request))) };
  });
  adminRoute(app, deps, { method: 'DELETE', url: '/admin/api/members/:id' }, async (actor, request) => {
    assertCan(actor, 'delete', 'member');
    await deleteMember(ctx, idOf(request));
  });

  app.get('/admin/api/members/export', async (request, reply) => {
    const actor = await actorOf(deps, request, false);
    assertCan(actor, 'read', 'member');
    const csv = await exportMembersCsv(ctx);
    const day = ctx.clock.now().toISOString().slice(0, 10);
    return reply
      .header('cache-control', 'no-store')
      .header('content-disposition', `attachment; filename="members-${day}.csv"`)
      .type('text/csv; charset=utf-8')
      .send(csv);
  });

  // The import takes the CSV file itself as the body (text/csv), up to 5 MiB.
  void app.register(async (scope) => {
    scope.addContentTypeParser(
      ['text/csv', 'text/plain'],
      { parseAs: 'string', bodyLimit: maxImportBytes },
      (_request, body, done) => done(null, body),
    );
    adminRoute(scope, deps, { method: 'POST', url: '/admin/api/members/import' }, async (actor, request) => {
      assertCan(actor, 'create', 'member');
      const body = request.body;
      if (typeof body !== 'string')
        throw new DomainError(
          'UNSUPPORTED_MEDIA_TYPE',
          'Send the CSV file as the body, with content-type text/csv',
        );
      return importMembersCsv(ctx, body);
    });
  });
}
