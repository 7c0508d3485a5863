import { sql, type Kysely } from 'kysely';

/* eslint-disable @typescript-eslint/no-explicit-any -- migrations describe past schemas, not today's types */

/**
 * "Check Also" at archive size: a tag counts for similarity among its most recent holders only, so
 * the job's documents and tag postings carry the post's publication time, and the postings are
 * indexed by tag and time (a tag's most recent holders are one index range). Lists now keep reserve
 * entries beyond the six shown. Both change what the lists hold, so every published post is queued
 * again and the next start rebuilds every list (a bulk build). How many documents hold each term is
 * kept in `related_term_counts`, so a step reads a count as one row instead of counting postings.
 */
export async function up(db: Kysely<any>): Promise<void> {
  for (const table of ['related_documents', 'related_tags']) {
    await db.schema
      .alterTable(table)
      .addColumn('published_at', 'text', (c) => c.notNull().defaultTo(''))
      .execute();
    await db
      .updateTable(table)
      .set({
        published_at: sql`coalesce((select p.published_at from posts p where p.id = ${sql.ref(`${table}.post_id`)}), '')`,
      })
      .execute();
  }
  await db.schema
    .createIndex('related_tags_recent_idx')
    .on('related_tags')
    .columns(['tag_id', 'published_at', 'post_id'])
    .execute();
  await db.schema
    .createTable('related_term_counts')
    .addColumn('term', 'text', (c) => c.primaryKey())
    .addColumn('n', 'integer', (c) => c.notNull())
    .execute();
  await db
    .insertInto('related_term_counts')
    .columns(['term', 'n'])
    .expression(
      db
        .selectFrom('related_terms')
        .select((eb) => ['term', eb.fn.countAll().as('n')])
        .groupBy('term'),
    )
    .execute();
  const at = new Date().toISOString();
  await db
    .insertInto('related_jobs')
    .columns(['post_id', 'version', 'requested_at'])
    .expression(
      db
        .selectFrom('posts')
        .select((eb) => ['id', eb.lit(1).as('version'), sql<string>`cast(${at} as text)`.as('requested_at')])
        .where('type', '=', 'post')
        .where('status', '=', 'published'),
    )
    .onConflict((oc) => oc.column('post_id').doNothing())
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('related_term_counts').execute();
  await db.schema.dropIndex('related_tags_recent_idx').execute();
  for (const table of ['related_tags', 'related_documents'])
    await db.schema.alterTable(table).dropColumn('published_at').execute();
}
