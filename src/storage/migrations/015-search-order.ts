import { PostgresAdapter, sql, type Kysely } from 'kysely';

/* eslint-disable @typescript-eslint/no-explicit-any -- migrations describe past schemas, not today's types */

/**
 * Search ranks a bounded window of the most recently published matches (docs/search.md), so the
 * index keeps its rows in publication order. PostgreSQL: `sort_key` (milliseconds since 1970 of
 * the publication, or the last change of a post never published), filled here and indexed.
 * SQLite: the FTS5 rowid itself is the order; rows written before this migration keep their old
 * (lower) rowids until `broadsheet search reindex` or the post's next save rewrites them.
 */
export async function up(db: Kysely<any>): Promise<void> {
  if (!(db.getExecutor().adapter instanceof PostgresAdapter)) return;
  await db.schema
    .alterTable('search_documents')
    .addColumn('sort_key', 'bigint', (c) => c.notNull().defaultTo(0))
    .execute();
  await sql`update search_documents set sort_key = (extract(epoch from
      coalesce(posts.published_at, posts.updated_at)::timestamptz) * 1000)::bigint
    from posts where posts.id = search_documents.post_id`.execute(db);
  await db.schema
    .createIndex('search_documents_sort_key_idx')
    .on('search_documents')
    .column('sort_key')
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  if (!(db.getExecutor().adapter instanceof PostgresAdapter)) return;
  await db.schema.dropIndex('search_documents_sort_key_idx').execute();
  await db.schema.alterTable('search_documents').dropColumn('sort_key').execute();
}
