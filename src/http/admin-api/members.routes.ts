import { z } from 'zod';
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
import { memberAnswer, memberImportAnswer, metaAnswer, newsletterAnswer } from './answers.js';
import { endpoint, noContent, RawAnswer, type Endpoint } from './endpoint.js';
import { metaOf, pagingFields, toPaging } from './paging.js';
import { idParams, rawBody } from './request-schema.js';

const memberListQuery = memberListSchema.extend(pagingFields);
/** The report after a line already shown, so a polling screen asks only for what is new. */
const importReportQuery = z.strictObject({
  afterLine: z.coerce.number().int().min(0).default(0),
});

export const presentMemberImport = ({
  import: i,
  errors,
}: MemberImportProgress): z.input<typeof memberImportAnswer> => ({
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

export const presentNewsletter = (
  n: NewsletterRecord,
  memberCount = 0,
): z.input<typeof newsletterAnswer> => ({
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

export const presentMember = (m: MemberWithNewsletters): z.input<typeof memberAnswer> => ({
  id: m.id,
  email: m.email,
  name: m.name,
  status: m.status,
  newsletterIds: m.newsletterIds,
  consentSource: m.consentSource,
  consentAt: m.consentAt,
  createdAt: m.createdAt,
});

function csvOf(body: unknown): string {
  if (typeof body !== 'string')
    throw new DomainError(
      'UNSUPPORTED_MEDIA_TYPE',
      'Send the CSV file as the body, with content-type text/csv',
    );
  return body;
}

const newsletters = { tag: 'Newsletters', caller: 'staff' } as const;
const newsletterOf = z.object({ newsletter: newsletterAnswer });

/** Newsletters members can subscribe to (docs/newsletters.md). */
export const newsletterEndpoints: Endpoint[] = [
  endpoint({
    ...newsletters,
    operationId: 'listNewsletters',
    summary: 'Every newsletter, with how many members get it',
    method: 'GET',
    path: '/admin/api/newsletters',
    answer: z.object({ newsletters: z.array(newsletterAnswer) }),
    run: ({ ctx, caller }) => listNewsletters(ctx, caller),
    present: (list) => ({ newsletters: list.map((n) => presentNewsletter(n.newsletter, n.memberCount)) }),
  }),
  endpoint({
    ...newsletters,
    operationId: 'createNewsletter',
    summary: 'Creates a newsletter',
    method: 'POST',
    path: '/admin/api/newsletters',
    status: 201,
    body: createNewsletterSchema,
    answer: newsletterOf,
    run: ({ ctx, caller, body }) => createNewsletter(ctx, caller, body),
    present: (newsletter) => ({ newsletter: presentNewsletter(newsletter) }),
  }),
  endpoint({
    ...newsletters,
    operationId: 'updateNewsletter',
    summary: 'Changes a newsletter',
    method: 'PATCH',
    path: '/admin/api/newsletters/:id',
    params: idParams,
    body: updateNewsletterSchema,
    answer: newsletterOf,
    run: async ({ ctx, caller, params, body }) => {
      const newsletter = await updateNewsletter(ctx, caller, params.id, body);
      return { newsletter, memberCount: await memberCountOf(ctx, newsletter.id) };
    },
    present: ({ newsletter, memberCount }) => ({ newsletter: presentNewsletter(newsletter, memberCount) }),
  }),
  endpoint({
    ...newsletters,
    operationId: 'deleteNewsletter',
    summary: 'Deletes a newsletter that has never been sent',
    method: 'DELETE',
    path: '/admin/api/newsletters/:id',
    params: idParams,
    answer: 'none',
    run: ({ ctx, caller, params }) => deleteNewsletter(ctx, caller, params.id),
    present: noContent,
  }),
];

const members = { tag: 'Members', caller: 'staff' } as const;
const memberOf = z.object({ member: memberAnswer });
const importOf = z.object({ import: memberImportAnswer });

/** Members: the list, CSV export and import. */
export const memberEndpoints: Endpoint[] = [
  endpoint({
    ...members,
    operationId: 'listMembers',
    summary: 'Members, newest first, with search and filters',
    method: 'GET',
    path: '/admin/api/members',
    query: memberListQuery,
    answer: z.object({ members: z.array(memberAnswer), meta: metaAnswer }),
    run: async ({ ctx, caller, query }) => {
      const paging = toPaging(query);
      const { members, total } = await listMembers(ctx, caller, memberFilterOf(query), paging);
      return { members, meta: metaOf(paging, total) };
    },
    present: ({ members, meta }) => ({ members: members.map(presentMember), meta }),
  }),
  endpoint({
    ...members,
    operationId: 'addMember',
    summary: 'Adds a member by hand (consent source `admin`)',
    method: 'POST',
    path: '/admin/api/members',
    status: 201,
    body: addMemberSchema,
    answer: memberOf,
    run: ({ ctx, caller, body }) => addMember(ctx, caller, body),
    present: (member) => ({ member: presentMember(member) }),
  }),
  endpoint({
    ...members,
    operationId: 'updateMember',
    summary: 'Changes a member’s name, status or newsletters',
    method: 'PATCH',
    path: '/admin/api/members/:id',
    params: idParams,
    body: updateMemberSchema,
    answer: memberOf,
    run: ({ ctx, caller, params, body }) => updateMember(ctx, caller, params.id, body),
    present: (member) => ({ member: presentMember(member) }),
  }),
  endpoint({
    ...members,
    operationId: 'deleteMember',
    summary: 'Deletes a member and what is recorded of them',
    method: 'DELETE',
    path: '/admin/api/members/:id',
    params: idParams,
    answer: 'none',
    run: ({ ctx, caller, params }) => deleteMember(ctx, caller, params.id),
    present: noContent,
  }),
  endpoint({
    ...members,
    operationId: 'exportMembers',
    summary: 'Every member as a CSV file',
    method: 'GET',
    path: '/admin/api/members/export',
    answer: { contentType: 'text/csv', description: 'One member a line, with a header line.' },
    run: async ({ ctx, caller }) => ({ csv: await exportMembersCsv(ctx, caller), at: ctx.clock.now() }),
    present: ({ csv, at }) =>
      new RawAnswer('text/csv; charset=utf-8', csv, {
        'content-disposition': `attachment; filename="members-${at.toISOString().slice(0, 10)}.csv"`,
      }),
  }),
  endpoint({
    ...members,
    operationId: 'getMemberImport',
    summary: 'How far a member import is, with the report’s lines after `afterLine`',
    method: 'GET',
    path: '/admin/api/members/imports/:id',
    params: idParams,
    query: importReportQuery,
    answer: importOf,
    run: ({ ctx, caller, params, query }) =>
      memberImportProgress(ctx, caller, params.id, { afterLine: query.afterLine, limit: 1000 }),
    present: (progress) => ({ import: presentMemberImport(progress) }),
  }),
  endpoint({
    ...members,
    operationId: 'importMembers',
    summary: 'Imports members from a CSV file (the body, text/csv, up to 5 MiB), as a job',
    description: 'The file is stored and answered 202 at once; GET …/imports/:id shows how far it is.',
    method: 'POST',
    path: '/admin/api/members/import',
    status: 202,
    body: rawBody,
    rawBody: {
      contentTypes: ['text/csv', 'text/plain'],
      parseAs: 'string',
      maxBytes: maxImportBytes,
      description: 'The CSV file: a header line with `email` and optionally `name`, `newsletters`.',
    },
    answer: importOf,
    run: ({ ctx, caller, body }) =>
      requestMemberImport(ctx, caller, {
        csv: csvOf(body),
        createdBy: caller.kind === 'staff' ? caller.staffId : null,
      }),
    present: (record) => ({ import: presentMemberImport({ import: record, errors: [] }) }),
  }),
];
