import { PostgresAdapter, sql, type Kysely } from 'kysely';

/* eslint-disable @typescript-eslint/no-explicit-any -- migrations describe past schemas, not today's types */

/**
 * Issue 12, "on the record" and "trust made visible".
 *
 * `post_notes`: a post's append-only log of corrections, clarifications, updates and editor's
 * notes. The database itself refuses to change what a note says or to delete one while its post
 * exists (a trigger on each dialect), so no code path, present or future, can rewrite the record.
 * Only `listed_language` may change: the post's language while the post is published, else null,
 * kept in step with every post write (post-listings.ts) so `/corrections/` is one walk along
 * `post_notes_listing_idx`, whatever the size of the site.
 *
 * Posts gain their type of work and dateline; staff gain what readers need to trust a byline.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('post_notes')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('post_id', 'text', (c) => c.notNull().references('posts.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    // No foreign key: the author's name is kept as it was, and a removed account changes nothing.
    .addColumn('author_id', 'text')
    .addColumn('author_name', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('listed_language', 'text')
    .execute();
  await db.schema
    .createIndex('post_notes_post_idx')
    .on('post_notes')
    .columns(['post_id', 'created_at', 'id'])
    .execute();
  await db.schema
    .createIndex('post_notes_listing_idx')
    .on('post_notes')
    .columns(['listed_language', 'kind', 'created_at', 'id'])
    .execute();
  if (db.getExecutor().adapter instanceof PostgresAdapter) await guardPostgres(db);
  else await guardSqlite(db);

  await db.schema
    .alterTable('posts')
    .addColumn('work_type', 'text', (c) => c.notNull().defaultTo('news'))
    .execute();
  await db.schema
    .alterTable('posts')
    .addColumn('dateline', 'text', (c) => c.notNull().defaultTo(''))
    .execute();
  for (const column of ['job_title', 'expertise', 'contact', 'fediverse'])
    await db.schema
      .alterTable('staff_users')
      .addColumn(column, 'text', (c) => c.notNull().defaultTo(''))
      .execute();
  await db.schema
    .alterTable('staff_users')
    .addColumn('profile_links', 'text', (c) => c.notNull().defaultTo('[]'))
    .execute();
  await correctionSends(db);
}

/**
 * A correction can follow a post to the newsletters it went to: a send of the note (`note_id`; ''
 * for the post itself), once per post, newsletter and note.
 */
async function correctionSends(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('newsletter_sends')
    .addColumn('note_id', 'text', (c) => c.notNull().defaultTo(''))
    .execute();
  await db.schema.dropIndex('newsletter_sends_post_newsletter_idx').execute();
  await db.schema
    .createIndex('newsletter_sends_post_newsletter_idx')
    .on('newsletter_sends')
    .columns(['post_id', 'newsletter_id', 'note_id'])
    .unique()
    .execute();
}

const frozenColumns = ['id', 'post_id', 'kind', 'body', 'author_id', 'author_name', 'created_at'];

async function guardSqlite(db: Kysely<any>): Promise<void> {
  const changed = frozenColumns.map((c) => `new.${c} is not old.${c}`).join(' or ');
  await sql
    .raw(
      `create trigger post_notes_no_rewrite before update on post_notes when ${changed}
       begin select raise(abort, 'post notes are append-only'); end`,
    )
    .execute(db);
  // A note goes only with its post (the cascade runs after the post's row is gone).
  await sql`create trigger post_notes_no_delete before delete on post_notes
    when exists (select 1 from posts where posts.id = old.post_id)
    begin select raise(abort, 'post notes are append-only'); end`.execute(db);
}

async function guardPostgres(db: Kysely<any>): Promise<void> {
  const row = (prefix: string) => `(${frozenColumns.map((c) => `${prefix}.${c}`).join(', ')})`;
  await sql
    .raw(
      `create function post_notes_append_only() returns trigger language plpgsql as $$
      begin
        if tg_op = 'DELETE' then
          if exists (select 1 from posts where posts.id = old.post_id) then
            raise exception 'post notes are append-only' using errcode = 'check_violation';
          end if;
          return old;
        end if;
        if ${row('new')} is distinct from ${row('old')} then
          raise exception 'post notes are append-only' using errcode = 'check_violation';
        end if;
        return new;
      end $$`,
    )
    .execute(db);
  await sql`create trigger post_notes_append_only before update or delete on post_notes
    for each row execute function post_notes_append_only()`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`delete from newsletter_sends where note_id <> ''`.execute(db);
  await db.schema.dropIndex('newsletter_sends_post_newsletter_idx').execute();
  await db.schema.alterTable('newsletter_sends').dropColumn('note_id').execute();
  await db.schema
    .createIndex('newsletter_sends_post_newsletter_idx')
    .on('newsletter_sends')
    .columns(['post_id', 'newsletter_id'])
    .unique()
    .execute();
  await db.schema.dropTable('post_notes').execute();
  if (db.getExecutor().adapter instanceof PostgresAdapter)
    await sql`drop function if exists post_notes_append_only()`.execute(db);
  await db.schema.alterTable('posts').dropColumn('work_type').execute();
  await db.schema.alterTable('posts').dropColumn('dateline').execute();
  for (const column of ['job_title', 'expertise', 'contact', 'fediverse', 'profile_links'])
    await db.schema.alterTable('staff_users').dropColumn(column).execute();
}
