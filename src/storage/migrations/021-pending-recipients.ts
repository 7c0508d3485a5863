import { sql, type Kysely } from 'kysely';

/* eslint-disable @typescript-eslint/no-explicit-any -- migrations describe past schemas, not today's types */

/**
 * Issue 16, sending speed. The claim query reads `pending` rows of a send in `next_attempt_at` order:
 * a partial index holds only those, instead of `send_recipients_work_idx` (`send_id`, `state`,
 * `next_attempt_at`) over every row. Every step of a recipient (claimed, sending, sent) changed
 * `state` and so rewrote its entry in the old index; the new one is written when a row becomes
 * pending (the snapshot, a retry) and nowhere else. Outcome writes find their rows by primary key.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createIndex('send_recipients_pending_idx')
    .on('send_recipients')
    .columns(['send_id', 'next_attempt_at'])
    .where(sql.ref('state'), '=', sql.lit('pending'))
    .execute();
  await db.schema.dropIndex('send_recipients_work_idx').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema
    .createIndex('send_recipients_work_idx')
    .on('send_recipients')
    .columns(['send_id', 'state', 'next_attempt_at'])
    .execute();
  await db.schema.dropIndex('send_recipients_pending_idx').execute();
}
