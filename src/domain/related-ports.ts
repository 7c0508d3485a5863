/* Ports for the "Check Also" job: its queue and the documents it keeps; re-exported by ports.ts. */

/** A post whose related lists are due. `version` grows with every request for the same post. */
export interface RelatedJob {
  postId: string;
  version: number;
}

/** A published post as the related job last saw it: language, story, tags and strongest terms. */
export interface RelatedDocumentRecord {
  postId: string;
  language: string;
  story: string | null;
  tagIds: string[];
  /** When the post was published (ISO-8601). */
  publishedAt: string;
  /** Term -> unit-length weight. Empty when loaded without terms. */
  terms: Map<string, number>;
}

export interface RecentHolder {
  postId: string;
  publishedAt: string;
}

export interface RelatedListEntry {
  relatedPostId: string;
  score: number;
}

export interface RelatedRepository {
  /** Queues the posts (one row per post: a second request only raises its version). */
  request(postIds: string[], now: string): Promise<void>;
  /**
   * Takes the worker lock for the current transaction. False when another process holds it
   * (PostgreSQL, `FOR UPDATE SKIP LOCKED`); on SQLite the write lock itself serializes workers.
   */
  lockWorker(now: string): Promise<boolean>;
  /** The oldest requests first. */
  nextJobs(limit: number): Promise<RelatedJob[]>;
  /** Removes the request unless it was raised since it was read. */
  finishJob(job: RelatedJob): Promise<void>;
  pendingCount(): Promise<number>;
  findDocument(postId: string): Promise<RelatedDocumentRecord | undefined>;
  /** Documents without their terms. */
  findDocuments(postIds: string[]): Promise<Map<string, RelatedDocumentRecord>>;
  /** Documents with their terms. */
  documentsWithTerms(postIds: string[]): Promise<Map<string, RelatedDocumentRecord>>;
  allDocuments(): Promise<RelatedDocumentRecord[]>;
  documentCount(): Promise<number>;
  /** Replaces every stored list at once (the bulk build); posts left out get an empty list. */
  replaceAllLists(lists: Map<string, RelatedListEntry[]>): Promise<void>;
  saveDocument(doc: RelatedDocumentRecord): Promise<void>;
  deleteDocument(postId: string): Promise<void>;
  /** How many stored documents hold each term (absent: none), one stored count per term. */
  documentFrequencies(terms: string[]): Promise<Map<string, number>>;
  /** Each document holding one of the terms, with the weights of those terms only. */
  postings(terms: string[]): Promise<Map<string, Map<string, number>>>;
  postsWithTerms(terms: string[]): Promise<string[]>;
  postsWithTags(tagIds: string[]): Promise<string[]>;
  /** Each tag's `limit` most recent holders (by publication, then id), most recent first. */
  recentHolders(tagIds: string[], limit: number): Promise<Map<string, RecentHolder[]>>;
  /** Posts whose stored list holds this post. */
  listersOf(postId: string): Promise<string[]>;
  /** For each post, the posts whose stored list holds it (reserve entries too). */
  holdersOf(postIds: string[]): Promise<Map<string, string[]>>;
  /** Stored lists, best first. */
  listsOf(postIds: string[]): Promise<Map<string, RelatedListEntry[]>>;
  replaceList(postId: string, entries: RelatedListEntry[]): Promise<void>;
  /** Replaces the stored lists of these posts (an empty list removes a post's list). */
  replaceLists(lists: Map<string, RelatedListEntry[]>): Promise<void>;
}
