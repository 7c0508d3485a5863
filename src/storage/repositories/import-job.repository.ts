import type { Kysely } from 'kysely';
import type {
  ImportFileKind,
  ImportJobChange,
  ImportJobFile,
  ImportJobProgress,
  ImportJobRecord,
  ImportJobRepository,
  ImportJobStatus,
  ImportSource,
} from '../../domain/import/import-job-ports.js';
import type { ImportReport } from '../../domain/import/import-report.js';
import type { DialectCapabilities } from '../dialects/capabilities.js';
import type { Database, ImportJobsTable } from '../tables.js';

const parseReport = (json: string | null): ImportReport | null =>
  json === null ? null : (JSON.parse(json) as ImportReport);

const toRecord = (row: ImportJobsTable): ImportJobRecord => ({
  id: row.id,
  source: row.source as ImportSource,
  status: row.status as ImportJobStatus,
  createdBy: row.created_by,
  plan: parseReport(row.plan),
  report: parseReport(row.report),
  error: row.error,
  attempts: Number(row.attempts),
  claim: row.claim,
  createdAt: row.created_at,
  updatedAt: row.updated_at,
  finishedAt: row.finished_at,
});

function changeColumns(change: ImportJobChange): Partial<ImportJobsTable> {
  return {
    ...(change.plan !== undefined && { plan: change.plan && JSON.stringify(change.plan) }),
    ...(change.report !== undefined && { report: change.report && JSON.stringify(change.report) }),
    ...(change.error !== undefined && { error: change.error }),
    ...(change.claim !== undefined && { claim: change.claim }),
    ...(change.finishedAt !== undefined && { finished_at: change.finishedAt }),
    ...(change.attempts !== undefined && { attempts: change.attempts }),
  };
}

export class KyselyImportJobRepository implements ImportJobRepository {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly capabilities: DialectCapabilities,
  ) {}

  async insert(record: ImportJobRecord): Promise<void> {
    await this.db
      .insertInto('import_jobs')
      .values({
        id: record.id,
        source: record.source,
        status: record.status,
        created_by: record.createdBy,
        plan: null,
        report: null,
        error: null,
        attempts: record.attempts,
        claim: null,
        created_at: record.createdAt,
        updated_at: record.updatedAt,
        finished_at: record.finishedAt,
      })
      .execute();
  }

  async findById(id: string): Promise<ImportJobRecord | undefined> {
    const row = await this.db.selectFrom('import_jobs').selectAll().where('id', '=', id).executeTakeFirst();
    return row && toRecord(row);
  }

  async listRecent(limit: number): Promise<ImportJobRecord[]> {
    const rows = await this.db
      .selectFrom('import_jobs')
      .selectAll()
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc')
      .limit(limit)
      .execute();
    return rows.map(toRecord);
  }

  async listByStatus(statuses: ImportJobStatus[], limit: number): Promise<ImportJobRecord[]> {
    const rows = await this.db
      .selectFrom('import_jobs')
      .selectAll()
      .where('status', 'in', statuses)
      .orderBy('created_at')
      .orderBy('id')
      .limit(limit)
      .execute();
    return rows.map(toRecord);
  }

  async moveStatus(
    id: string,
    move: {
      from: ImportJobStatus[];
      to: ImportJobStatus;
      now: string;
      change?: ImportJobChange;
      claimIs?: string | null;
    },
  ): Promise<boolean> {
    let query = this.db
      .updateTable('import_jobs')
      .set({ status: move.to, updated_at: move.now, ...changeColumns(move.change ?? {}) })
      .where('id', '=', id)
      .where('status', 'in', move.from);
    if (move.claimIs !== undefined)
      query =
        move.claimIs === null ? query.where('claim', 'is', null) : query.where('claim', '=', move.claimIs);
    const result = await query.executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }

  async listFinishedWithFiles(limit: number): Promise<string[]> {
    const rows = await this.db
      .selectFrom('import_job_files')
      .innerJoin('import_jobs', 'import_jobs.id', 'import_job_files.job_id')
      .select('import_job_files.job_id')
      .distinct()
      .where('import_jobs.status', 'in', ['done', 'failed', 'cancelled'])
      .limit(limit)
      .execute();
    return rows.map((r) => r.job_id);
  }

  async lockInStatus(
    id: string,
    statuses: ImportJobStatus[],
    now: string,
  ): Promise<ImportJobRecord | undefined> {
    if (this.capabilities.hasSkipLocked) {
      const row = await this.db
        .selectFrom('import_jobs')
        .selectAll()
        .where('id', '=', id)
        .where('status', 'in', statuses)
        .forUpdate()
        .skipLocked()
        .executeTakeFirst();
      return row && toRecord(row);
    }
    // SQLite: writing takes the database's write lock for the rest of the transaction.
    await this.db.updateTable('import_jobs').set({ updated_at: now }).where('id', '=', id).execute();
    const row = await this.db
      .selectFrom('import_jobs')
      .selectAll()
      .where('id', '=', id)
      .where('status', 'in', statuses)
      .executeTakeFirst();
    return row && toRecord(row);
  }

  async files(id: string): Promise<ImportJobFile[]> {
    const rows = await this.db
      .selectFrom('import_job_files')
      .selectAll()
      .where('job_id', '=', id)
      .orderBy('position')
      .execute();
    return rows.map((r) => ({
      position: Number(r.position),
      kind: r.kind as ImportFileKind,
      filename: r.filename,
      blobKey: r.blob_key,
      bytes: Number(r.bytes),
      createdAt: r.created_at,
    }));
  }

  async addFile(id: string, file: ImportJobFile): Promise<void> {
    await this.db
      .insertInto('import_job_files')
      .values({
        job_id: id,
        position: file.position,
        kind: file.kind,
        filename: file.filename,
        blob_key: file.blobKey,
        bytes: file.bytes,
        created_at: file.createdAt,
      })
      .execute();
  }

  async removeFiles(id: string): Promise<void> {
    await this.db.deleteFrom('import_job_files').where('job_id', '=', id).execute();
  }

  async progress(id: string): Promise<ImportJobProgress | undefined> {
    const row = await this.db
      .selectFrom('import_job_progress')
      .selectAll()
      .where('job_id', '=', id)
      .executeTakeFirst();
    return (
      row && {
        phase: row.phase as ImportJobProgress['phase'],
        done: Number(row.done),
        total: Number(row.total),
        heartbeatAt: row.heartbeat_at,
      }
    );
  }

  async putProgress(id: string, progress: ImportJobProgress): Promise<void> {
    const values = {
      phase: progress.phase,
      done: progress.done,
      total: progress.total,
      heartbeat_at: progress.heartbeatAt,
    };
    await this.db
      .insertInto('import_job_progress')
      .values({ job_id: id, ...values })
      .onConflict((oc) => oc.column('job_id').doUpdateSet(values))
      .execute();
  }
}
