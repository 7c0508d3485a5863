import { randomBytes } from 'node:crypto';
import type { DomainContext } from '../context.js';
import { DomainError } from '../shared/errors.js';
import { systemActor } from '../staff/permissions.js';
import { inTransaction } from '../transaction.js';
import { GhostReadError } from './ghost-export.js';
import { importGhostExport } from './import-ghost.js';
import type {
  ImportJobFile,
  ImportJobPorts,
  ImportJobProgress,
  ImportJobRecord,
  OpenedImportFiles,
} from './import-job-ports.js';
import type { ImportReport } from './import-report.js';
import { importWordPressExport } from './import-wordpress.js';
import { WxrReadError } from './wordpress-export.js';

/*
 * The import job (src/jobs/README.md, "import-jobs"). A plan is a dry run of the importer, claimed by
 * a compare-and-set of the job's status and claim, with a heartbeat; a plan whose worker went quiet
 * is taken up again. The import itself runs in ONE transaction that first locks the job's row and
 * ends by marking it done: a process killed halfway leaves the site and the job as they were, and
 * the next process (or the next start) runs the whole import again. On PostgreSQL a row another
 * process holds is skipped, so an import is worked by one process at a time.
 */

const actor = systemActor('import job');
export const maxImportAttempts = 3;

export interface ImportJobOptions {
  ports: ImportJobPorts;
  signal?: AbortSignal;
  /** A plan whose worker has not said anything for this long is taken up again. */
  staleAfterMs?: number;
  heartbeatMs?: number;
  /** Take up every plan found being made (one process, just started: nobody else is making them). */
  isFirstRun?: boolean;
  /** Called when a job's phase has begun, with the job (tests). */
  onPhase?: (id: string, phase: 'plan' | 'import') => void;
  /** Unexpected failures, for the log (the job is marked failed without their detail). */
  onError?: (error: unknown) => void;
}

const isImportRefusal = (error: unknown) =>
  error instanceof WxrReadError || error instanceof GhostReadError || error instanceof DomainError;

const unexpected =
  'The import stopped on an unexpected error (the server log says which); nothing was imported';

/** Works every plan and import that is due, oldest first, then deletes the files of finished jobs. */
export async function drainImportJobs(ctx: DomainContext, options: ImportJobOptions): Promise<void> {
  const skipped = new Set<string>();
  while (!options.signal?.aborted) {
    const due = (
      await ctx.repos.importJobs.listByStatus(['plan-queued', 'planning', 'queued', 'running'], 20)
    ).filter((job) => !skipped.has(job.id));
    if (due.length === 0) break;
    for (const job of due) {
      if (options.signal?.aborted) return;
      const isWorked =
        job.status === 'plan-queued' || job.status === 'planning'
          ? await workPlan(ctx, job, options)
          : await workImport(ctx, job, options);
      if (!isWorked) skipped.add(job.id);
    }
  }
  await deleteFinishedFiles(ctx);
}

/** The files of done, failed and cancelled jobs: the bytes, then the rows (so a kill between repeats it). */
async function deleteFinishedFiles(ctx: DomainContext): Promise<void> {
  for (const id of await ctx.repos.importJobs.listFinishedWithFiles(20)) {
    for (const file of await ctx.repos.importJobs.files(id)) await ctx.privateFiles.delete(file.blobKey);
    await ctx.repos.importJobs.removeFiles(id);
  }
}

async function isStale(
  ctx: DomainContext,
  job: ImportJobRecord,
  options: ImportJobOptions,
): Promise<boolean> {
  if (job.status !== 'planning' || options.isFirstRun) return true;
  const progress = await ctx.repos.importJobs.progress(job.id);
  const last = Date.parse(progress?.heartbeatAt ?? job.updatedAt);
  return ctx.clock.now().getTime() - last > (options.staleAfterMs ?? 60_000);
}

/** False when the plan is someone else's to make. */
async function workPlan(
  ctx: DomainContext,
  job: ImportJobRecord,
  options: ImportJobOptions,
): Promise<boolean> {
  if (!(await isStale(ctx, job, options))) return false;
  const now = ctx.clock.now().toISOString();
  const claim = randomBytes(12).toString('hex');
  if (job.attempts >= maxImportAttempts) return giveUp(ctx, job);
  const isClaimed = await ctx.repos.importJobs.moveStatus(job.id, {
    from: [job.status],
    to: 'planning',
    now,
    claimIs: job.claim,
    change: { claim, attempts: job.attempts + 1 },
  });
  if (!isClaimed) return false;
  options.onPhase?.(job.id, 'plan');
  const progress = progressWriter(ctx, job.id, 'plan', options.heartbeatMs);
  try {
    const plan = await runImporter(ctx, job, { ...options, isDryRun: true, progress });
    await progress.stop();
    await ctx.repos.importJobs.moveStatus(job.id, {
      from: ['planning'],
      to: 'planned',
      now: ctx.clock.now().toISOString(),
      claimIs: claim,
      change: { plan },
    });
  } catch (error) {
    await progress.stop();
    // Stopping the process closes the storage under the work: the next start takes it up again.
    if (options.signal?.aborted) return true;
    if (!isImportRefusal(error)) options.onError?.(error);
    await ctx.repos.importJobs.moveStatus(job.id, {
      from: ['planning'],
      to: 'failed',
      now: ctx.clock.now().toISOString(),
      claimIs: claim,
      change: { error: isImportRefusal(error) ? (error as Error).message : unexpected, finishedAt: now },
    });
  }
  return true;
}

async function giveUp(ctx: DomainContext, job: ImportJobRecord): Promise<true> {
  const now = ctx.clock.now().toISOString();
  await ctx.repos.importJobs.moveStatus(job.id, {
    from: ['plan-queued', 'planning', 'queued', 'running'],
    to: 'failed',
    now,
    change: {
      error: `The import stopped ${maxImportAttempts} times before it ended (the server log may say why); nothing was imported`,
      finishedAt: now,
    },
  });
  return true;
}

/**
 * Takes the import up (status running, one attempt more) under its row lock, then runs it in one
 * transaction that locks the row again and marks it done. False when another process holds it.
 */
async function workImport(
  ctx: DomainContext,
  job: ImportJobRecord,
  options: ImportJobOptions,
): Promise<boolean> {
  const taken = await ctx.repos.transaction(async (repos) => {
    const now = ctx.clock.now().toISOString();
    const locked = await repos.importJobs.lockInStatus(job.id, ['queued', 'running'], now);
    if (!locked) return undefined;
    if (locked.attempts >= maxImportAttempts) return 'give-up' as const;
    await repos.importJobs.moveStatus(job.id, {
      from: [locked.status],
      to: 'running',
      now,
      change: { attempts: locked.attempts + 1 },
    });
    return locked;
  });
  if (taken === undefined) return false;
  if (taken === 'give-up') return giveUp(ctx, job);
  options.onPhase?.(job.id, 'import');
  const progress = progressWriter(ctx, job.id, 'import', options.heartbeatMs);
  try {
    const isDone = await inTransaction(ctx, async (tx) => {
      const now = ctx.clock.now().toISOString();
      if (!(await tx.repos.importJobs.lockInStatus(job.id, ['running'], now))) return false;
      const report = await runImporter(tx, job, { ...options, isDryRun: false, progress });
      await tx.repos.importJobs.moveStatus(job.id, {
        from: ['running'],
        to: 'done',
        now: ctx.clock.now().toISOString(),
        change: { report, finishedAt: ctx.clock.now().toISOString() },
      });
      return true;
    });
    await progress.stop();
    return isDone;
  } catch (error) {
    await progress.stop();
    if (options.signal?.aborted) return true;
    if (!isImportRefusal(error)) options.onError?.(error);
    const now = ctx.clock.now().toISOString();
    await ctx.repos.importJobs.moveStatus(job.id, {
      from: ['running'],
      to: 'failed',
      now,
      change: { error: isImportRefusal(error) ? (error as Error).message : unexpected, finishedAt: now },
    });
    return true;
  }
}

interface RunOptions extends ImportJobOptions {
  isDryRun: boolean;
  progress: ProgressWriter;
}

/** The job's files copied out of the store, then the importer of its source over them. */
async function runImporter(
  ctx: DomainContext,
  job: ImportJobRecord,
  options: RunOptions,
): Promise<ImportReport> {
  const files = await ctx.repos.importJobs.files(job.id);
  const opened = await options.ports.openFiles(job.id, files);
  try {
    const report =
      job.source === 'ghost'
        ? await runGhost(ctx, opened, options)
        : await runWordPress(ctx, opened, options);
    return { ...report, files: namesOf(files) };
  } finally {
    await opened.close();
  }
}

const namesOf = (files: ImportJobFile[]) => files.map((f) => f.filename);

async function runWordPress(ctx: DomainContext, opened: OpenedImportFiles, options: RunOptions) {
  const ports = options.ports.wordPress(opened.archivePath);
  try {
    return await importWordPressExport(ctx, actor, {
      files: opened.exportPaths,
      ports,
      isDryRun: options.isDryRun,
      onProgress: options.progress.update,
    });
  } finally {
    await ports.close();
  }
}

async function runGhost(ctx: DomainContext, opened: OpenedImportFiles, options: RunOptions) {
  const ports = options.ports.ghost(opened.archivePath);
  try {
    return await importGhostExport(ctx, actor, {
      file: opened.exportPaths[0]!,
      ports,
      isDryRun: options.isDryRun,
      onProgress: options.progress.update,
    });
  } finally {
    await ports.images?.close();
  }
}

interface ProgressWriter {
  update(progress: { done: number; total: number }): void;
  stop(): Promise<void>;
}

/**
 * The worker's progress and heartbeat, written outside the import's transaction at most once a
 * second and one write at a time (on SQLite a write waits for the import's transaction to end, so
 * only the newest counts are kept waiting).
 */
function progressWriter(
  ctx: DomainContext,
  id: string,
  phase: ImportJobProgress['phase'],
  heartbeatMs = 5000,
): ProgressWriter {
  let latest = { done: 0, total: 0 };
  let lastAt = 0;
  let writing: Promise<void> | undefined;
  let isDirty = false;
  const write = () => {
    if (writing) {
      isDirty = true;
      return;
    }
    lastAt = Date.now();
    const row = { phase, ...latest, heartbeatAt: ctx.clock.now().toISOString() };
    writing = ctx.repos.importJobs
      .putProgress(id, row)
      .catch(() => undefined)
      .finally(() => {
        writing = undefined;
        if (isDirty) {
          isDirty = false;
          write();
        }
      });
  };
  write();
  const timer = setInterval(write, heartbeatMs);
  timer.unref();
  return {
    update: (progress) => {
      latest = { done: progress.done, total: progress.total };
      if (Date.now() - lastAt >= 1000 || progress.done >= progress.total) write();
    },
    stop: async () => {
      clearInterval(timer);
      while (writing) await writing;
      write();
      while (writing) await writing;
    },
  };
}
