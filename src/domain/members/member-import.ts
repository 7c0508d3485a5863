import type { DomainContext } from '../context.js';
import type {
  MemberImportCounts,
  MemberImportLineError,
  MemberImportRecord,
  MemberRecord,
  MemberStatus,
  NewsletterRecord,
  Repositories,
} from '../ports.js';
import { DomainError, notFound, validationError } from '../shared/errors.js';
import { newId } from '../shared/ids.js';
import { cleanText } from '../shared/validate.js';
import { parseCsv, uncsvCell, type CsvRecord } from './csv.js';
import { checkEmailAddress } from './email-address.js';
import { assertCan, type AnyActor } from '../staff/permissions.js';

/*
 * A member CSV import as a job (src/jobs/README.md, "member-import"). The request stores the file and
 * answers at once; the job imports it in batches, each one transaction that stores its lines'
 * members, their report and the import's counts and cursor together, so a killed process loses or
 * doubles nothing and the next one carries on from the last committed batch.
 */

export const maxImportBytes = 5 * 1024 * 1024;
export const importBatchLines = 500;
const memberStatuses = ['pending', 'active', 'unsubscribed'] as const;

/** A file as the job reads it: the header's columns and the data lines. */
interface ImportFile {
  columns: string[];
  records: CsvRecord[];
}

interface MemberLine {
  email: string;
  name: string;
  status: MemberStatus;
  newsletterIds: string[];
  consentAt: string | null;
  createdAt: string | null;
}

function readFile(csv: string): ImportFile {
  let records;
  try {
    records = parseCsv(csv);
  } catch (error) {
    throw validationError([{ property: 'file', message: (error as Error).message }]);
  }
  const header = records.shift();
  const columns = header?.cells.map((c) => c.trim().toLowerCase()) ?? [];
  if (!columns.includes('email'))
    throw validationError([
      { property: 'file', message: 'the first line must name the columns, including email' },
    ]);
  return { columns, records };
}

/**
 * Stores an uploaded file as a queued import, after the checks that refuse the whole file (size, NUL
 * bytes, an open quote, no email column); every line is checked later, by the job.
 */
export async function requestMemberImport(
  ctx: DomainContext,
  actor: AnyActor,
  input: { csv: string; createdBy: string | null },
): Promise<MemberImportRecord> {
  assertCan(actor, 'create', 'member');
  if (Buffer.byteLength(input.csv) > maxImportBytes)
    throw new DomainError('PAYLOAD_TOO_LARGE', 'The file is larger than 5 MiB');
  if (input.csv.includes('\u0000'))
    throw validationError([
      { property: 'file', message: 'holds NUL bytes: save it as CSV in UTF-8 (not UTF-16) and try again' },
    ]);
  const { records } = readFile(input.csv);
  const now = ctx.clock.now();
  const record: MemberImportRecord = {
    id: newId(now),
    createdBy: input.createdBy,
    status: records.length === 0 ? 'done' : 'queued',
    totalLines: records.length,
    linesDone: 0,
    imported: 0,
    updated: 0,
    skipped: 0,
    createdAt: now.toISOString(),
    updatedAt: now.toISOString(),
    finishedAt: records.length === 0 ? now.toISOString() : null,
  };
  await ctx.repos.transaction((repos) => repos.memberImports.insert(record, input.csv));
  return record;
}

export interface MemberImportProgress {
  import: MemberImportRecord;
  /** The per-line report from `afterLine` on, in line order (at most `limit` lines). */
  errors: MemberImportLineError[];
}

export async function memberImportProgress(
  ctx: DomainContext,
  actor: AnyActor,
  id: string,
  page: { afterLine: number; limit: number } = { afterLine: 0, limit: 1000 },
): Promise<MemberImportProgress> {
  assertCan(actor, 'create', 'member');
  const record = await ctx.repos.memberImports.findById(id);
  if (!record) throw notFound('Import');
  return { import: record, errors: await ctx.repos.memberImports.errors(id, page) };
}

const cellOf = (file: ImportFile, cells: string[], name: string) => {
  const i = file.columns.indexOf(name);
  return i >= 0 ? uncsvCell(cells[i] ?? '').trim() : '';
};

/** The address a line is known by for "the same email is on an earlier line", if it has one. */
function addressOf(file: ImportFile, record: CsvRecord): string | undefined {
  if (record.cells.length !== file.columns.length) return undefined;
  const checked = checkEmailAddress(cellOf(file, record.cells, 'email'));
  return 'email' in checked ? checked.email : undefined;
}

const dateCell = (cell: string) => (cell ? Date.parse(cell) : NaN);

/** One line checked against the header, the newsletters and the addresses on earlier lines. */
function checkLine(
  file: ImportFile,
  record: CsvRecord,
  context: { newsletters: NewsletterRecord[]; seen: Set<string> },
): MemberLine | string {
  if (record.cells.length !== file.columns.length)
    return `has ${record.cells.length} fields, the header ${file.columns.length}`;
  const checked = checkEmailAddress(cellOf(file, record.cells, 'email'));
  if ('error' in checked) return `email ${checked.error}`;
  if (context.seen.has(checked.email)) return 'the same email is on an earlier line';
  context.seen.add(checked.email);
  const name = cleanText(cellOf(file, record.cells, 'name'));
  if (name.length > 191) return 'name must be at most 191 characters';
  const status = cellOf(file, record.cells, 'status').toLowerCase();
  if (status && !(memberStatuses as readonly string[]).includes(status))
    return `status must be one of ${memberStatuses.join(', ')}`;
  const newsletterIds = resolveNewsletters(cellOf(file, record.cells, 'newsletters'), context.newsletters);
  if (typeof newsletterIds === 'string') return newsletterIds;
  const consentAt = dateCell(cellOf(file, record.cells, 'consent_at'));
  if (cellOf(file, record.cells, 'consent_at') && Number.isNaN(consentAt))
    return 'consent_at must be a date and time';
  const createdAt = dateCell(cellOf(file, record.cells, 'created_at'));
  if (cellOf(file, record.cells, 'created_at') && Number.isNaN(createdAt))
    return 'created_at must be a date and time';
  return {
    email: checked.email,
    name,
    status: (status || 'active') as MemberStatus,
    newsletterIds,
    consentAt: Number.isNaN(consentAt) ? null : new Date(consentAt).toISOString(),
    createdAt: Number.isNaN(createdAt) ? null : new Date(createdAt).toISOString(),
  };
}

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
  return [...new Set(ids)];
}

/**
 * A new address becomes a member with consent `import`; a known address gets the name (when given)
 * and the newsletters added, and keeps its status, so an unsubscribe is never undone by an import.
 * A batch's lines have distinct addresses, so they are read and written a batch at a time.
 */
async function storeLines(
  repos: Repositories,
  lines: MemberLine[],
  now: Date,
): Promise<{ imported: number; updated: number }> {
  const at = now.toISOString();
  const known = await repos.members.findByEmails(lines.map((l) => l.email));
  const fresh: MemberRecord[] = [];
  const subscriptions: { memberId: string; newsletterId: string }[] = [];
  for (const line of lines) {
    let memberId = known.get(line.email)?.id;
    if (memberId) {
      await repos.members.update(memberId, { ...(line.name ? { name: line.name } : {}), updatedAt: at });
    } else {
      memberId = newId(now);
      fresh.push({
        id: memberId,
        email: line.email,
        name: line.name,
        status: line.status,
        consentSource: 'import',
        consentAt: line.status === 'pending' ? line.consentAt : (line.consentAt ?? at),
        createdAt: line.createdAt ?? at,
        updatedAt: at,
      });
    }
    for (const newsletterId of line.newsletterIds) subscriptions.push({ memberId, newsletterId });
  }
  await repos.members.insertMany(fresh);
  await repos.members.addSubscriptions(subscriptions, at);
  return { imported: fresh.length, updated: lines.length - fresh.length };
}

/** An import being worked in this process: its file read once, and the addresses seen so far. */
interface ImportRun {
  id: string;
  file: ImportFile;
  seen: Set<string>;
  linesDone: number;
}

async function openRun(ctx: DomainContext, record: MemberImportRecord): Promise<ImportRun | undefined> {
  const csv = await ctx.repos.memberImports.csvOf(record.id);
  if (csv === undefined) return undefined;
  const file = readFile(csv);
  const seen = new Set<string>();
  for (const line of file.records.slice(0, record.linesDone)) {
    const address = addressOf(file, line);
    if (address) seen.add(address);
  }
  return { id: record.id, file, seen, linesDone: record.linesDone };
}

type BatchOutcome = 'more' | 'done' | 'busy' | 'moved';

/** One batch in one transaction; `moved` when another process committed a batch meanwhile. */
async function importBatch(ctx: DomainContext, run: ImportRun, batchLines: number): Promise<BatchOutcome> {
  const seen = new Set(run.seen);
  const outcome = await ctx.repos.transaction(async (repos): Promise<BatchOutcome> => {
    const now = ctx.clock.now();
    const record = await repos.memberImports.lockForBatch(run.id, now.toISOString());
    if (!record) return 'busy';
    if (record.linesDone !== run.linesDone) return 'moved';
    const newsletters = await repos.newsletters.list();
    const lines = run.file.records.slice(run.linesDone, run.linesDone + batchLines);
    const errors: MemberImportLineError[] = [];
    const good: MemberLine[] = [];
    for (const line of lines) {
      const checked = checkLine(run.file, line, { newsletters, seen });
      if (typeof checked !== 'string') good.push(checked);
      else
        errors.push({
          line: line.line,
          email: cellOf(run.file, line.cells, 'email').slice(0, 254),
          message: checked,
        });
    }
    const stored = await storeLines(repos, good, now);
    const counts: MemberImportCounts = { linesDone: lines.length, ...stored, skipped: errors.length };
    await repos.memberImports.insertErrors(run.id, errors);
    const isDone = run.linesDone + lines.length >= run.file.records.length;
    const fromLinesDone = run.linesDone;
    if (
      !(await repos.memberImports.recordBatch(run.id, {
        fromLinesDone,
        counts,
        isDone,
        now: now.toISOString(),
      }))
    )
      throw new Error('member import: the cursor moved under a locked batch');
    return isDone ? 'done' : 'more';
  });
  if (outcome === 'more' || outcome === 'done') {
    run.seen = seen;
    run.linesDone = Math.min(run.linesDone + batchLines, run.file.records.length);
  }
  return outcome;
}

export interface DrainOptions {
  signal?: AbortSignal;
  batchLines?: number;
  /** Called after each committed batch (tests). */
  onBatch?: (id: string) => void;
}

const yieldToEventLoop = () => new Promise((resolve) => setImmediate(resolve));

/**
 * Works every queued import to its end, oldest first, a batch at a time, letting the event loop run
 * between batches. An import another process holds is left to it.
 */
export async function drainMemberImports(ctx: DomainContext, options: DrainOptions = {}): Promise<void> {
  const skipped = new Set<string>();
  while (!options.signal?.aborted) {
    const queued = (await ctx.repos.memberImports.listUnfinished(20)).filter((r) => !skipped.has(r.id));
    if (queued.length === 0) return;
    for (const record of queued) {
      if (options.signal?.aborted) return;
      if (!(await workImport(ctx, record, options))) skipped.add(record.id);
    }
  }
}

/** False when another process holds the import. */
async function workImport(
  ctx: DomainContext,
  record: MemberImportRecord,
  options: DrainOptions,
): Promise<boolean> {
  let run = await openRun(ctx, record);
  while (run && !options.signal?.aborted) {
    const outcome = await importBatch(ctx, run, options.batchLines ?? importBatchLines);
    if (outcome === 'busy') return false;
    if (outcome === 'moved') {
      const now = await ctx.repos.memberImports.findById(run.id);
      run = now?.status === 'queued' ? await openRun(ctx, now) : undefined;
      continue;
    }
    options.onBatch?.(record.id);
    if (outcome === 'done') return true;
    await yieldToEventLoop();
  }
  return true;
}
