import type { Kysely } from 'kysely';

/* eslint-disable @typescript-eslint/no-explicit-any -- migrations describe past schemas, not today's types */

const text = 'text' as const;
const now = (col: any) => col.notNull();

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('settings')
    .addColumn('key', text, (c) => c.primaryKey())
    .addColumn('value', text, now)
    .addColumn('updated_at', text, now)
    .execute();

  await db.schema
    .createTable('media')
    .addColumn('id', text, (c) => c.primaryKey())
    .addColumn('storage_key', text, (c) => c.notNull().unique())
    .addColumn('original_name', text, now)
    .addColumn('mime_type', text, now)
    .addColumn('width', 'integer', now)
    .addColumn('height', 'integer', now)
    .addColumn('size_bytes', 'integer', now)
    .addColumn('alt', text, (c) => c.notNull().defaultTo(''))
    .addColumn('caption', text, (c) => c.notNull().defaultTo(''))
    .addColumn('credit', text, (c) => c.notNull().defaultTo(''))
    .addColumn('variants', text, (c) => c.notNull().defaultTo('[]'))
    .addColumn('created_at', text, now)
    .addColumn('updated_at', text, now)
    .execute();

  await db.schema
    .createTable('staff_users')
    .addColumn('id', text, (c) => c.primaryKey())
    .addColumn('slug', text, (c) => c.notNull().unique())
    .addColumn('name', text, now)
    .addColumn('email', text, (c) => c.notNull().unique())
    .addColumn('role', text, (c) => c.notNull().defaultTo('author'))
    .addColumn('status', text, (c) => c.notNull().defaultTo('active'))
    .addColumn('password_hash', text)
    .addColumn('bio', text, (c) => c.notNull().defaultTo(''))
    .addColumn('location', text, (c) => c.notNull().defaultTo(''))
    .addColumn('website', text, (c) => c.notNull().defaultTo(''))
    .addColumn('photo_media_id', text, (c) => c.references('media.id').onDelete('set null'))
    .addColumn('created_at', text, now)
    .addColumn('updated_at', text, now)
    .execute();

  await db.schema
    .createTable('tags')
    .addColumn('id', text, (c) => c.primaryKey())
    .addColumn('slug', text, (c) => c.notNull().unique())
    .addColumn('name', text, now)
    .addColumn('kind', text, (c) => c.notNull().defaultTo('topic'))
    .addColumn('description', text, (c) => c.notNull().defaultTo(''))
    .addColumn('language', text)
    .addColumn('created_at', text, now)
    .addColumn('updated_at', text, now)
    .execute();

  await db.schema
    .createTable('posts')
    .addColumn('id', text, (c) => c.primaryKey())
    .addColumn('type', text, (c) => c.notNull().defaultTo('post'))
    .addColumn('slug', text, (c) => c.notNull().unique())
    .addColumn('title', text, now)
    .addColumn('standfirst', text, (c) => c.notNull().defaultTo(''))
    .addColumn('excerpt', text, (c) => c.notNull().defaultTo(''))
    .addColumn('body_json', text, now)
    .addColumn('body_html', text, now)
    .addColumn('body_text', text, now)
    .addColumn('status', text, (c) => c.notNull().defaultTo('draft'))
    .addColumn('is_featured', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('language', text, (c) => c.notNull().defaultTo('en'))
    .addColumn('translation_group', text)
    .addColumn('featured_media_id', text, (c) => c.references('media.id').onDelete('set null'))
    .addColumn('featured_alt', text)
    .addColumn('featured_caption', text)
    .addColumn('featured_credit', text)
    .addColumn('canonical_url', text)
    .addColumn('meta_title', text)
    .addColumn('meta_description', text)
    .addColumn('og_title', text)
    .addColumn('og_description', text)
    .addColumn('twitter_title', text)
    .addColumn('twitter_description', text)
    .addColumn('promo_slot', text)
    .addColumn('published_at', text)
    .addColumn('created_at', text, now)
    .addColumn('updated_at', text, now)
    .execute();
  await db.schema
    .createIndex('posts_listing_idx')
    .on('posts')
    .columns(['type', 'status', 'published_at'])
    .execute();
  await db.schema.createIndex('posts_translation_idx').on('posts').column('translation_group').execute();

  await db.schema
    .createTable('post_authors')
    .addColumn('post_id', text, (c) => c.notNull().references('posts.id').onDelete('cascade'))
    .addColumn('staff_id', text, (c) => c.notNull().references('staff_users.id').onDelete('cascade'))
    .addColumn('sort_order', 'integer', now)
    .addPrimaryKeyConstraint('post_authors_pk', ['post_id', 'staff_id'])
    .execute();
  await db.schema.createIndex('post_authors_staff_idx').on('post_authors').column('staff_id').execute();

  await db.schema
    .createTable('post_tags')
    .addColumn('post_id', text, (c) => c.notNull().references('posts.id').onDelete('cascade'))
    .addColumn('tag_id', text, (c) => c.notNull().references('tags.id').onDelete('cascade'))
    .addColumn('sort_order', 'integer', now)
    .addPrimaryKeyConstraint('post_tags_pk', ['post_id', 'tag_id'])
    .execute();
  await db.schema.createIndex('post_tags_tag_idx').on('post_tags').column('tag_id').execute();

  await db.schema
    .createTable('post_sources')
    .addColumn('id', text, (c) => c.primaryKey())
    .addColumn('post_id', text, (c) => c.notNull().references('posts.id').onDelete('cascade'))
    .addColumn('publisher', text, now)
    .addColumn('title', text, (c) => c.notNull().defaultTo(''))
    .addColumn('url', text, now)
    .addColumn('note', text, (c) => c.notNull().defaultTo(''))
    .addColumn('sort_order', 'integer', now)
    .addColumn('archive_status', text, (c) => c.notNull().defaultTo('pending'))
    .addColumn('archive_key', text)
    .addColumn('archived_at', text)
    .addColumn('link_status', text, (c) => c.notNull().defaultTo('unchecked'))
    .addColumn('link_checked_at', text)
    .execute();
  await db.schema.createIndex('post_sources_post_idx').on('post_sources').column('post_id').execute();

  await db.schema
    .createTable('post_related')
    .addColumn('post_id', text, (c) => c.notNull().references('posts.id').onDelete('cascade'))
    .addColumn('related_post_id', text, (c) => c.notNull().references('posts.id').onDelete('cascade'))
    .addColumn('rank', 'integer', now)
    .addColumn('score', 'real', now)
    .addPrimaryKeyConstraint('post_related_pk', ['post_id', 'related_post_id'])
    .execute();

  await db.schema
    .createTable('promotions')
    .addColumn('id', text, (c) => c.primaryKey())
    .addColumn('title', text, now)
    .addColumn('body', text, (c) => c.notNull().defaultTo(''))
    .addColumn('image_media_id', text, (c) => c.references('media.id').onDelete('set null'))
    .addColumn('link_url', text, now)
    .addColumn('cta_label', text, now)
    .addColumn('slot', text, now)
    .addColumn('language', text)
    .addColumn('is_active', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('sort_order', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', text, now)
    .addColumn('updated_at', text, now)
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    'promotions',
    'post_related',
    'post_sources',
    'post_tags',
    'post_authors',
    'posts',
    'tags',
    'staff_users',
    'media',
    'settings',
  ]) {
    await db.schema.dropTable(table).execute();
  }
}
