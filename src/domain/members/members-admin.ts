import { z } from 'zod';
import type { DomainContext } from '../context.js';
import type { MemberFilter, MemberRecord, MemberStatus, NewsletterRecord } from '../ports.js';
import { conflict, DomainError, notFound, validationError } from '../shared/errors.js';
import { text } from '../shared/fields.js';
import { newId } from '../shared/ids.js';
import { parseInput } from '../shared/validate.js';
import { csvRow, parseCsv, uncsvCell } from './csv.js';
import { checkEmailAddress, memberEmail } from './email-address.js';

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
  filter: MemberFilter,
  page: { offset: number; limit: number },
): Promise<{ members: MemberWithNewsletters[]; total: number }> {
  const [members, total] = await Promise.all([
    ctx.repos.members.list(filter, page),
    ctx.repos.members.count(filter),
  ]);
  return { members: await withNewsletters(ctx, members), total };
}

/** A member added by hand: active, consent recorded as given to the staff member (`admin`), now. */
export async function addMember(
  ctx: DomainContext,
  input: z.input<typeof addMemberSchema>,
): Promise<MemberWithNewsletters> {
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
  id: string,
  input: z.input<typeof updateMemberSchema>,
): Promise<MemberWithNewsletters> {
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

export async function deleteMember(ctx: DomainContext, id: string): Promise<void> {
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
export async function exportMembersCsv(ctx: DomainContext): Promise<string> {
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

export interface ImportReport {
  imported: number;
  updated: number;
  skipped: number;
  errors: { line: number; message: string }[];
}

export const maxImportBytes = 5 * 1024 * 1024;

function resolveNewsletters(cell: string, newsletters: NewsletterRecord[]): string[] | string {
  const ids: string[] = [];
  for (const name of cell
    .split(/[;|]/)
    .map((s) => s.trim())
    .filter(Boolean)) {
    const found = newsletters.find((n) => n.slug === name.toLowerCase() || n.id === name);
    if (!found) return `no newsletter "${name.slice(0, 80)}"`;
    ids.push(found.id);
  }
  return ids;
}

/**
 * Imports members from CSV with a header row naming the columns (`email` required; the others as the
 * export writes them). A new address becomes a member with consent `import`; a known address gets the
 * name (when given) and the newsletters added, and keeps its status, so an unsubscribe is never undone
 * by an import. Each line is stored whole or not at all; every bad line is reported with its number.
 */
export async function importMembersCsv(ctx: DomainContext, csv: string): Promise<ImportReport> {
  if (Buffer.byteLength(csv) > maxImportBytes)
    throw new DomainError('PAYLOAD_TOO_LARGE', 'The file is larger than 5 MiB');
  let records;
  try {
    records = parseCsv(csv);
  } catch (error) {
    throw validationError([{ message: (error as Error).message }]);
  }
  const header = records.shift();
  const columns = header?.cells.map((c) => c.trim().toLowerCase()) ?? [];
  if (!columns.includes('email'))
    throw validationError([{ message: 'the first line must name the columns, including email' }]);
  const col = (cells: string[], name: string) => {
    const i = columns.indexOf(name);
    return i >= 0 ? uncsvCell(cells[i] ?? '').trim() : '';
  };
  const newsletters = await ctx.repos.newsletters.list();
  const report: ImportReport = { imported: 0, updated: 0, skipped: 0, errors: [] };
  const seen = new Set<string>();
  for (const record of records) {
    const fail = (message: string) => {
      report.errors.push({ line: record.line, message });
      report.skipped++;
    };
    if (record.cells.length !== columns.length) {
      fail(`has ${record.cells.length} fields, the header ${columns.length}`);
      continue;
    }
    const checked = checkEmailAddress(col(record.cells, 'email'));
    if ('error' in checked) {
      fail(`email ${checked.error}`);
      continue;
    }
    const email = checked.email;
    if (seen.has(email)) {
      fail('the same email is on an earlier line');
      continue;
    }
    seen.add(email);
    const name = col(record.cells, 'name');
    if (name.length > 191) {
      fail('name must be at most 191 characters');
      continue;
    }
    const statusCell = col(record.cells, 'status').toLowerCase();
    if (statusCell && !(memberStatuses as readonly string[]).includes(statusCell)) {
      fail(`status must be one of ${memberStatuses.join(', ')}`);
      continue;
    }
    const newsletterIds = resolveNewsletters(col(record.cells, 'newsletters'), newsletters);
    if (typeof newsletterIds === 'string') {
      fail(newsletterIds);
      continue;
    }
    const consentCell = col(record.cells, 'consent_at');
    const consentAt = consentCell ? Date.parse(consentCell) : NaN;
    if (consentCell && Number.isNaN(consentAt)) {
      fail('consent_at must be a date and time');
      continue;
    }
    const createdCell = col(record.cells, 'created_at');
    const createdAt = createdCell ? Date.parse(createdCell) : NaN;
    if (createdCell && Number.isNaN(createdAt)) {
      fail('created_at must be a date and time');
      continue;
    }
    try {
      const wasNew = await importOne(ctx, {
        email,
        name,
        status: (statusCell || 'active') as MemberStatus,
        newsletterIds,
        consentAt: Number.isNaN(consentAt) ? null : new Date(consentAt).toISOString(),
        createdAt: Number.isNaN(createdAt) ? null : new Date(createdAt).toISOString(),
      });
      if (wasNew) report.imported++;
      else report.updated++;
    } catch (error) {
      fail(error instanceof DomainError ? error.message : 'could not be stored');
    }
  }
  return report;
}

async function importOne(
  ctx: DomainContext,
  row: {
    email: string;
    name: string;
    status: MemberStatus;
    newsletterIds: string[];
    consentAt: string | null;
    createdAt: string | null;
  },
): Promise<boolean> {
  const now = ctx.clock.now();
  return ctx.repos.transaction(async (repos) => {
    const existing = await repos.members.findByEmail(row.email);
    if (existing) {
      await repos.members.update(existing.id, {
        ...(row.name ? { name: row.name } : {}),
        updatedAt: now.toISOString(),
      });
      await repos.members.addNewsletters(existing.id, row.newsletterIds, now.toISOString());
      return false;
    }
    const createdAt = row.createdAt ?? now.toISOString();
    await repos.members.insert({
      id: newId(now),
      email: row.email,
      name: row.name,
      status: row.status,
      consentSource: 'import',
      consentAt: row.status === 'pending' ? row.consentAt : (row.consentAt ?? now.toISOString()),
      createdAt,
      updatedAt: now.toISOString(),
    });
    const member = (await repos.members.findByEmail(row.email))!;
    await repos.members.addNewsletters(member.id, row.newsletterIds, now.toISOString());
    return true;
  });
}
