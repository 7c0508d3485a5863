import type { ImportReport } from './import-report.js';
import type { GhostImportPorts, WordPressImportPorts } from './import-ports.js';

/*
 * An import from the admin as a job (src/jobs/README.md, "import-jobs"): the stored job, its files and
 * its progress, and what the job needs from the world to read the files.
 */

export const importSources = ['wordpress', 'ghost'] as const;
export type ImportSource = (typeof importSources)[number];

export const importJobStatuses = [
  'uploading',
  'plan-queued',
  'planning',
  'planned',
  'queued',
  'running',
  'done',
  'failed',
  'cancelled',
] as const;
export type ImportJobStatus = (typeof importJobStatuses)[number];

/** An export (WXR .xml, Ghost .json) or the ZIP of the old site's uploads or images. */
export type ImportFileKind = 'wordpress-export' | 'ghost-export' | 'archive';

export interface ImportJobFile {
  position: number;
  kind: ImportFileKind;
  filename: string;
  blobKey: string;
  bytes: number;
  createdAt: string;
}

export interface ImportJobProgress {
  phase: 'plan' | 'import';
  done: number;
  total: number;
  heartbeatAt: string;
}

export interface ImportJobRecord {
  id: string;
  source: ImportSource;
  status: ImportJobStatus;
  createdBy: string | null;
  plan: ImportReport | null;
  report: ImportReport | null;
  error: string | null;
  attempts: number;
  claim: string | null;
  createdAt: string;
  updatedAt: string;
  finishedAt: string | null;
}

export interface ImportJobView {
  job: ImportJobRecord;
  files: ImportJobFile[];
  progress: ImportJobProgress | undefined;
}

/** Fields a status change may set with it. */
export type ImportJobChange = Partial<
  Pick<ImportJobRecord, 'plan' | 'report' | 'error' | 'claim' | 'finishedAt' | 'attempts'>
>;

export interface ImportJobRepository {
  insert(record: ImportJobRecord): Promise<void>;
  findById(id: string): Promise<ImportJobRecord | undefined>;
  /** The newest jobs first. */
  listRecent(limit: number): Promise<ImportJobRecord[]>;
  /** Jobs in one of `statuses`, oldest first. */
  listByStatus(statuses: ImportJobStatus[], limit: number): Promise<ImportJobRecord[]>;
  /**
   * Moves a job from one of `from` to `to` (with `change`) when it is still in one of them; false when
   * it was not (someone else moved it first).
   */
  moveStatus(
    id: string,
    move: {
      from: ImportJobStatus[];
      to: ImportJobStatus;
      now: string;
      change?: ImportJobChange;
      /** Only when the job's claim is this one (null: nobody's). */
      claimIs?: string | null;
    },
  ): Promise<boolean>;
  /** Finished jobs (done, failed, cancelled) that still hold file rows: their files are to delete. */
  listFinishedWithFiles(limit: number): Promise<string[]>;
  /**
   * Inside a transaction: the job's row, locked until the transaction ends, when it is in one of
   * `statuses`. On PostgreSQL a row another transaction holds is skipped (undefined), never waited for.
   */
  lockInStatus(id: string, statuses: ImportJobStatus[], now: string): Promise<ImportJobRecord | undefined>;
  files(id: string): Promise<ImportJobFile[]>;
  addFile(id: string, file: ImportJobFile): Promise<void>;
  /** Forgets the job's file rows (the bytes are deleted from the file store by the caller). */
  removeFiles(id: string): Promise<void>;
  progress(id: string): Promise<ImportJobProgress | undefined>;
  putProgress(id: string, progress: ImportJobProgress): Promise<void>;
}

/** The uploaded files at local paths, where the importers read them; `close` removes that copy. */
export interface OpenedImportFiles {
  exportPaths: string[];
  archivePath: string | undefined;
  close(): Promise<void>;
}

/**
 * What the import job needs from the world: the stored files copied where the importers read them
 * (the store keeps the originals, so a restart copies them again), and the importers' ports.
 */
export interface ImportJobPorts {
  openFiles(jobId: string, files: ImportJobFile[]): Promise<OpenedImportFiles>;
  wordPress(archivePath: string | undefined): WordPressImportPorts & { close(): Promise<void> };
  ghost(archivePath: string | undefined): GhostImportPorts;
}
