import type { Kysely } from 'kysely';

/* eslint-disable @typescript-eslint/no-explicit-any -- migrations describe past schemas, not today's types */

/**
 * Issue 11, sources from an import: the outbound links of an imported post are offered as its
 * sources, marked `imported` until an editor confirms them in the post editor (null: confirmed, or
 * entered by hand). Readers see every source alike; only the admin shows the mark.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('post_sources').addColumn('review_state', 'text').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('post_sources').dropColumn('review_state').execute();
}
