import type { Kysely } from 'kysely';

/* eslint-disable @typescript-eslint/no-explicit-any -- migrations describe past schemas, not today's types */

/** Newsletter sends, their recipient snapshots, and the newsletters a post is to go to when it goes live. */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('newsletter_sends')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('post_id', 'text', (c) => c.notNull().references('posts.id').onDelete('cascade'))
    .addColumn('newsletter_id', 'text', (c) => c.notNull().references('newsletters.id').onDelete('cascade'))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('started_at', 'text', (c) => c.notNull())
    .addColumn('finished_at', 'text')
    .execute();
  // One send per post and newsletter: a second request (two processes, a retried click) finds the first.
  await db.schema
    .createIndex('newsletter_sends_post_newsletter_idx')
    .on('newsletter_sends')
    .columns(['post_id', 'newsletter_id'])
    .unique()
    .execute();
  await db.schema
    .createTable('send_recipients')
    .addColumn('send_id', 'text', (c) => c.notNull().references('newsletter_sends.id').onDelete('cascade'))
    .addColumn('member_id', 'text', (c) => c.notNull())
    .addColumn('email', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('next_attempt_at', 'text', (c) => c.notNull())
    .addColumn('claimed_by', 'text')
    .addColumn('claimed_at', 'text')
    .addColumn('sent_at', 'text')
    .addColumn('error', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('is_possibly_duplicated', 'integer', (c) => c.notNull().defaultTo(0))
    .addPrimaryKeyConstraint('send_recipients_pk', ['send_id', 'member_id'])
    .execute();
  await db.schema
    .createIndex('send_recipients_work_idx')
    .on('send_recipients')
    .columns(['send_id', 'state', 'next_attempt_at'])
    .execute();
  await db.schema
    .createTable('post_newsletter_requests')
    .addColumn('post_id', 'text', (c) => c.notNull().references('posts.id').onDelete('cascade'))
    .addColumn('newsletter_id', 'text', (c) => c.notNull().references('newsletters.id').onDelete('cascade'))
    .addColumn('requested_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('post_newsletter_requests_pk', ['post_id', 'newsletter_id'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('post_newsletter_requests').execute();
  await db.schema.dropTable('send_recipients').execute();
  await db.schema.dropTable('newsletter_sends').execute();
}
