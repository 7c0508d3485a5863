import type { Kysely } from 'kysely';

/* eslint-disable @typescript-eslint/no-explicit-any -- migrations describe past schemas, not today's types */

/**
 * Issue 16. `idempotency_keys`: an Admin API create's `Idempotency-Key` per actor, with the request's
 * fingerprint and the answer, written in the create's own transaction (kept 24 hours).
 * `member_imports` and `member_import_errors`: a member CSV import as a job: the file, how many of its
 * lines are done (every batch commits its members, its counts and this cursor together), and the
 * per-line report.
 */
export async function up(db: Kysely<any>): Promise<void> {
  const text = 'text';
  const notNull = (c: any) => c.notNull();
  await db.schema
    .createTable('idempotency_keys')
    .addColumn('actor_id', text, notNull)
    .addColumn('key', text, notNull)
    .addColumn('fingerprint', text, notNull)
    .addColumn('status', 'integer', notNull)
    .addColumn('body', text, notNull)
    .addColumn('created_at', text, notNull)
    .addColumn('expires_at', text, notNull)
    .addPrimaryKeyConstraint('idempotency_keys_pk', ['actor_id', 'key'])
    .execute();
  await db.schema
    .createIndex('idempotency_keys_expiry_idx')
    .on('idempotency_keys')
    .column('expires_at')
    .execute();
  await db.schema
    .createTable('member_imports')
    .addColumn('id', text, (c) => c.primaryKey())
    .addColumn('created_by', text)
    .addColumn('status', text, notNull)
    .addColumn('csv', text, notNull)
    .addColumn('total_lines', 'integer', notNull)
    .addColumn('lines_done', 'integer', notNull)
    .addColumn('imported', 'integer', notNull)
    .addColumn('updated', 'integer', notNull)
    .addColumn('skipped', 'integer', notNull)
    .addColumn('created_at', text, notNull)
    .addColumn('updated_at', text, notNull)
    .addColumn('finished_at', text)
    .execute();
  await db.schema
    .createIndex('member_imports_status_idx')
    .on('member_imports')
    .columns(['status', 'created_at', 'id'])
    .execute();
  await db.schema
    .createTable('member_import_errors')
    .addColumn('import_id', text, (c) => c.notNull().references('member_imports.id').onDelete('cascade'))
    .addColumn('line', 'integer', notNull)
    .addColumn('email', text, notNull)
    .addColumn('message', text, notNull)
    .addPrimaryKeyConstraint('member_import_errors_pk', ['import_id', 'line'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['member_import_errors', 'member_imports', 'idempotency_keys'])
    await db.schema.dropTable(table).execute();
}
