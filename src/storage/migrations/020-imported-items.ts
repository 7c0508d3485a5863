import type { Kysely } from 'kysely';

/* eslint-disable @typescript-eslint/no-explicit-any -- migrations describe past schemas, not today's types */

/**
 * Issue 11. `imported_items`: what an import made of each thing it read, keyed by where it came from
 * (`wordpress`), what it is (`post`, `author`, `term`, `media-hash`, `media-path`…) and its key
 * there (the WordPress post id, an author login, a term's taxonomy and slug, an image's content
 * hash or uploads path). A re-run finds its earlier work here and updates instead of duplicating.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('imported_items')
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('external_key', 'text', (c) => c.notNull())
    .addColumn('target_id', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('imported_items_pk', ['source', 'kind', 'external_key'])
    .execute();
  await db.schema
    .createIndex('imported_items_target_idx')
    .on('imported_items')
    .columns(['target_id'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('imported_items').execute();
}
