import type { Kysely } from 'kysely';

/* eslint-disable @typescript-eslint/no-explicit-any -- migrations describe past schemas, not today's types */

/**
 * Indexes for lists that must cost the same at 100,000 posts as at 100: sitemap chunks walk
 * published posts by id, and the admin's post list sorts by the last change.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.createIndex('posts_sitemap_idx').on('posts').columns(['type', 'status', 'id']).execute();
  await db.schema.createIndex('posts_updated_idx').on('posts').columns(['updated_at', 'id']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('posts_updated_idx').execute();
  await db.schema.dropIndex('posts_sitemap_idx').execute();
}
