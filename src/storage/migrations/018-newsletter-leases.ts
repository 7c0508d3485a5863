import { sql, type Kysely } from 'kysely';

/* eslint-disable @typescript-eslint/no-explicit-any -- migrations describe past schemas, not today's types */

/**
 * One lease row per sending process, renewed while it lives, instead of renewing `claimed_at` on
 * every row it holds: renewing hundreds of rows raced the same rows' outcome writes for their row
 * locks (a deadlock on PostgreSQL). Claims in hand (`claimed`, and `sending`: handed to an SMTP
 * connection) get an index of their own, so looking for a dead process's claims reads only those.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('newsletter_leases')
    .addColumn('claimer', 'text', (c) => c.primaryKey())
    .addColumn('renewed_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('send_recipients_claims_idx')
    .on('send_recipients')
    .column('claimed_by')
    .where(sql.ref('state'), 'in', [sql.lit('claimed'), sql.lit('sending')])
    .execute();
  // Before 018 a claimed row may already have been handed to SMTP: it counts as in flight.
  await db.updateTable('send_recipients').set({ state: 'sending' }).where('state', '=', 'claimed').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.updateTable('send_recipients').set({ state: 'claimed' }).where('state', '=', 'sending').execute();
  await db.schema.dropIndex('send_recipients_claims_idx').execute();
  await db.schema.dropTable('newsletter_leases').execute();
}
