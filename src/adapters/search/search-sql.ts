import { sql, type Kysely, type SelectQueryBuilder } from 'kysely';
import type { PostFilter } from '../../domain/ports.js';
import type { SearchHit, SearchRequest } from '../../domain/search/search-port.js';
import { applyFilter, type PostQuery } from '../../storage/repositories/post.repository.js';
import type { Database } from '../../storage/tables.js';
import { knownConfigs } from './languages.js';
import { buildSnippet } from './snippet.js';

/** What both search adapters share: the access rule joined to the index, snippets, tag suggestions. */

export type IndexedQuery = SelectQueryBuilder<Database, 'posts' | 'search_documents', object>;

/** Posts joined to their index rows, with the filter (the access rule among it) applied to the posts. */
export function filteredDocuments(db: Kysely<Database>, filter: PostFilter): IndexedQuery {
  const base = db.selectFrom('posts').innerJoin('search_documents', 'search_documents.post_id', 'posts.id');
  // applyFilter only adds conditions on `posts.*` columns, which this query has as well.
  return applyFilter(base as unknown as PostQuery, filter) as unknown as IndexedQuery;
}

/** The configurations the index holds (a query is built once for each). */
export async function configsInUse(db: Kysely<Database>): Promise<string[]> {
  const rows = await db.selectFrom('search_languages').select('config').orderBy('config').execute();
  return rows.map((r) => r.config).filter((c) => knownConfigs.has(c));
}

export async function noteConfigs(db: Kysely<Database>, configs: string[]): Promise<void> {
  const unique = [...new Set(configs)];
  if (unique.length === 0) return;
  await db
    .insertInto('search_languages')
    .values(unique.map((config) => ({ config })))
    .onConflict((oc) => oc.column('config').doNothing())
    .execute();
}

/** A mild boost for recent posts: ×1.3 today, ×1.15 at six months, fading towards ×1 (age in days). */
export const recencyBoost = (ageDays: ReturnType<typeof sql>) =>
  sql<number>`(1 + 0.3 / (1 + ${ageDays} / 180.0))`;

/** Hits with their snippets, cut from each post's own text (loaded for these few posts only). */
export async function withSnippets(
  db: Kysely<Database>,
  rows: { post_id: string; config: string; score: number }[],
  request: SearchRequest,
): Promise<SearchHit[]> {
  if (rows.length === 0) return [];
  const texts = await db
    .selectFrom('posts')
    .select(['id', 'body_text', 'standfirst'])
    .where(
      'id',
      'in',
      rows.map((r) => r.post_id),
    )
    .execute();
  const byId = new Map(texts.map((t) => [t.id, t.body_text || t.standfirst]));
  return rows.map((r) => ({
    postId: r.post_id,
    score: Number(r.score),
    snippet: buildSnippet(byId.get(r.post_id) ?? '', r.config, request.query),
  }));
}

const likePattern = (word: string) => `%${word.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

export async function matchingTags(
  db: Kysely<Database>,
  words: string[],
  filter: PostFilter,
  limit: number,
): Promise<{ slug: string; name: string }[]> {
  const wanted = [...new Set(words.filter((w) => w.length >= 2))].slice(0, 8);
  if (wanted.length === 0) return [];
  const visible = applyFilter(db.selectFrom('posts'), filter).select('posts.id');
  const rows = await db
    .selectFrom('tags')
    .select(['tags.slug', 'tags.name'])
    .where((eb) =>
      eb.or(wanted.map((w) => sql<boolean>`lower(tags.name) like ${likePattern(w)} escape '\\'`)),
    )
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom('post_tags')
          .select('post_tags.post_id')
          .whereRef('post_tags.tag_id', '=', 'tags.id')
          .where('post_tags.post_id', 'in', visible),
      ),
    )
    .orderBy('tags.name')
    .limit(limit)
    .execute();
  return rows;
}
