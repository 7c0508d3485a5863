import type { DomainContext } from '../context.js';
import type { PostFilter, PostRecord } from '../ports.js';
import { hydratePosts } from '../posts/hydrate-posts.js';
import type { PostView, Viewer } from '../posts/post.types.js';
import { visibleTo } from '../posts/visibility.js';
import { maxCounted, type SnippetPart } from './search-port.js';
import { isSearchable, parseSearchQuery, queryText, type SearchQuery } from './search-query.js';

export const resultsPerPage = 10;
/** Deeper pages are not offered: a bounded offset keeps every page fast. */
export const maxSearchPage = 50;

export interface SearchInput {
  viewer: Viewer;
  q: string;
  page?: number;
  language?: string;
  tagId?: string;
}

export interface SearchResult {
  post: PostView;
  snippet: SnippetPart[];
}

export interface SearchOutcome {
  query: SearchQuery;
  results: SearchResult[];
  /** How many posts match, at most `maxCounted`; `isTotalCapped` when more do. */
  total: number;
  isTotalCapped: boolean;
  page: number;
  pages: number;
  /** When nothing is found: other queries that find something, and tags whose names match. */
  suggestions: { queries: string[]; tags: { slug: string; name: string }[] };
}

/** Records of these ids in the given order (the ranking's), through the same filter. */
async function inOrder(ctx: DomainContext, ids: string[], filter: PostFilter): Promise<PostRecord[]> {
  if (ids.length === 0) return [];
  const records = await ctx.repos.posts.list({ ...filter, ids }, { offset: 0, limit: ids.length }, 'teaser');
  const byId = new Map(records.map((r) => [r.id, r]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}

/** Suggestions cost a count per word left out: long queries get none. */
const maxWordsToLeaveOut = 6;

/** Queries with one word left out that find something, the most fruitful first. */
async function fewerWords(ctx: DomainContext, query: SearchQuery, filter: PostFilter): Promise<string[]> {
  const positives = query.terms.filter((t) => !t.isExcluded);
  if (positives.length < 2 || positives.length > maxWordsToLeaveOut) return [];
  const candidates = positives.map((left) => ({ terms: query.terms.filter((t) => t !== left) }));
  const counts = await Promise.all(candidates.map((c) => ctx.repos.search.count({ query: c, filter })));
  return candidates
    .map((c, i) => ({ text: queryText(c), count: counts[i]! }))
    .filter((c) => c.count > 0)
    .sort((a, b) => b.count - a.count)
    .slice(0, 2)
    .map((c) => c.text);
}

async function suggestionsFor(ctx: DomainContext, query: SearchQuery, filter: PostFilter) {
  const words = query.terms.flatMap((t) => (t.isExcluded ? [] : t.kind === 'phrase' ? t.words : [t.word]));
  const [queries, tags] = await Promise.all([
    fewerWords(ctx, query, filter),
    ctx.repos.search.matchingTags(words, filter, 5),
  ]);
  return { queries, tags };
}

/** Searches what the viewer may see (visitors: published posts only, in results, counts and suggestions). */
export async function searchPosts(ctx: DomainContext, input: SearchInput): Promise<SearchOutcome> {
  const query = parseSearchQuery(input.q);
  const page = Math.min(Math.max(1, Math.floor(input.page ?? 1)), maxSearchPage);
  const filter: PostFilter = {
    ...visibleTo(input.viewer),
    types: ['post', 'page'],
    ...(input.language ? { language: input.language } : {}),
    ...(input.tagId ? { tagId: input.tagId } : {}),
  };
  const empty = {
    query,
    results: [],
    total: 0,
    isTotalCapped: false,
    page,
    pages: 1,
    suggestions: { queries: [], tags: [] },
  };
  if (!isSearchable(query)) return empty;
  const request = { query, filter, offset: (page - 1) * resultsPerPage, limit: resultsPerPage };
  const { hits, total } = await ctx.repos.search.search({ ...request, now: ctx.clock.now().toISOString() });
  const records = await inOrder(
    ctx,
    hits.map((h) => h.postId),
    filter,
  );
  const views = await hydratePosts(ctx, records);
  const snippets = new Map(hits.map((h) => [h.postId, h.snippet]));
  const pages = Math.min(maxSearchPage, Math.max(1, Math.ceil(total / resultsPerPage)));
  return {
    query,
    results: views.map((post) => ({ post, snippet: snippets.get(post.id) ?? [] })),
    total: Math.min(total, maxCounted),
    isTotalCapped: total > maxCounted,
    page,
    pages,
    suggestions: total === 0 ? await suggestionsFor(ctx, query, filter) : { queries: [], tags: [] },
  };
}

/** The admin's search as you type: the last plain word also matches as a prefix ("harb" finds "harbour"). */
export function adminSearchQuery(q: string): SearchQuery {
  const query = parseSearchQuery(q);
  const last = query.terms.at(-1);
  if (!last || last.kind !== 'word' || last.isExcluded || /[\s"]$/.test(q)) return query;
  return { terms: [...query.terms.slice(0, -1), { kind: 'prefix', word: last.word, isExcluded: false }] };
}

/** One page of an admin list searched through the index (any status the filter lets through), best first. */
export async function searchPostRecords(
  ctx: DomainContext,
  q: string,
  filter: PostFilter,
  paging: { offset: number; limit: number },
): Promise<{ records: PostRecord[]; total: number }> {
  const query = adminSearchQuery(q);
  if (!isSearchable(query)) return { records: [], total: 0 };
  const { hits, total } = await ctx.repos.search.search({
    query,
    filter,
    ...paging,
    now: ctx.clock.now().toISOString(),
  });
  return {
    records: await inOrder(
      ctx,
      hits.map((h) => h.postId),
      filter,
    ),
    total,
  };
}
