import { PostgresAdapter, sql, type Kysely } from 'kysely';

/* eslint-disable @typescript-eslint/no-explicit-any -- migrations describe past schemas, not today's types */

/**
 * SQLite: the FTS5 table loses its `lang` column. A query used to say `lang : "english" AND …`,
 * and FTS5's bm25 walks the whole doclist of every phrase in a query for its document counts, so
 * each search walked the index entry of its language, which every post of that language holds.
 * The language is now checked on `search_documents.config`; prefixes of 4 letters get an index of
 * their own too. Each pair of neighbouring words is indexed as one token (`_harbour_ferry`) in
 * `search_pairs` (same rowids), so a phrase of common words reads the short doclists of its
 * pairs instead of checking the positions of every post that holds all its words. The old rows
 * cannot be carried over (a contentless table keeps no text), so the index starts empty.
 *
 * PostgreSQL: the same pairs in `search_documents.pairs` (a tsvector of them, GIN-indexed), which
 * a phrase query asks first; documents are rewritten by the rebuild, phrases finding each post as
 * the rebuild reaches it.
 *
 * On both, a row in `search_rebuild` asks for the rebuild, which `broadsheet start` runs in the
 * background and resumes after a kill (or run `broadsheet search reindex`).
 */
export async function up(db: Kysely<any>): Promise<void> {
  // The rebuild's cursor: a row means a rebuild is due or under way (src/jobs/search-rebuild.ts).
  await db.schema
    .createTable('search_rebuild')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('after', 'text')
    .execute();
  await sql`insert into search_rebuild (id, after) select 1, null where exists (select 1 from posts)`.execute(
    db,
  );
  if (db.getExecutor().adapter instanceof PostgresAdapter) return upPostgres(db);
  await sql`drop trigger if exists search_documents_delete`.execute(db);
  await sql`drop table if exists search_fts`.execute(db);
  await sql`delete from search_documents`.execute(db);
  await sql`create virtual table search_text using fts5(
    title, standfirst, tags, body, credits,
    content = '', contentless_delete = 1, prefix = '2 3 4',
    tokenize = 'unicode61 remove_diacritics 2'
  )`.execute(db);
  // No prefix indexes here: nobody searches for the start of a pair.
  await sql`create virtual table search_pairs using fts5(
    title_pairs, text_pairs,
    content = '', contentless_delete = 1,
    tokenize = "unicode61 remove_diacritics 2 tokenchars '_'"
  )`.execute(db);
  await sql`create trigger search_documents_delete after delete on search_documents begin
    delete from search_text where rowid = old.doc_id;
    delete from search_pairs where rowid = old.doc_id;
  end`.execute(db);
}

async function upPostgres(db: Kysely<any>): Promise<void> {
  await sql`alter table search_documents add column pairs tsvector not null default ''`.execute(db);
  await sql`create index search_documents_pairs_idx on search_documents using gin (pairs)`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('search_rebuild').execute();
  if (db.getExecutor().adapter instanceof PostgresAdapter) {
    await sql`drop index search_documents_pairs_idx`.execute(db);
    await sql`alter table search_documents drop column pairs`.execute(db);
    return;
  }
  await sql`drop trigger if exists search_documents_delete`.execute(db);
  await sql`drop table if exists search_text`.execute(db);
  await sql`drop table if exists search_pairs`.execute(db);
  await sql`delete from search_documents`.execute(db);
  await sql`create virtual table search_fts using fts5(
    lang, title, standfirst, tags, body, credits,
    content = '', contentless_delete = 1, prefix = '2 3',
    tokenize = 'unicode61 remove_diacritics 2'
  )`.execute(db);
  await sql`create trigger search_documents_delete after delete on search_documents begin
    delete from search_fts where rowid = old.doc_id;
  end`.execute(db);
}
