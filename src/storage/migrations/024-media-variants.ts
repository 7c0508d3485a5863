import { sql, type Kysely } from 'kysely';

/* eslint-disable @typescript-eslint/no-explicit-any -- migrations describe past schemas, not today's types */

/**
 * Issue 11, import speed. An imported JPEG or PNG is stored as it came and served as it is until the
 * media-variants job has made its responsive variants (src/jobs/README.md, "media-variants"):
 * `variants_state` is `pending` until then (`done`, or `failed` with `variants_error`), and
 * `original_key` keeps the stored original, which pages cached meanwhile still show. The job claims
 * a pending item for a while (`variants_claimed_by`, `variants_claimed_until`), so several processes
 * never work one item at once and a dead process's claim runs out. `media_variant_waits` lists the
 * posts whose stored body HTML was rendered while an item's variants were pending, to be rendered
 * again when they exist.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('media').addColumn('original_key', 'text').execute();
  await db.schema
    .alterTable('media')
    .addColumn('variants_state', 'text', (c) => c.notNull().defaultTo('done'))
    .execute();
  await db.schema.alterTable('media').addColumn('variants_claimed_by', 'text').execute();
  await db.schema.alterTable('media').addColumn('variants_claimed_until', 'text').execute();
  await db.schema
    .alterTable('media')
    .addColumn('variants_attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema
    .alterTable('media')
    .addColumn('variants_error', 'text', (c) => c.notNull().defaultTo(''))
    .execute();
  await db.schema
    .createIndex('media_variants_pending_idx')
    .on('media')
    .columns(['id'])
    .where(sql.ref('variants_state'), '=', sql.lit('pending'))
    .execute();
  await db.schema
    .createTable('media_variant_waits')
    .addColumn('media_id', 'text', (c) => c.notNull().references('media.id').onDelete('cascade'))
    .addColumn('post_id', 'text', (c) => c.notNull().references('posts.id').onDelete('cascade'))
    .addPrimaryKeyConstraint('media_variant_waits_pk', ['media_id', 'post_id'])
    .execute();
  await db.schema
    .createIndex('media_variant_waits_post_idx')
    .on('media_variant_waits')
    .columns(['post_id'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('media_variant_waits').execute();
  await db.schema.dropIndex('media_variants_pending_idx').execute();
  for (const column of [
    'variants_error',
    'variants_attempts',
    'variants_claimed_until',
    'variants_claimed_by',
    'variants_state',
    'original_key',
  ])
    await db.schema.alterTable('media').dropColumn(column).execute();
}
