import { sql, type Kysely } from 'kysely';

/* eslint-disable @typescript-eslint/no-explicit-any -- migrations describe past schemas, not today's types */

/**
 * Archive pages (home, tag, author) that cost the same at page 500 as at page 1. A list shows one
 * version of a translated story: `shadowed_in` holds, per post, the other languages its story is
 * published in (`,nb,`), so "is there a version in the page's language" is read from the post's own
 * index entry instead of a lookup per row. The archive index carries the list's whole order and that
 * column, so the rows before page N are skipped inside the index. Tag and author pages get the same
 * from their join tables, which carry the post's place in readers' lists (`listed_at`: its
 * publication time while it is a published post, else null), its creation time and `shadowed_in`.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('posts')
    .addColumn('shadowed_in', 'text', (c) => c.notNull().defaultTo(''))
    .execute();
  await fillShadows(db);
  await db.schema
    .createIndex('posts_archive_idx')
    .on('posts')
    .columns(['type', 'status', 'published_at', 'created_at', 'id', 'shadowed_in'])
    .execute();
  // The lead story: the newest featured post, found without reading the archive.
  await db.schema
    .createIndex('posts_featured_idx')
    .on('posts')
    .columns(['type', 'status', 'is_featured', 'published_at', 'created_at', 'id'])
    .execute();
  await db.schema.dropIndex('posts_listing_idx').execute();
  for (const [table, key] of joinTables) await addListing(db, table, key);
}

const joinTables = [
  ['post_tags', 'tag_id'],
  ['post_authors', 'staff_id'],
] as const;

async function addListing(db: Kysely<any>, table: string, key: string): Promise<void> {
  // One column per statement: SQLite adds one column per ALTER TABLE.
  await db.schema.alterTable(table).addColumn('listed_at', 'text').execute();
  for (const column of ['post_created_at', 'shadowed_in'])
    await db.schema
      .alterTable(table)
      .addColumn(column, 'text', (c) => c.notNull().defaultTo(''))
      .execute();
  const post = (column: string) => sql.raw(`(select ${column} from posts where posts.id = ${table}.post_id)`);
  await sql`update ${sql.table(table)} set
    listed_at = ${post(`case when status = 'published' and type = 'post' then published_at end`)},
    post_created_at = ${post('created_at')},
    shadowed_in = ${post('shadowed_in')}`.execute(db);
  await db.schema
    .createIndex(`${table}_listing_idx`)
    .on(table)
    .columns([key, 'listed_at', 'post_created_at', 'post_id', 'shadowed_in'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema
    .createIndex('posts_listing_idx')
    .on('posts')
    .columns(['type', 'status', 'published_at'])
    .execute();
  for (const [table] of joinTables) {
    await db.schema.dropIndex(`${table}_listing_idx`).execute();
    for (const column of ['listed_at', 'post_created_at', 'shadowed_in'])
      await db.schema.alterTable(table).dropColumn(column).execute();
  }
  await db.schema.dropIndex('posts_featured_idx').execute();
  await db.schema.dropIndex('posts_archive_idx').execute();
  await db.schema.alterTable('posts').dropColumn('shadowed_in').execute();
}

interface VersionRow {
  id: string;
  translation_group: string;
  language: string;
  status: string;
}

async function fillShadows(db: Kysely<any>): Promise<void> {
  const rows: VersionRow[] = await db
    .selectFrom('posts')
    .select(['id', 'translation_group', 'language', 'status'])
    .where('translation_group', 'is not', null)
    .execute();
  const published = new Map<string, Set<string>>();
  for (const row of rows)
    if (row.status === 'published')
      published.set(
        row.translation_group,
        (published.get(row.translation_group) ?? new Set()).add(row.language),
      );
  for (const row of rows) {
    const others = [...(published.get(row.translation_group) ?? [])].filter((l) => l !== row.language);
    if (others.length === 0) continue;
    await db
      .updateTable('posts')
      .set({ shadowed_in: `,${others.sort().join(',')},` })
      .where('id', '=', row.id)
      .execute();
  }
}
