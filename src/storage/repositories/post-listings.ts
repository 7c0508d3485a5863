import { sql, type Kysely } from 'kysely';
import type { Page, PostFilter } from '../../domain/ports.js';
import type { Database } from '../tables.js';

/**
 * Readers' archive lists (home, tag, author) at archive size (migration 016). Two things are kept in
 * step with every write of a post, inside the writer's transaction:
 * - `posts.shadowed_in`: the other languages its story is published in, so "show one version of a
 *   translated story" is read from the post's own index entry;
 * - the post's listing in its tag and author rows (`listed_at`, `post_created_at`, `shadowed_in`), so
 *   a tag's or author's page is one walk along the join table's index.
 */

export interface Listing {
  listed_at: string | null;
  post_created_at: string;
  shadowed_in: string;
}

const joinTables = [
  { table: 'post_tags', key: 'tag_id' },
  { table: 'post_authors', key: 'staff_id' },
] as const;

/** `%,nb,%`: the pattern that finds a language in a `shadowed_in` list. */
export const shadowPattern = (language: string) => `%,${language.replace(/[\\%_]/g, (c) => `\\${c}`)},%`;

/** What the join rows of a post carry; undefined for a post that does not exist. */
export async function listingOf(db: Kysely<Database>, postId: string): Promise<Listing | undefined> {
  const row = await db
    .selectFrom('posts')
    .select(['type', 'status', 'published_at', 'created_at', 'shadowed_in'])
    .where('id', '=', postId)
    .executeTakeFirst();
  return (
    row && {
      listed_at: row.status === 'published' && row.type === 'post' ? row.published_at : null,
      post_created_at: row.created_at,
      shadowed_in: row.shadowed_in,
    }
  );
}

export async function syncListings(db: Kysely<Database>, postIds: Iterable<string>): Promise<void> {
  for (const postId of new Set(postIds)) {
    const listing = await listingOf(db, postId);
    if (!listing) continue;
    for (const { table } of joinTables)
      await db.updateTable(table).set(listing).where('post_id', '=', postId).execute();
    await syncNoteListing(db, postId);
  }
}

/**
 * A post's notes are listed (on `/corrections/`) in the post's language while it is published. The
 * append-only trigger lets this one column change (migration 028).
 */
async function syncNoteListing(db: Kysely<Database>, postId: string): Promise<void> {
  await db
    .updateTable('post_notes')
    .set({ listed_language: noteListingOf(postId) })
    .where('post_id', '=', postId)
    .execute();
}

/** The `listed_language` of a post's notes, as SQL: its language while it is published. */
export const noteListingOf = (postId: string) =>
  sql<
    string | null
  >`(select case when posts.status = 'published' then posts.language end from posts where posts.id = ${postId})`;

function shadowsOf(versions: { id: string; language: string; status: string }[]): Map<string, string> {
  const published = new Set(versions.filter((v) => v.status === 'published').map((v) => v.language));
  return new Map(
    versions.map((v) => {
      const others = [...published].filter((l) => l !== v.language).sort();
      return [v.id, others.length ? `,${others.join(',')},` : ''];
    }),
  );
}

/** Recomputes `shadowed_in` for every version of these stories; returns the posts whose value changed. */
export async function refreshShadows(
  db: Kysely<Database>,
  groups: (string | null | undefined)[],
): Promise<string[]> {
  const changed: string[] = [];
  for (const group of new Set(groups)) {
    if (!group) continue;
    const versions = await db
      .selectFrom('posts')
      .select(['id', 'language', 'status', 'shadowed_in'])
      .where('translation_group', '=', group)
      .execute();
    const shadows = shadowsOf(versions);
    for (const version of versions) {
      const shadow = shadows.get(version.id)!;
      if (shadow === version.shadowed_in) continue;
      await db.updateTable('posts').set({ shadowed_in: shadow }).where('id', '=', version.id).execute();
      changed.push(version.id);
    }
  }
  return changed;
}

type Scope =
  | { table: 'post_tags'; key: 'tag_id'; value: string }
  | { table: 'post_authors'; key: 'staff_id'; value: string };

const isOnly = (values: string[] | undefined, value: string) => values?.length === 1 && values[0] === value;

/** A readers' tag or author page: the filters its join table's listing answers alone. */
function joinScope(filter: PostFilter, page: Page): Scope | undefined {
  // The filters a join row answers; anything else (a title search, a language…) takes the general path.
  const {
    tagId,
    authorId,
    types,
    statuses,
    preferredLanguage: _language,
    excludeIds: _excluded,
    ...rest
  } = filter;
  const isReadersList =
    isOnly(types, 'post') && isOnly(statuses, 'published') && page.order !== 'updated' && !page.sort;
  if (!isReadersList || Object.values(rest).some((v) => v !== undefined) || (tagId && authorId))
    return undefined;
  if (tagId) return { table: 'post_tags', key: 'tag_id', value: tagId };
  if (authorId) return { table: 'post_authors', key: 'staff_id', value: authorId };
  return undefined;
}

/** The ids of one page of a tag's or author's readers' list, from the join table's index alone. */
export async function joinListPage(
  db: Kysely<Database>,
  filter: PostFilter,
  page: Page,
): Promise<string[] | undefined> {
  const scope = joinScope(filter, page);
  if (!scope) return undefined;
  const { preferredLanguage, excludeIds } = filter;
  const rows = await db
    .selectFrom(scope.table)
    .select('post_id')
    .where(scope.key, '=', scope.value)
    .where('listed_at', 'is not', null)
    .$if(preferredLanguage !== undefined, (q) =>
      q.where(
        sql<boolean>`(shadowed_in = '' or shadowed_in not like ${shadowPattern(preferredLanguage!)} escape '\\')`,
      ),
    )
    .$if((excludeIds?.length ?? 0) > 0, (q) => q.where('post_id', 'not in', excludeIds!))
    .orderBy('listed_at', 'desc')
    .orderBy('post_created_at', 'desc')
    .orderBy('post_id', 'desc')
    .limit(page.limit)
    .offset(page.offset)
    .execute();
  return rows.map((r) => r.post_id);
}
