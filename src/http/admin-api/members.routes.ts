import type { FastifyInstance } from 'fastify';
import type { MemberWithNewsletters } from '../../domain/members/members-admin.js';
import {
  addMember,
  addMemberSchema,
  deleteMember,
  exportMembersCsv,
  listMembers,
  memberFilterOf,
  memberListSchema,
  updateMember,
  updateMemberSchema,
} from '../../domain/members/members-admin.js';
import {
  createNewsletter,
  createNewsletterSchema,
  deleteNewsletter,
  listNewsletters,
  memberCountOf,
  updateNewsletter,
  updateNewsletterSchema,
} from '../../domain/newsletters/newsletters.js';
import {
  maxImportBytes,
  memberImportProgress,
  requestMemberImport,
  type MemberImportProgress,
} from '../../domain/members/member-import.js';
import type { NewsletterRecord } from '../../domain/ports.js';
import { DomainError } from '../../domain/shared/errors.js';
import { z } from 'zod';
import { adminRoute, RawAnswer, type AdminApiDeps } from './actor.js';
import { metaOf, pagingFields, toPaging } from './paging.js';
import { idParams, parseRequest, rawBody } from './request-schema.js';

const memberListQuery = memberListSchema.extend(pagingFields);
/** The report after a line already shown, so a polling screen asks only for what is new. */
const importReportQuery = z.strictObject({
  afterLine: z.coerce.number().int().min(0).default(0),
});

export const presentMemberImport = ({ import: i, errors }: MemberImportProgress) => ({
  id: i.id,
  status: i.status,
  totalLines: i.totalLines,
  linesDone: i.linesDone,
  imported: i.imported,
  updated: i.updated,
  skipped: i.skipped,
  createdAt: i.createdAt,
  finishedAt: i.finishedAt,
  errors,
});

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

  adminRoute(app, deps, { method: 'GET', url: '/admin/api/newsletters' }, async (actor, request) => {
    parseRequest(request, {});
    const newsletters = await listNewsletters(ctx, actor);
    return { newsletters: newsletters.map((n) => presentNewsletter(n.newsletter, n.memberCount)) };
  });
  adminRoute(
    app,
    deps,
    { method: 'POST', url: '/admin/api/newsletters', status: 201 },
    async (actor, request, _reply, ctx) => {
      const { body } = parseRequest(request, { body: createNewsletterSchema });
      return { newsletter: presentNewsletter(await createNewsletter(ctx, actor, body)) };
    },
  );
  adminRoute(app, deps, { method: 'PATCH', url: '/admin/api/newsletters/:id' }, async (actor, request) => {
    const { params, body } = parseRequest(request, { params: idParams, body: updateNewsletterSchema });
    const newsletter = await updateNewsletter(ctx, actor, params.id, body);
    return { newsletter: presentNewsletter(newsletter, await memberCountOf(ctx, newsletter.id)) };
  });
  adminRoute(app, deps, { method: 'DELETE', url: '/admin/api/newsletters/:id' }, async (actor, request) => {
    const { params } = parseRequest(request, { params: idParams });
    await deleteNewsletter(ctx, actor, params.id);
  });

  adminRoute(app, deps, { method: 'GET', url: '/admin/api/members' }, async (actor, request) => {
    const { query } = parseRequest(request, { query: memberListQuery });
    const paging = toPaging(query);
    const { members, total } = await listMembers(ctx, actor, memberFilterOf(query), paging);
    return { members: members.map(presentMember), meta: metaOf(paging, total) };
  });
  adminRoute(
    app,
    deps,
    { method: 'POST', url: '/admin/api/members', status: 201 },
    async (actor, request, _reply, ctx) => {
      const { body } = parseRequest(request, { body: addMemberSchema });
      return { member: presentMember(await addMember(ctx, actor, body)) };
    },
  );
  adminRoute(app, deps, { method: 'PATCH', url: '/admin/api/members/:id' }, async (actor, request) => {
    const { params, body } = parseRequest(request, { params: idParams, body: updateMemberSchema });
    return { member: presentMember(await updateMember(ctx, actor, params.id, body)) };
  });
  adminRoute(app, deps, { method: 'DELETE', url: '/admin/api/members/:id' }, async (actor, request) => {
    const { params } = parseRequest(request, { params: idParams });
    await deleteMember(ctx, actor, params.id);
  });

  adminRoute(app, deps, { method: 'GET', url: '/admin/api/members/export' }, async (actor, request) => {
    parseRequest(request, {});
    const csv = await exportMembersCsv(ctx, actor);
    const day = ctx.clock.now().toISOString().slice(0, 10);
    return new RawAnswer('text/csv; charset=utf-8', csv, {
      'content-disposition': `attachment; filename="members-${day}.csv"`,
    });
  });

  adminRoute(app, deps, { method: 'GET', url: '/admin/api/members/imports/:id' }, async (actor, request) => {
    const { params, query } = parseRequest(request, { params: idParams, query: importReportQuery });
    const progress = await memberImportProgress(ctx, actor, params.id, {
      afterLine: query.afterLine,
      limit: 1000,
    });
    return { import: presentMemberImport(progress) };
  });

  // The import takes the CSV file itself as the body (text/csv), up to 5 MiB. The file is stored and
  // answered 202 at once; the member-import job works it (GET …/imports/:id shows how far it is).
  void app.register(async (scope) => {
    scope.addContentTypeParser(
      ['text/csv', 'text/plain'],
      { parseAs: 'string', bodyLimit: maxImportBytes },
      (_request, body, done) => done(null, body),
    );
    adminRoute(
      scope,
      deps,
      { method: 'POST', url: '/admin/api/members/import', status: 202 },
      async (actor, request, _reply, ctx) => {
        const { body } = parseRequest(request, { body: rawBody });
        if (typeof body !== 'string')
          throw new DomainError(
            'UNSUPPORTED_MEDIA_TYPE',
            'Send the CSV file as the body, with content-type text/csv',
          );
        const createdBy = actor.kind === 'staff' ? actor.staffId : null;
        const record = await requestMemberImport(ctx, actor, { csv: body, createdBy });
        return { import: presentMemberImport({ import: record, errors: [] }) };
      },
    );
  });
}
