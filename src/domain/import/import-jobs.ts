import type { DomainContext } from '../context.js';
import { conflict, DomainError, notFound, validationError } from '../shared/errors.js';
import { newId } from '../shared/ids.js';
import { can, type AnyActor } from '../staff/permissions.js';
import { checkFileFits, sniffImportFile, uploadedFileName } from './import-job-files.js';
import type {
  ImportJobFile,
  ImportJobRecord,
  ImportJobStatus,
  ImportJobView,
  ImportSource,
} from './import-job-ports.js';

/*
 * An import from the admin (src/jobs/README.md, "import-jobs"): the person starts a job for one
 * source, uploads its files (stored in the private file store), asks for the plan, reads it and asks
 * for the import. The work itself is done by the job (import-job-work.ts), never by these requests.
 */

/** Statuses a job is not finished in: while one exists, no other import may start. */
export const unfinishedStatuses: ImportJobStatus[] = [
  'uploading',
  'plan-queued',
  'planning',
  'planned',
  'queued',
  'running',
];
/** Before the import itself runs, a job may be cancelled (a plan being made is simply dropped). */
const cancellable: ImportJobStatus[] = ['uploading', 'plan-queued', 'planning', 'planned', 'queued'];

/**
 * An import writes posts, people, settings, members and redirects, so only a role that may do all of
 * that (owner, administrator) may import. Checked by every request, and before an upload is read.
 */
export function assertMayImport(actor: AnyActor): void {
  const may =
    can(actor, 'update', 'settings') &&
    can(actor, 'create', 'staff') &&
    can(actor, 'create', 'member') &&
    can(actor, 'publish', 'post') &&
    can(actor, 'create', 'redirect');
  if (!may) throw new DomainError('FORBIDDEN', `Your role (${actor.role}) may not import a site`);
}

async function viewOf(ctx: DomainContext, job: ImportJobRecord): Promise<ImportJobView> {
  return {
    job,
    files: await ctx.repos.importJobs.files(job.id),
    progress: await ctx.repos.importJobs.progress(job.id),
  };
}

async function jobOf(ctx: DomainContext, id: string): Promise<ImportJobRecord> {
  const job = await ctx.repos.importJobs.findById(id);
  if (!job) throw notFound('Import');
  return job;
}

export async function createImportJob(
  ctx: DomainContext,
  actor: AnyActor & { staffId?: string },
  input: { source: ImportSource },
): Promise<ImportJobView> {
  assertMayImport(actor);
  const [open] = await ctx.repos.importJobs.listByStatus(unfinishedStatuses, 1);
  if (open) throw conflict('Another import is not finished: finish or cancel it first');
  const now = ctx.clock.now().toISOString();
  const job: ImportJobRecord = {
    id: newId(ctx.clock.now()),
    source: input.source,
    status: 'uploading',
    createdBy: actor.staffId ?? null,
    plan: null,
    report: null,
    error: null,
    attempts: 0,
    claim: null,
    createdAt: now,
    updatedAt: now,
    finishedAt: null,
  };
  await ctx.repos.importJobs.insert(job);
  return viewOf(ctx, job);
}

/**
 * Adds an uploaded file to a job that is still taking files. Its kind is read from its bytes; a file
 * that is none of the kinds, or does not fit beside the job's other files, is refused before a byte
 * is stored. The bytes go to the private file store first, then the file's row: a failure between
 * the two leaves no row pointing at nothing.
 */
export async function addImportFile(
  ctx: DomainContext,
  actor: AnyActor,
  id: string,
  upload: { bytes: Buffer; filename: string },
): Promise<ImportJobView> {
  assertMayImport(actor);
  const job = await jobOf(ctx, id);
  if (job.status !== 'uploading') throw conflict('This import takes no more files');
  const kind = sniffImportFile(upload.bytes);
  const files = await ctx.repos.importJobs.files(id);
  checkFileFits(job.source, kind, files);
  const position = (files.at(-1)?.position ?? 0) + 1;
  const file: ImportJobFile = {
    position,
    kind,
    filename: uploadedFileName(upload.filename),
    blobKey: `imports/${id}/${position}`,
    bytes: upload.bytes.length,
    createdAt: ctx.clock.now().toISOString(),
  };
  await ctx.privateFiles.put(file.blobKey, upload.bytes, 'application/octet-stream');
  try {
    await ctx.repos.transaction(async (repos) => {
      if (!(await repos.importJobs.lockInStatus(id, ['uploading'], file.createdAt)))
        throw conflict('This import takes no more files');
      await repos.importJobs.addFile(id, file);
    });
  } catch (error) {
    await ctx.privateFiles.delete(file.blobKey).catch(() => undefined);
    throw error;
  }
  return viewOf(ctx, await jobOf(ctx, id));
}

async function move(
  ctx: DomainContext,
  id: string,
  from: ImportJobStatus[],
  to: ImportJobStatus,
  refusal: string,
): Promise<ImportJobView> {
  const now = ctx.clock.now().toISOString();
  const isMoved = await ctx.repos.importJobs.moveStatus(id, {
    from,
    to,
    now,
    ...(to === 'cancelled' ? { change: { finishedAt: now } } : {}),
    // The import's attempts are counted afresh: the plan's were its own.
    ...(to === 'queued' ? { change: { attempts: 0 } } : {}),
  });
  if (!isMoved) throw conflict(refusal);
  return viewOf(ctx, await jobOf(ctx, id));
}

/** Queues the dry run: what the import would create, update and skip, with nothing written. */
export async function requestImportPlan(
  ctx: DomainContext,
  actor: AnyActor,
  id: string,
): Promise<ImportJobView> {
  assertMayImport(actor);
  await jobOf(ctx, id);
  const files = await ctx.repos.importJobs.files(id);
  if (!files.some((f) => f.kind !== 'archive'))
    throw validationError([{ property: 'file', message: 'upload the export file first' }]);
  return move(ctx, id, ['uploading'], 'plan-queued', 'The plan of this import is made already');
}

/** Queues the import itself, once its plan has been read. */
export async function requestImportRun(
  ctx: DomainContext,
  actor: AnyActor,
  id: string,
): Promise<ImportJobView> {
  assertMayImport(actor);
  await jobOf(ctx, id);
  return move(ctx, id, ['planned'], 'queued', 'Only an import whose plan is ready can be started');
}

/** Cancels an import before it runs; its uploaded files are deleted by the job (import-job-work.ts). */
export async function cancelImportJob(
  ctx: DomainContext,
  actor: AnyActor,
  id: string,
): Promise<ImportJobView> {
  assertMayImport(actor);
  await jobOf(ctx, id);
  return move(
    ctx,
    id,
    cancellable,
    'cancelled',
    'This import is running or finished: an import is all or nothing, so it cannot be stopped halfway',
  );
}

export async function importJobView(ctx: DomainContext, actor: AnyActor, id: string): Promise<ImportJobView> {
  assertMayImport(actor);
  return viewOf(ctx, await jobOf(ctx, id));
}

/** The newest imports (the screen shows the unfinished one, or the last report). */
export async function listImportJobs(ctx: DomainContext, actor: AnyActor): Promise<ImportJobView[]> {
  assertMayImport(actor);
  const jobs = await ctx.repos.importJobs.listRecent(10);
  return Promise.all(jobs.map((job) => viewOf(ctx, job)));
}
