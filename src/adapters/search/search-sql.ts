import { sql, type Kysely, type SelectQueryBuilder } from 'kysely';
import type { PostFilter } from '../../domain/ports.js';
import { maxCounted, type SearchHit, type SearchRequest } from '../../domain/search/search-port.js';
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

/**
 * Ranking reads a bounded window of candidates, never every match: the `candidateWindow` most
 * recently published posts that match (each index keeps its rows in that order), ranked by
 * relevance with the recency boost. A filter that leaves too few of them to fill the page widens
 * the window (×8 each time) until the page fills or every match has been read.
 */
export const candidateWindow = 1000;
const windowGrowth = 8;
const maxWindow = candidateWindow * windowGrowth ** 3;
const idsPerQuery = 5000;

/** A match inside the window with its relevance (higher is better). */
export interface Candidate {
  post_id: string;
  config: string;
  relevance: number;
}

/** A mild boost for recent posts: ×1.3 today, ×1.15 at six months, fading towards ×1. */
export function recencyBoost(ageDays: number): number {
  return 1 + 0.3 / (1 + Math.max(0, ageDays) / 180);
}

const dayMs = 86_400_000;

/** The candidates that pass the filter, best first (relevance × recency, then newest id). */
async function ranked(db: Kysely<Database>, candidates: Candidate[], request: SearchRequest) {
  const passing = new Map<string, number>();
  for (let i = 0; i < candidates.length; i += idsPerQuery) {
    const ids = candidates.slice(i, i + idsPerQuery).map((c) => c.post_id);
    const rows = await applyFilter(db.selectFrom('posts').where('posts.id', 'in', ids), request.filter)
      .select(['posts.id', 'posts.published_at', 'posts.updated_at'])
      .execute();
    for (const r of rows) passing.set(r.id, Date.parse(r.published_at ?? r.updated_at));
  }
  const now = Date.parse(request.now);
  return candidates
    .filter((c) => passing.has(c.post_id))
    .map((c) => ({ ...c, score: c.relevance * recencyBoost((now - passing.get(c.post_id)!) / dayMs) }))
    .sort((a, b) => b.score - a.score || (a.post_id < b.post_id ? 1 : -1));
}

/**
 * One page of hits: the window of candidates (`windowOf(size)` returns the `size` most recent
 * matches with their relevance, or every match for `undefined`), ranked, filtered and cut.
 */
export async function searchInWindow(
  db: Kysely<Database>,
  request: SearchRequest,
  windowOf: (size: number | undefined) => Promise<Candidate[]>,
): Promise<SearchHit[]> {
  const wanted = request.offset + request.limit;
  for (let size = candidateWindow; ; size *= windowGrowth) {
    const isEveryMatch = size > maxWindow;
    const candidates = await windowOf(isEveryMatch ? undefined : size);
    const hits = await ranked(db, candidates, request);
    if (isEveryMatch || hits.length >= wanted || candidates.length < size)
      return withSnippets(db, hits.slice(request.offset, wanted), request);
  }
}

/** How many posts passing the filter match, counted up to `maxCounted + 1`. */
export async function cappedCount(query: IndexedQuery): Promise<number> {
  const rows = await query
    .select('posts.id')
    .limit(maxCounted + 1)
    .execute();
  return rows.length;
}

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
