import type { Kysely } from 'kysely';

/* eslint-disable @typescript-eslint/no-explicit-any -- migrations describe past schemas, not today's types */

/**
 * A post's promotion: `promotion_mode` is `site` (the site's promotions in their slots), `none`, or
 * `chosen` (only `promotion_id`). It replaces `promo_slot`, which never chose anything: every
 * existing post keeps what it showed, the site's promotions.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('posts')
    .addColumn('promotion_mode', 'text', (c) => c.notNull().defaultTo('site'))
    .execute();
  await db.schema
    .alterTable('posts')
    .addColumn('promotion_id', 'text', (c) => c.references('promotions.id').onDelete('set null'))
    .execute();
  await db.schema.alterTable('posts').dropColumn('promo_slot').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('posts').addColumn('promo_slot', 'text').execute();
  await db.schema.alterTable('posts').dropColumn('promotion_id').execute();
  await db.schema.alterTable('posts').dropColumn('promotion_mode').execute();
}
