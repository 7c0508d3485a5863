import type { Kysely } from 'kysely';

/* eslint-disable @typescript-eslint/no-explicit-any -- migrations describe past schemas, not today's types */

/**
 * Issue 11, the import from the admin as a job. `import_jobs`: one WordPress or Ghost import, its
 * status (uploading, plan-queued, planning, planned, queued, running, done, failed, cancelled), the
 * plan and the report as JSON, the error that stopped it, and how often a process took it up.
 * `import_job_files`: the uploaded files, stored in the private file store (never served) under
 * `blob_key`. `import_job_progress`: how far the worker is and when it last said so; a row of its own,
 * because the import's one transaction holds the job's row locked until it commits.
 */
export async function up(db: Kysely<any>): Promise<void> {
  const text = 'text';
  const notNull = (c: any) => c.notNull();
  await db.schema
    .createTable('import_jobs')
    .addColumn('id', text, (c) => c.primaryKey())
    .addColumn('source', text, notNull)
    .addColumn('status', text, notNull)
    .addColumn('created_by', text)
    .addColumn('plan', text)
    .addColumn('report', text)
    .addColumn('error', text)
    .addColumn('attempts', 'integer', notNull)
    .addColumn('claim', text)
    .addColumn('created_at', text, notNull)
    .addColumn('updated_at', text, notNull)
    .addColumn('finished_at', text)
    .execute();
  await db.schema
    .createIndex('import_jobs_status_idx')
    .on('import_jobs')
    .columns(['status', 'created_at', 'id'])
    .execute();
  await db.schema
    .createIndex('import_jobs_created_idx')
    .on('import_jobs')
    .columns(['created_at', 'id'])
    .execute();
  await db.schema
    .createTable('import_job_files')
    .addColumn('job_id', text, (c) => c.notNull().references('import_jobs.id').onDelete('cascade'))
    .addColumn('position', 'integer', notNull)
    .addColumn('kind', text, notNull)
    .addColumn('filename', text, notNull)
    .addColumn('blob_key', text, notNull)
    .addColumn('bytes', 'bigint', notNull)
    .addColumn('created_at', text, notNull)
    .addPrimaryKeyConstraint('import_job_files_pk', ['job_id', 'position'])
    .execute();
  await db.schema
    .createTable('import_job_progress')
    // No foreign key: on PostgreSQL it would make a progress write wait for the import's row lock.
    .addColumn('job_id', text, (c) => c.primaryKey())
    .addColumn('phase', text, notNull)
    .addColumn('done', 'integer', notNull)
    .addColumn('total', 'integer', notNull)
    .addColumn('heartbeat_at', text, notNull)
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['import_job_progress', 'import_job_files', 'import_jobs'])
    await db.schema.dropTable(table).execute();
}
