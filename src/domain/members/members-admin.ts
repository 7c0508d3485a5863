import { z } from 'zod';
import type { DomainContext } from '../context.js';
import type { MemberFilter, MemberRecord } from '../ports.js';
import { conflict, notFound, validationError } from '../shared/errors.js';
import { text } from '../shared/fields.js';
import { newId } from '../shared/ids.js';
import { parseInput } from '../shared/validate.js';
import { csvRow } from './csv.js';
import { memberEmail } from './email-address.js';
import { assertCan, type AnyActor } from '../staff/permissions.js';

/** The members as the admin sees them: staff with the `member` right (checked by the route). */

export interface MemberWithNewsletters extends MemberRecord {
  newsletterIds: string[];
}

const memberStatuses = ['pending', 'active', 'unsubscribed'] as const;
const newsletterIdsField = z.array(z.string().max(64)).max(100);

/** An empty query parameter (`?status=`) is no filter. */
const blankIsAbsent = <T extends z.ZodType>(schema: T) =>
  z.preprocess((v) => (v === '' ? undefined : v), schema.optional());
/** The member list's filters (`GET /admin/api/members` adds paging). */
export const memberListSchema = z.strictObject({
  q: blankIsAbsent(z.string().max(254)),
  status: blankIsAbsent(z.enum(memberStatuses)),
  newsletterId: blankIsAbsent(z.string().max(64)),
});
export const addMemberSchema = z.strictObject({
  email: memberEmail,
  name: text(191).optional(),
  newsletterIds: newsletterIdsField.default([]),
});
export const updateMemberSchema = z.strictObject({
  name: text(191).optional(),
  status: z.enum(memberStatuses).optional(),
  newsletterIds: newsletterIdsField.optional(),
});

async function withNewsletters(
  ctx: DomainContext,
  members: MemberRecord[],
): Promise<MemberWithNewsletters[]> {
  const ids = await ctx.repos.members.newsletterIdsFor(members.map((m) => m.id));
  return members.map((m) => ({ ...m, newsletterIds: ids.get(m.id) ?? [] }));
}

async function checkNewsletterIds(ctx: DomainContext, ids: string[]): Promise<string[]> {
  const known = new Set((await ctx.repos.newsletters.list()).map((n) => n.id));
  const unknown = ids.filter((id) => !known.has(id));
  if (unknown.length) throw validationError([{ property: 'newsletterIds', message: 'no such newsletter' }]);
  return [...new Set(ids)];
}

export function memberFilterOf(query: Record<string, unknown>): MemberFilter {
  const f = parseInput(memberListSchema, {
    q: query.q || undefined,
    status: query.status || undefined,
    newsletterId: query.newsletterId || undefined,
  });
  return {
    ...(f.q?.trim() ? { search: f.q.trim() } : {}),
    ...(f.status ? { status: f.status } : {}),
    ...(f.newsletterId ? { newsletterId: f.newsletterId } : {}),
  };
}

export async function listMembers(
  ctx: DomainContext,
  actor: AnyActor,
  filter: MemberFilter,
  page: { offset: number; limit: number },
): Promise<{ members: MemberWithNewsletters[]; total: number }> {
  assertCan(actor, 'read', 'member');
  const [members, total] = await Promise.all([
    ctx.repos.members.list(filter, page),
    ctx.repos.members.count(filter),
  ]);
  return { members: await withNewsletters(ctx, members), total };
}

/** A member added by hand: active, consent recorded as given to the staff member (`admin`), now. */
export async function addMember(
  ctx: DomainContext,
  actor: AnyActor,
  input: z.input<typeof addMemberSchema>,
): Promise<MemberWithNewsletters> {
  assertCan(actor, 'create', 'member');
  const f = parseInput(addMemberSchema, input);
  if (await ctx.repos.members.findByEmail(f.email))
    throw conflict('A member with that email exists', 'email');
  const newsletterIds = await checkNewsletterIds(ctx, f.newsletterIds);
  const now = ctx.clock.now();
  const member: MemberRecord = {
    id: newId(now),
    email: f.email,
    name: f.name ?? '',
    status: 'active',
    consentSource: 'admin',
    consentAt: now.toISOString(),
    createdAt: now.toISOString(),
    updatedAt: now.toISOString(),
  };
  await ctx.repos.transaction(async (repos) => {
    await repos.members.insert(member);
    await repos.members.addNewsletters(member.id, newsletterIds, member.createdAt);
  });
  return (await withNewsletters(ctx, [member]))[0]!;
}

export async function updateMember(
  ctx: DomainContext,
  actor: AnyActor,
  id: string,
  input: z.input<typeof updateMemberSchema>,
): Promise<MemberWithNewsletters> {
  assertCan(actor, 'update', 'member');
  const f = parseInput(updateMemberSchema, input);
  const member = await ctx.repos.members.findById(id);
  if (!member) throw notFound('Member');
  const newsletterIds = f.newsletterIds && (await checkNewsletterIds(ctx, f.newsletterIds));
  const now = ctx.clock.now().toISOString();
  const patch: Partial<MemberRecord> = { updatedAt: now };
  if (f.name !== undefined) patch.name = f.name;
  if (f.status !== undefined && f.status !== member.status) {
    patch.status = f.status;
    if (f.status === 'active') Object.assign(patch, { consentSource: 'admin', consentAt: now });
  }
  await ctx.repos.transaction(async (repos) => {
    await repos.members.update(id, patch);
    if (newsletterIds) await repos.members.setNewsletters(id, newsletterIds, now);
  });
  return (await withNewsletters(ctx, [(await ctx.repos.members.findById(id))!]))[0]!;
}

export async function deleteMember(ctx: DomainContext, actor: AnyActor, id: string): Promise<void> {
  assertCan(actor, 'delete', 'member');
  const deleted = await ctx.repos.transaction((repos) => repos.members.delete(id));
  if (!deleted) throw notFound('Member');
}

export const csvColumns = [
  'email',
  'name',
  'status',
  'newsletters',
  'consent_source',
  'consent_at',
  'created_at',
] as const;

/** Every member as CSV (newsletters by slug, separated by `;`), safe to open in a spreadsheet. */
export async function exportMembersCsv(ctx: DomainContext, actor: AnyActor): Promise<string> {
  assertCan(actor, 'read', 'member');
  const slugs = new Map((await ctx.repos.newsletters.list()).map((n) => [n.id, n.slug]));
  let out = csvRow([...csvColumns]);
  const pageSize = 500;
  for (let offset = 0; ; offset += pageSize) {
    const members = await withNewsletters(ctx, await ctx.repos.members.list({}, { offset, limit: pageSize }));
    for (const m of members)
      out += csvRow([
        m.email,
        m.name,
        m.status,
        m.newsletterIds.map((id) => slugs.get(id) ?? id).join(';'),
        m.consentSource,
        m.consentAt ?? '',
        m.createdAt,
      ]);
    if (members.length < pageSize) return out;
  }
}
