import { PostgresAdapter, sql, type Kysely } from 'kysely';

/* eslint-disable @typescript-eslint/no-explicit-any -- migrations describe past schemas, not today's types */

/**
 * The full-text index of posts. SQLite: an FTS5 table (contentless, rows deleted with their post by a
 * trigger) beside `search_documents`. PostgreSQL: a weighted tsvector per post with a GIN index.
 * Run `broadsheet search reindex` to fill it for posts written before this migration.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('search_languages')
    .addColumn('config', 'text', (c) => c.primaryKey())
    .execute();
  if (db.getExecutor().adapter instanceof PostgresAdapter) await upPostgres(db);
  else await upSqlite(db);
  // Every column a search filters or ranks by, so matches are joined to posts from this index
  // alone (on SQLite the post's row, long bodies first, is never read for that).
  await db.schema
    .createIndex('posts_search_idx')
    .on('posts')
    .columns(['id', 'status', 'type', 'language', 'published_at', 'updated_at'])
    .execute();
}

async function upPostgres(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('search_documents')
    .addColumn('post_id', 'text', (c) => c.primaryKey().references('posts.id').onDelete('cascade'))
    .addColumn('config', 'text', (c) => c.notNull())
    .addColumn('document', sql`tsvector`, (c) => c.notNull())
    .execute();
  await sql`create index search_documents_document_idx on search_documents using gin (document)`.execute(db);
}

async function upSqlite(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('search_documents')
    .addColumn('doc_id', 'integer', (c) => c.primaryKey())
    .addColumn('post_id', 'text', (c) => c.notNull().unique().references('posts.id').onDelete('cascade'))
    .addColumn('config', 'text', (c) => c.notNull())
    .execute();
  await sql`create virtual table search_fts using fts5(
    lang, title, standfirst, tags, body, credits,
    content = '', contentless_delete = 1, prefix = '2 3',
    tokenize = 'unicode61 remove_diacritics 2'
  )`.execute(db);
  // A post deleted (or its document replaced) takes its FTS5 row with it.
  await sql`create trigger search_documents_delete after delete on search_documents begin
    delete from search_fts where rowid = old.doc_id;
  end`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('posts_search_idx').execute();
  if (!(db.getExecutor().adapter instanceof PostgresAdapter)) {
    await sql`drop trigger if exists search_documents_delete`.execute(db);
    await sql`drop table if exists search_fts`.execute(db);
  }
  await db.schema.dropTable('search_documents').execute();
  await db.schema.dropTable('search_languages').execute();
}
