import type { PostFilter } from '../ports.js';
import type { SearchQuery } from './search-query.js';

/** What the index holds for one post: the text readers search, with the post's own language. */
export interface SearchDocument {
  postId: string;
  language: string;
  /** When the post was published (its last change if never): the index keeps its rows in this order. */
  sortTime: string;
  title: string;
  standfirst: string;
  body: string;
  /** Tag names. */
  tags: string;
  /** Author names, source publishers and titles. */
  credits: string;
}

/** A run of snippet text; `isMatch` marks the words the query matched (the page wraps them in <mark>). */
export interface SnippetPart {
  text: string;
  isMatch: boolean;
}

export interface SearchHit {
  postId: string;
  score: number;
  snippet: SnippetPart[];
}

/** One page of hits and how many posts match, counted up to `maxCounted + 1`. */
export interface SearchPage {
  hits: SearchHit[];
  total: number;
}

export interface SearchRequest {
  query: SearchQuery;
  /** The access rule and the reader's filters: only posts that pass it are ever found or counted. */
  filter: PostFilter;
  offset: number;
  limit: number;
  /** Now, for the recency boost (ISO-8601). */
  now: string;
}

/** Counts of matches stop after this many: a search never counts the whole archive. */
export const maxCounted = 1000;

/** Full-text search over posts: SQLite FTS5 or PostgreSQL full-text (src/adapters/search/). */
export interface SearchIndex {
  /** Adds or replaces the documents of these posts. */
  upsert(documents: SearchDocument[]): Promise<void>;
  remove(postIds: string[]): Promise<void>;
  /**
   * A rebuild in progress (an upgrade that changed the index's shape asks for one): the last post
   * id indexed (null before the first batch), or undefined when none is due.
   */
  rebuildCursor(): Promise<string | null | undefined>;
  /** Moves the rebuild's cursor on (in the batch's own transaction), or ends the rebuild (`done`). */
  recordRebuild(progress: { after: string } | 'done'): Promise<void>;
  /** After a full rebuild: compacts the index and refreshes the planner's statistics. */
  afterRebuild(): Promise<void>;
  /**
   * Best first: relevance (title above standfirst and tags above body) with a mild recency boost,
   * ranked within a bounded window of the most recently published matches (docs/search.md).
   */
  search(request: SearchRequest): Promise<SearchPage>;
  /** Matches passing the filter, counted up to `maxCounted + 1` (more reads as "more than maxCounted"). */
  count(request: Pick<SearchRequest, 'query' | 'filter'>): Promise<number>;
  /** Names of tags that contain one of the words and are on at least one post passing the filter. */
  matchingTags(words: string[], filter: PostFilter, limit: number): Promise<{ slug: string; name: string }[]>;
}
