import { sql, type Kysely } from 'kysely';
import type {
  MemberImportCounts,
  MemberImportLineError,
  MemberImportRecord,
  MemberImportRepository,
  MemberImportStatus,
} from '../../domain/ports.js';
import type { DialectCapabilities } from '../dialects/capabilities.js';
import type { Database, MemberImportsTable } from '../tables.js';

const columns = [
  'id',
  'created_by',
  'status',
  'total_lines',
  'lines_done',
  'imported',
  'updated',
  'skipped',
  'created_at',
  'updated_at',
  'finished_at',
] as const;

const toRecord = (row: Omit<MemberImportsTable, 'csv'>): MemberImportRecord => ({
  id: row.id,
  createdBy: row.created_by,
  status: row.status as MemberImportStatus,
  totalLines: Number(row.total_lines),
  linesDone: Number(row.lines_done),
  imported: Number(row.imported),
  updated: Number(row.updated),
  skipped: Number(row.skipped),
  createdAt: row.created_at,
  updatedAt: row.updated_at,
  finishedAt: row.finished_at,
});

/** Rows per insert statement, under SQLite's and PostgreSQL's bound-parameter limits. */
const errorsPerInsert = 200;

export class KyselyMemberImportRepository implements MemberImportRepository {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly capabilities: DialectCapabilities,
  ) {}

  async insert(record: MemberImportRecord, csv: string): Promise<void> {
    await this.db
      .insertInto('member_imports')
      .values({
        id: record.id,
        created_by: record.createdBy,
        status: record.status,
        csv,
        total_lines: record.totalLines,
        lines_done: record.linesDone,
        imported: record.imported,
        updated: record.updated,
        skipped: record.skipped,
        created_at: record.createdAt,
        updated_at: record.updatedAt,
        finished_at: record.finishedAt,
      })
      .execute();
  }

  async findById(id: string): Promise<MemberImportRecord | undefined> {
    const row = await this.db
      .selectFrom('member_imports')
      .select(columns)
      .where('id', '=', id)
      .executeTakeFirst();
    return row && toRecord(row);
  }

  async listUnfinished(limit: number): Promise<MemberImportRecord[]> {
    const rows = await this.db
      .selectFrom('member_imports')
      .select(columns)
      .where('status', '=', 'queued')
      .orderBy('created_at')
      .orderBy('id')
      .limit(limit)
      .execute();
    return rows.map(toRecord);
  }

  async lockForBatch(id: string, now: string): Promise<MemberImportRecord | undefined> {
    if (this.capabilities.hasSkipLocked) {
      const row = await this.db
        .selectFrom('member_imports')
        .select(columns)
        .where('id', '=', id)
        .where('status', '=', 'queued')
        .forUpdate()
        .skipLocked()
        .executeTakeFirst();
      return row && toRecord(row);
    }
    // SQLite: writing takes the database's write lock for the rest of the transaction.
    await this.db.updateTable('member_imports').set({ updated_at: now }).where('id', '=', id).execute();
    const row = await this.db
      .selectFrom('member_imports')
      .select(columns)
      .where('id', '=', id)
      .where('status', '=', 'queued')
      .executeTakeFirst();
    return row && toRecord(row);
  }

  async csvOf(id: string): Promise<string | undefined> {
    const row = await this.db
      .selectFrom('member_imports')
      .select('csv')
      .where('id', '=', id)
      .where('status', '=', 'queued')
      .executeTakeFirst();
    return row?.csv;
  }

  async recordBatch(
    id: string,
    batch: { fromLinesDone: number; counts: MemberImportCounts; isDone: boolean; now: string },
  ): Promise<boolean> {
    const { counts } = batch;
    const result = await this.db
      .updateTable('member_imports')
      .set({
        lines_done: sql<number>`lines_done + ${counts.linesDone}`,
        imported: sql<number>`imported + ${counts.imported}`,
        updated: sql<number>`updated + ${counts.updated}`,
        skipped: sql<number>`skipped + ${counts.skipped}`,
        updated_at: batch.now,
        ...(batch.isDone ? { status: 'done', csv: '', finished_at: batch.now } : {}),
      })
      .where('id', '=', id)
      .where('status', '=', 'queued')
      .where('lines_done', '=', batch.fromLinesDone)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }

  async insertErrors(importId: string, errors: MemberImportLineError[]): Promise<void> {
    for (let i = 0; i < errors.length; i += errorsPerInsert)
      await this.db
        .insertInto('member_import_errors')
        .values(errors.slice(i, i + errorsPerInsert).map((e) => ({ import_id: importId, ...e })))
        .execute();
  }

  async errors(
    importId: string,
    page: { afterLine: number; limit: number },
  ): Promise<MemberImportLineError[]> {
    return this.db
      .selectFrom('member_import_errors')
      .select(['line', 'email', 'message'])
      .where('import_id', '=', importId)
      .where('line', '>', page.afterLine)
      .orderBy('line')
      .limit(page.limit)
      .execute()
      .then((rows) => rows.map((r) => ({ line: Number(r.line), email: r.email, message: r.message })));
  }
}
