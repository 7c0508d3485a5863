import { sql, type Kysely, type SelectQueryBuilder } from 'kysely';
import type { PostFilter } from '../../domain/ports.js';
import {
  maxCounted,
  type SearchHit,
  type SearchPage,
  type SearchRequest,
} from '../../domain/search/search-port.js';
import { applyFilter, type PostQuery } from '../../storage/repositories/post.repository.js';
import type { Database } from '../../storage/tables.js';
import { knownConfigs } from './languages.js';
import { buildSnippet, snippetMatcher, type SnippetMatcher } from './snippet.js';

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

/** The rebuild's cursor (migration 023): no row, no rebuild due. */
export async function rebuildCursor(db: Kysely<Database>): Promise<string | null | undefined> {
  const row = await db.selectFrom('search_rebuild').select('after').executeTakeFirst();
  return row === undefined ? undefined : row.after;
}

export async function recordRebuild(db: Kysely<Database>, progress: { after: string } | 'done') {
  if (progress === 'done') await db.deleteFrom('search_rebuild').execute();
  else await db.updateTable('search_rebuild').set({ after: progress.after }).execute();
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
export const candidateWindow = maxCounted + 1;
const windowGrowth = 8;
const maxWindow = candidateWindow * windowGrowth ** 3;
const idsPerQuery = 5000;

/** A match inside the window: its relevance (higher is better) and publication time (ms) from the index. */
export interface Candidate {
  post_id: string;
  config: string;
  relevance: number;
  sort_time: number;
}

/** A mild boost for recent posts: ×1.3 today, ×1.15 at six months, fading towards ×1. */
export function recencyBoost(ageDays: number): number {
  return 1 + 0.3 / (1 + Math.max(0, ageDays) / 180);
}

const dayMs = 86_400_000;

/**
 * The ids of these posts that pass the filter (the posts table is the truth of the access rule).
 * The ids drive the join (`cross join` keeps SQLite to that order): with `id in (…)` the planner
 * may rather scan an index of every published post, 18 ms at 100,000 posts against 2.
 */
async function passingIds(db: Kysely<Database>, postIds: string[], filter: PostFilter) {
  const passing = new Set<string>();
  for (let i = 0; i < postIds.length; i += idsPerQuery) {
    const ids = postIds.slice(i, i + idsPerQuery);
    const candidates = sql<{ column1: string }>`(values ${sql.join(ids.map((id) => sql`(${id})`))})`;
    const query = db
      .selectFrom(candidates.as('candidate'))
      .crossJoin('posts')
      .whereRef('posts.id', '=', sql.ref('candidate.column1'));
    // applyFilter only adds conditions on `posts.*` columns, which this query has as well.
    const rows = await applyFilter(query as unknown as PostQuery, filter)
      .select('posts.id')
      .execute();
    for (const r of rows) passing.add(r.id);
  }
  return passing;
}

/** The candidates that pass the filter, best first (relevance × recency, then newest id). */
async function ranked(db: Kysely<Database>, candidates: Candidate[], request: SearchRequest) {
  const passing = await passingIds(
    db,
    candidates.map((c) => c.post_id),
    request.filter,
  );
  const now = Date.parse(request.now);
  return candidates
    .filter((c) => passing.has(c.post_id))
    .map((c) => ({ ...c, score: c.relevance * recencyBoost((now - c.sort_time) / dayMs) }))
    .sort((a, b) => b.score - a.score || (a.post_id < b.post_id ? 1 : -1));
}

/**
 * One page of hits: the window of candidates (`windowOf(size)` returns the `size` most recent
 * matches, or every match for `undefined`), filtered, ranked and cut; and the capped count, taken
 * from the window itself when it held every match or more than `maxCounted` passing ones.
 */
export async function searchInWindow(
  db: Kysely<Database>,
  request: SearchRequest,
  windowOf: (size: number | undefined) => Promise<Candidate[]>,
  count: () => Promise<number>,
): Promise<SearchPage> {
  const wanted = request.offset + request.limit;
  for (let size = candidateWindow; ; size *= windowGrowth) {
    const isEveryMatch = size > maxWindow;
    const candidates = await windowOf(isEveryMatch ? undefined : size);
    const hits = await ranked(db, candidates, request);
    const holdsEveryMatch = isEveryMatch || candidates.length < size;
    if (holdsEveryMatch || hits.length >= wanted) {
      const total =
        holdsEveryMatch || hits.length > maxCounted ? Math.min(hits.length, maxCounted + 1) : await count();
      return { hits: await withSnippets(db, hits.slice(request.offset, wanted), request), total };
    }
  }
}

/** Matches over a query's language branches (disjoint posts), counted up to `maxCounted + 1`. */
export async function countOverBranches<B>(branches: B[], countOne: (branch: B) => IndexedQuery) {
  let total = 0;
  for (const branch of branches) {
    if (total > maxCounted) break;
    total += await cappedCount(countOne(branch));
  }
  return Math.min(total, maxCounted + 1);
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
  const matchers = new Map<string, SnippetMatcher>();
  const matcherFor = (config: string) => {
    let matcher = matchers.get(config);
    if (!matcher) matchers.set(config, (matcher = snippetMatcher(config, request.query)));
    return matcher;
  };
  return rows.map((r) => ({
    postId: r.post_id,
    score: Number(r.score),
    snippet: buildSnippet(byId.get(r.post_id) ?? '', matcherFor(r.config)),
  }));
}

/** A post passing the filter that carries the outer query's tag (the first one found ends the look). */
function visiblePostTagged(
  query: SelectQueryBuilder<Database, 'tags' | 'post_tags', object>,
  filter: PostFilter,
) {
  const tagged = query
    .innerJoin('posts', 'posts.id', 'post_tags.post_id')
    .select('post_tags.post_id')
    .whereRef('post_tags.tag_id', '=', 'tags.id');
  // applyFilter only adds conditions on `posts.*` columns, which this query has as well.
  return applyFilter(tagged as unknown as PostQuery, filter);
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
  const rows = await db
    .selectFrom('tags')
    .select(['tags.slug', 'tags.name'])
    .where((eb) =>
      eb.or(wanted.map((w) => sql<boolean>`lower(tags.name) like ${likePattern(w)} escape '\\'`)),
    )
    .where((eb) => eb.exists(visiblePostTagged(eb.selectFrom('post_tags'), filter)))
    .orderBy('tags.name')
    .limit(limit)
    .execute();
  return rows;
}
