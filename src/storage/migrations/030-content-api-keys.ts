import type { Kysely } from 'kysely';

/* eslint-disable @typescript-eslint/no-explicit-any -- migrations describe past schemas, not today's types */

/**
 * Issue 13. `content_api_keys`: the keys of Ghost-compatible Content API clients (26 hex characters,
 * sent as `?key=`). They open only what the public site shows, but are stored as SHA-256 like every
 * other secret, so a copy of the database gives no working key.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('content_api_keys')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('key_hash', 'text', (c) => c.notNull().unique())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('last_used_at', 'text')
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('content_api_keys').execute();
}
