import { sql } from 'kysely';
import type { ColumnTest, FieldMap } from './filter-sql.js';

/** A tag readers may see (as internal-tags.ts decides), written over the alias `t`. */
const isPublicTag = sql<boolean>`not (t.name like '#%' and t.slug like 'hash-%')`;

const anyTag = (column: string) => ({
  relation: (test: ColumnTest) =>
    sql<boolean>`exists (select 1 from post_tags pt join tags t on t.id = pt.tag_id
      where pt.post_id = posts.id and ${test(sql.ref(`t.${column}`))})`,
});

const anyAuthor = (column: string) => ({
  relation: (test: ColumnTest) =>
    sql<boolean>`exists (select 1 from post_authors pa join staff_users s on s.id = pa.staff_id
      where pa.post_id = posts.id and ${test(sql.ref(`s.${column}`))})`,
});

/** The primary tag is the first tag readers may see, as Ghost's primary_tag is its first public tag. */
const primaryTag = (column: string) => ({
  relation: (test: ColumnTest) =>
    sql<boolean>`exists (select 1 from post_tags pt join tags t on t.id = pt.tag_id
      where pt.post_id = posts.id and ${isPublicTag} and ${test(sql.ref(`t.${column}`))}
      and not exists (select 1 from post_tags pt2 join tags t2 on t2.id = pt2.tag_id
        where pt2.post_id = pt.post_id and pt2.sort_order < pt.sort_order
        and not (t2.name like '#%' and t2.slug like 'hash-%')))`,
});

const primaryAuthor = (column: string) => ({
  relation: (test: ColumnTest) =>
    sql<boolean>`exists (select 1 from post_authors pa join staff_users s on s.id = pa.staff_id
      where pa.post_id = posts.id and ${test(sql.ref(`s.${column}`))}
      and not exists (select 1 from post_authors pa2
        where pa2.post_id = pa.post_id and pa2.sort_order < pa.sort_order))`,
});

/** The Content API's post fields (src/domain/content-api/content-fields.ts names the same ones). */
export const postFilterFields: FieldMap = {
  id: { column: 'posts.id' },
  slug: { column: 'posts.slug' },
  title: { column: 'posts.title' },
  featured: { column: 'posts.is_featured' },
  published_at: { column: 'posts.published_at' },
  updated_at: { column: 'posts.updated_at' },
  created_at: { column: 'posts.created_at' },
  language: { column: 'posts.language' },
  visibility: { constant: 'public' },
  status: { column: 'posts.status' },
  'tags.slug': anyTag('slug'),
  'tags.id': anyTag('id'),
  'tags.name': anyTag('name'),
  'authors.slug': anyAuthor('slug'),
  'authors.id': anyAuthor('id'),
  'authors.name': anyAuthor('name'),
  'primary_tag.slug': primaryTag('slug'),
  'primary_tag.id': primaryTag('id'),
  'primary_author.slug': primaryAuthor('slug'),
  'primary_author.id': primaryAuthor('id'),
};

export const postSortColumns: Record<string, string> = {
  id: 'posts.id',
  slug: 'posts.slug',
  title: 'posts.title',
  featured: 'posts.is_featured',
  published_at: 'posts.published_at',
  updated_at: 'posts.updated_at',
  created_at: 'posts.created_at',
};
