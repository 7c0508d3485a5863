import { z } from 'zod';
import { maxUploadBytes } from '../../domain/import/import-job-files.js';
import { importSources, type ImportJobView } from '../../domain/import/import-job-ports.js';
import {
  addImportFile,
  assertMayImport,
  cancelImportJob,
  createImportJob,
  importJobView,
  listImportJobs,
  requestImportPlan,
  requestImportRun,
} from '../../domain/import/import-jobs.js';
import type { ImportReport } from '../../domain/import/import-report.js';
import { DomainError } from '../../domain/shared/errors.js';
import { endpoint, type Endpoint } from './endpoint.js';
import { importJobAnswer, importJobSummaryAnswer, importReportAnswer } from './import-answers.js';
import { idParams, rawBody } from './request-schema.js';

const shownEntries = 1000;
const createSchema = z.strictObject({ source: z.enum(importSources) });
const uploadQuery = z.strictObject({ filename: z.string().max(1000).default('upload') });

function presentReport(report: ImportReport | null): z.input<typeof importReportAnswer> | null {
  if (!report) return null;
  const cut = <T>(list: T[]) => list.slice(0, shownEntries);
  const over = (list: unknown[]) => Math.max(0, list.length - shownEntries);
  return {
    ...report,
    skips: cut(report.skips),
    notes: cut(report.notes),
    media: { ...report.media, missing: cut(report.media.missing) },
    ghost: report.ghost ?? null,
    omitted: {
      skips: over(report.skips),
      notes: over(report.notes),
      missingMedia: over(report.media.missing),
    },
  };
}

const presentSummary = ({ job, files, progress }: ImportJobView): z.input<typeof importJobSummaryAnswer> => ({
  id: job.id,
  source: job.source,
  status: job.status,
  files: files.map((f) => ({ filename: f.filename, kind: f.kind, bytes: f.bytes })),
  progress: progress
    ? { phase: progress.phase, done: progress.done, total: progress.total, at: progress.heartbeatAt }
    : null,
  error: job.error,
  createdAt: job.createdAt,
  updatedAt: job.updatedAt,
  finishedAt: job.finishedAt,
});

const presentJob = (view: ImportJobView): z.input<typeof importJobAnswer> => ({
  ...presentSummary(view),
  plan: presentReport(view.job.plan),
  report: presentReport(view.job.report),
});

function uploadedBytes(body: unknown): Buffer {
  if (!Buffer.isBuffer(body) || body.length === 0)
    throw new DomainError('VALIDATION', 'Send the file as the request body', [
      { property: 'file', message: 'is required' },
    ]);
  return body;
}

const imports = { tag: 'Imports', caller: 'staff' } as const;
const importOf = z.object({ import: importJobAnswer });
const answerJob = (view: ImportJobView) => ({ import: presentJob(view) });

/** Imports from the admin: a WordPress or Ghost site's export, planned and imported by a job. */
export const importEndpoints: Endpoint[] = [
  endpoint({
    ...imports,
    operationId: 'listImports',
    summary: 'The newest imports (at most 10), without their plans and reports',
    method: 'GET',
    path: '/admin/api/imports',
    answer: z.object({ imports: z.array(importJobSummaryAnswer) }),
    run: ({ ctx, caller }) => listImportJobs(ctx, caller),
    present: (views) => ({ imports: views.map(presentSummary) }),
  }),
  endpoint({
    ...imports,
    operationId: 'createImport',
    summary: 'Starts an import from WordPress or Ghost: it takes files until its plan is asked for',
    description: 'One import at a time: 409 while another is not finished.',
    method: 'POST',
    path: '/admin/api/imports',
    status: 201,
    body: createSchema,
    answer: importOf,
    run: ({ ctx, caller, body }) => createImportJob(ctx, caller, body),
    present: answerJob,
  }),
  endpoint({
    ...imports,
    operationId: 'getImport',
    summary: 'An import: its status, progress, plan and report',
    method: 'GET',
    path: '/admin/api/imports/:id',
    params: idParams,
    answer: importOf,
    run: ({ ctx, caller, params }) => importJobView(ctx, caller, params.id),
    present: answerJob,
  }),
  endpoint({
    ...imports,
    operationId: 'uploadImportFile',
    summary:
      'Adds a file to an import: the export (WXR .xml, several allowed; Ghost .json) or a ZIP of images',
    description:
      'The file’s bytes are the body; its kind is read from them. Exports up to 128 MiB, the ZIP up to 512 MiB; a file that is neither is refused (415) and nothing is stored.',
    method: 'POST',
    path: '/admin/api/imports/:id/files',
    status: 201,
    // Who may import is settled before the body is read.
    guard: assertMayImport,
    params: idParams,
    query: uploadQuery,
    body: rawBody,
    rawBody: {
      contentTypes: '*',
      parseAs: 'buffer',
      maxBytes: maxUploadBytes,
      description: 'The file.',
    },
    answer: importOf,
    run: ({ ctx, caller, params, query, body }) =>
      addImportFile(ctx, caller, params.id, { bytes: uploadedBytes(body), filename: query.filename }),
    present: answerJob,
  }),
  endpoint({
    ...imports,
    operationId: 'planImport',
    summary: 'Queues the plan: a dry run that counts what would be created, updated and skipped',
    method: 'POST',
    path: '/admin/api/imports/:id/plan',
    status: 202,
    params: idParams,
    answer: importOf,
    run: ({ ctx, caller, params }) => requestImportPlan(ctx, caller, params.id),
    present: answerJob,
  }),
  endpoint({
    ...imports,
    operationId: 'runImport',
    summary: 'Queues the import itself, once its plan is ready; all or nothing, safe to run again',
    method: 'POST',
    path: '/admin/api/imports/:id/run',
    status: 202,
    params: idParams,
    answer: importOf,
    run: ({ ctx, caller, params }) => requestImportRun(ctx, caller, params.id),
    present: answerJob,
  }),
  endpoint({
    ...imports,
    operationId: 'cancelImport',
    summary: 'Cancels an import that has not started running; its files are deleted',
    method: 'POST',
    path: '/admin/api/imports/:id/cancel',
    params: idParams,
    answer: importOf,
    run: ({ ctx, caller, params }) => cancelImportJob(ctx, caller, params.id),
    present: answerJob,
  }),
];
