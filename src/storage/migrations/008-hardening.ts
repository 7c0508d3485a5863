import { sql, type Kysely } from 'kysely';

/* eslint-disable @typescript-eslint/no-explicit-any -- migrations describe past schemas, not today's types */

/**
 * When a post first went live, kept when it is unpublished again: a contributor may change only posts
 * that have never been published (docs/roles.md). Existing posts that are live, or are drafts that
 * carry a publish date (most likely unpublished ones), count as having been published.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('posts').addColumn('first_published_at', 'text').execute();
  await sql`update posts set first_published_at = published_at
    where published_at is not null and (status = 'published' or status = 'draft')`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('posts').dropColumn('first_published_at').execute();
}
