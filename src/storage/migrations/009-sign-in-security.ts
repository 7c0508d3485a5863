import type { Kysely } from 'kysely';

/* eslint-disable @typescript-eslint/no-explicit-any -- migrations describe past schemas, not today's types */

/**
 * Sign-in security: limits counted in the database, pending (second-step) sessions, TOTP with
 * recovery codes, remembered devices and emailed sign-in links.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('rate_limits')
    .addColumn('key_hash', 'text', (c) => c.primaryKey())
    .addColumn('count', 'integer', (c) => c.notNull())
    .addColumn('window_ends_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('rate_limits_window_idx').on('rate_limits').column('window_ends_at').execute();

  // A session waiting for its second step: which step, and the hash of the emailed code (if any).
  await db.schema.alterTable('staff_sessions').addColumn('pending_step', 'text').execute();
  await db.schema.alterTable('staff_sessions').addColumn('code_hash', 'text').execute();

  await db.schema
    .createTable('staff_totp')
    .addColumn('staff_id', 'text', (c) => c.primaryKey().references('staff_users.id').onDelete('cascade'))
    .addColumn('secret', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('enabled_at', 'text')
    .addColumn('last_step', 'bigint')
    .execute();

  await db.schema
    .createTable('staff_recovery_codes')
    .addColumn('code_hash', 'text', (c) => c.primaryKey())
    .addColumn('staff_id', 'text', (c) => c.notNull().references('staff_users.id').onDelete('cascade'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('used_at', 'text')
    .execute();
  await db.schema
    .createIndex('staff_recovery_codes_staff_idx')
    .on('staff_recovery_codes')
    .column('staff_id')
    .execute();

  await db.schema
    .createTable('staff_devices')
    .addColumn('token_hash', 'text', (c) => c.primaryKey())
    .addColumn('staff_id', 'text', (c) => c.notNull().references('staff_users.id').onDelete('cascade'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('staff_devices_staff_idx').on('staff_devices').column('staff_id').execute();

  await db.schema
    .createTable('staff_sign_in_links')
    .addColumn('token_hash', 'text', (c) => c.primaryKey())
    .addColumn('staff_id', 'text', (c) => c.notNull().references('staff_users.id').onDelete('cascade'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('used_at', 'text')
    .execute();
  await db.schema
    .createIndex('staff_sign_in_links_staff_idx')
    .on('staff_sign_in_links')
    .column('staff_id')
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['staff_sign_in_links', 'staff_devices', 'staff_recovery_codes', 'staff_totp'])
    await db.schema.dropTable(table).execute();
  await db.schema.alterTable('staff_sessions').dropColumn('code_hash').execute();
  await db.schema.alterTable('staff_sessions').dropColumn('pending_step').execute();
  await db.schema.dropTable('rate_limits').execute();
}
