import { sql, type Kysely } from 'kysely';

/* eslint-disable @typescript-eslint/no-explicit-any -- migrations describe past schemas, not today's types */

/**
 * "Check Also" moves off the request path: a queue of posts whose related lists are due
 * (`related_jobs`, written in the save's own transaction), the documents as the job last saw them
 * (`related_documents`, `related_terms`, `related_tags`), and one lock row for the worker.
 * `post_related` is rebuilt without foreign keys: the job alone keeps it, and it must still see a
 * deleted post's rows to repair the lists that held it. Every published post is queued, so the first
 * start after this migration builds the lists from scratch.
 */
export async function up(db: Kysely<any>): Promise<void> {
  const text = 'text';
  const now = (c: any) => c.notNull();
  await db.schema
    .createTable('related_jobs')
    .addColumn('post_id', text, (c) => c.primaryKey())
    .addColumn('version', 'integer', now)
    .addColumn('requested_at', text, now)
    .execute();
  await db.schema
    .createIndex('related_jobs_order_idx')
    .on('related_jobs')
    .columns(['requested_at', 'post_id'])
    .execute();
  await db.schema
    .createTable('related_documents')
    .addColumn('post_id', text, (c) => c.primaryKey())
    .addColumn('language', text, now)
    .addColumn('story', text)
    .execute();
  await db.schema
    .createTable('related_terms')
    .addColumn('post_id', text, now)
    .addColumn('term', text, now)
    .addColumn('weight', 'double precision', now)
    .addPrimaryKeyConstraint('related_terms_pk', ['post_id', 'term'])
    .execute();
  await db.schema
    .createIndex('related_terms_term_idx')
    .on('related_terms')
    .columns(['term', 'post_id'])
    .execute();
  await db.schema
    .createTable('related_tags')
    .addColumn('post_id', text, now)
    .addColumn('tag_id', text, now)
    .addPrimaryKeyConstraint('related_tags_pk', ['post_id', 'tag_id'])
    .execute();
  await db.schema
    .createIndex('related_tags_tag_idx')
    .on('related_tags')
    .columns(['tag_id', 'post_id'])
    .execute();
  await db.schema
    .createTable('related_state')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('locked_at', text)
    .execute();
  await db.insertInto('related_state').values({ id: 1, locked_at: null }).execute();

  await db.schema.dropTable('post_related').execute();
  await db.schema
    .createTable('post_related')
    .addColumn('post_id', text, now)
    .addColumn('related_post_id', text, now)
    .addColumn('rank', 'integer', now)
    .addColumn('score', 'double precision', now)
    .addPrimaryKeyConstraint('post_related_pk', ['post_id', 'related_post_id'])
    .execute();
  await db.schema
    .createIndex('post_related_related_idx')
    .on('post_related')
    .columns(['related_post_id', 'post_id'])
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
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['related_state', 'related_tags', 'related_terms', 'related_documents', 'related_jobs'])
    await db.schema.dropTable(table).execute();
}
