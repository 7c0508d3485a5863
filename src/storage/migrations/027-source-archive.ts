import { sql, type Kysely } from 'kysely';

/* eslint-disable @typescript-eslint/no-explicit-any -- migrations describe past schemas, not today's types */

/**
 * Issue 12, "sources keep their history". A source row now lives as long as its URL stays cited
 * (saves merge by URL), so it can carry its archive and its health:
 * - `source_snapshots`: every archived copy of a source (time, status, final URL, title, SHA-256 of
 *   the body, main text, where the sanitized snapshot is in the archive's blob store);
 * - `source_checks`: the link-health history (ok, redirected, changed, gone, unreachable);
 * - `source_archive_queue`: sources due an archive, claimed with a lease so that a killed process's
 *   claim lapses and another process takes it;
 * - `source_health_state`: the link-health pass's keyset cursor and lease (one row);
 * - on `post_sources`: the validators of the last fetch (conditional rechecks), the last archive
 *   error, and an index for the link-health screen's filter.
 * Every source of a post already published is queued, so an upgraded site archives what it cites.
 */
export async function up(db: Kysely<any>): Promise<void> {
  const text = 'text';
  const required = (c: any) => c.notNull();
  const source = (c: any) => c.notNull().references('post_sources.id').onDelete('cascade');
  for (const column of ['link_etag', 'link_last_modified'])
    await db.schema.alterTable('post_sources').addColumn(column, text).execute();
  await db.schema
    .alterTable('post_sources')
    .addColumn('archive_error', text, (c) => c.notNull().defaultTo(''))
    .execute();
  await db.schema
    .createIndex('post_sources_link_status_idx')
    .on('post_sources')
    .columns(['link_status', 'id'])
    .execute();

  await db.schema
    .createTable('source_snapshots')
    .addColumn('id', text, (c) => c.primaryKey())
    .addColumn('source_id', text, source)
    .addColumn('url', text, required)
    .addColumn('taken_at', text, required)
    .addColumn('http_status', 'integer', required)
    .addColumn('final_url', text, required)
    .addColumn('content_type', text, required)
    .addColumn('title', text, required)
    .addColumn('body_sha256', text, required)
    .addColumn('main_text', text, required)
    .addColumn('blob_key', text, required)
    .execute();
  await db.schema
    .createIndex('source_snapshots_source_idx')
    .on('source_snapshots')
    .columns(['source_id', 'taken_at'])
    .execute();

  await db.schema
    .createTable('source_checks')
    .addColumn('id', text, (c) => c.primaryKey())
    .addColumn('source_id', text, source)
    .addColumn('checked_at', text, required)
    .addColumn('state', text, required)
    .addColumn('http_status', 'integer')
    .addColumn('final_url', text, (c) => c.notNull().defaultTo(''))
    .addColumn('detail', text, (c) => c.notNull().defaultTo(''))
    .execute();
  await db.schema
    .createIndex('source_checks_source_idx')
    .on('source_checks')
    .columns(['source_id', 'checked_at'])
    .execute();

  await db.schema
    .createTable('source_archive_queue')
    .addColumn('source_id', text, (c) => c.primaryKey().references('post_sources.id').onDelete('cascade'))
    .addColumn('requested_at', text, required)
    .addColumn('not_before', text, required)
    .addColumn('claimed_until', text, (c) => c.notNull().defaultTo(''))
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema
    .createIndex('source_archive_queue_due_idx')
    .on('source_archive_queue')
    .columns(['not_before', 'source_id'])
    .execute();

  await db.schema
    .createTable('source_health_state')
    .addColumn('id', text, (c) => c.primaryKey())
    .addColumn('cursor', text)
    .addColumn('pass_started_at', text)
    .addColumn('lease_until', text, (c) => c.notNull().defaultTo(''))
    .execute();
  await db
    .insertInto('source_health_state')
    .values({ id: 'links', cursor: null, pass_started_at: null })
    .execute();
  await queuePublishedSources(db);
}

/** The sources of posts already live are archived as if they had just been published. */
async function queuePublishedSources(db: Kysely<any>): Promise<void> {
  const now = new Date().toISOString();
  await sql`insert into source_archive_queue (source_id, requested_at, not_before)
    select s.id, ${now}, ${now} from post_sources s join posts p on p.id = s.post_id
    where p.status = 'published'`.execute(db);
  await sql`update post_sources set archive_status = 'queued'
    where id in (select source_id from source_archive_queue)`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['source_health_state', 'source_archive_queue', 'source_checks', 'source_snapshots'])
    await db.schema.dropTable(table).execute();
  await db.schema.dropIndex('post_sources_link_status_idx').execute();
  for (const column of ['archive_error', 'link_last_modified', 'link_etag'])
    await db.schema.alterTable('post_sources').dropColumn(column).execute();
}
