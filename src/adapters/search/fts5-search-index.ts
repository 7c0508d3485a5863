import { sql, type Kysely } from 'kysely';
import type { PostFilter } from '../../domain/ports.js';
import type {
  SearchDocument,
  SearchIndex,
  SearchPage,
  SearchRequest,
} from '../../domain/search/search-port.js';
import type { Database } from '../../storage/tables.js';
import { applyFilter, type PostQuery } from '../../storage/repositories/post.repository.js';
import { branchSql } from './fts5-branch-sql.js';
import { fts5Branches, type Fts5Branch } from './fts5-match.js';
import { configSlot, pairsOf, searchConfigFor, stemText } from './languages.js';
import {
  countOverBranches,
  configsInUse,
  rebuildCursor,
  recordRebuild,
  type IndexedQuery,
  matchingTags,
  noteConfigs,
  searchInWindow,
  type Candidate,
} from './search-sql.js';

export const maxIndexedLength = 200_000;
/**
 * A rowid is the configuration's slot × `rowidsPerConfig` + publication second × `rowidsPerSecond`
 * + a sequence: within a configuration's range FTS5's rowid order is publication order. Every
 * rowid stays below 2^53 (18 slots; seconds to the year 2128), so JavaScript reads it exactly.
 */
const rowidsPerSecond = 100_000;
const rowidsPerConfig = 500_000_000_000_000;

const rangeOf = (config: string) => {
  const from = configSlot(config) * rowidsPerConfig;
  return { from, to: from + rowidsPerConfig };
};
const publishedMs = (docId: number) => Math.floor((docId % rowidsPerConfig) / rowidsPerSecond) * 1000;

type WindowRow = Candidate & { doc_id: number };

/** A row's place in publication order, the same in every configuration's range. */
const newness = (row: WindowRow) => row.doc_id % rowidsPerConfig;

/** The `size` newest of two lists each newest first (a merge: the window is read on every search). */
function newestOf(a: WindowRow[], b: WindowRow[], size: number | undefined): WindowRow[] {
  if (a.length === 0) return size === undefined ? b : b.slice(0, size);
  const limit = Math.min(size ?? Infinity, a.length + b.length);
  const merged: WindowRow[] = [];
  let [i, j] = [0, 0];
  while (merged.length < limit)
    merged.push(j >= b.length || (i < a.length && newness(a[i]!) >= newness(b[j]!)) ? a[i++]! : b[j++]!);
  return merged;
}

/** The neighbouring pairs of each text's stems; a lone `_` between texts keeps a phrase from spanning two. */
const pairsText = (stemmedTexts: string[]) =>
  stemmedTexts.map((text) => pairsOf(text.split(' ')).join(' ')).join(' _ ');

/**
 * The first free rowid of the post's publication second (its last change for posts never
 * published) in its configuration's range. (More than 100,000 posts in one second would run into
 * the next second's rowids.)
 */
async function docIdFor(db: Kysely<Database>, doc: SearchDocument, config: string): Promise<number> {
  const seconds = Math.max(0, Math.floor(Date.parse(doc.sortTime) / 1000));
  const first = rangeOf(config).from + seconds * rowidsPerSecond;
  const row = await db
    .selectFrom('search_documents')
    .select((eb) => eb.fn.max('doc_id').as('last'))
    .where('doc_id', '>=', first)
    .where('doc_id', '<', first + rowidsPerSecond)
    .executeTakeFirst();
  return row?.last == null ? first : Number(row.last) + 1;
}

/**
 * Search on SQLite: FTS5 over text stemmed in our code (Snowball, per post language) before it is
 * written; ranked by bm25 with column weights and a mild recency boost.
 */
export class Fts5SearchIndex implements SearchIndex {
  constructor(private readonly db: Kysely<Database>) {}

  async upsert(documents: SearchDocument[]): Promise<void> {
    if (documents.length === 0) return;
    await this.remove(documents.map((d) => d.postId));
    await noteConfigs(
      this.db,
      documents.map((d) => searchConfigFor(d.language)),
    );
    for (const doc of documents) await this.insertOne(doc);
  }

  private async insertOne(doc: SearchDocument): Promise<void> {
    const config = searchConfigFor(doc.language);
    const doc_id = await docIdFor(this.db, doc, config);
    await this.db
      .insertInto('search_documents')
      .values({ doc_id, post_id: doc.postId, config } as never)
      .execute();
    const stem = (text: string) => stemText(config, text.slice(0, maxIndexedLength));
    const [title, standfirst, tags, body, credits] = [
      doc.title,
      doc.standfirst,
      doc.tags,
      doc.body,
      doc.credits,
    ].map(stem);
    await sql`insert into search_text (rowid, title, standfirst, tags, body, credits)
      values (${doc_id}, ${title}, ${standfirst}, ${tags}, ${body}, ${credits})`.execute(this.db);
    await sql`insert into search_pairs (rowid, title_pairs, text_pairs)
      values (${doc_id}, ${pairsText([title!])}, ${pairsText([standfirst!, tags!, body!, credits!])})`.execute(
      this.db,
    );
  }

  async remove(postIds: string[]): Promise<void> {
    // The delete trigger takes each post's FTS5 row too.
    if (postIds.length > 0)
      await this.db.deleteFrom('search_documents').where('post_id', 'in', postIds).execute();
  }

  rebuildCursor() {
    return rebuildCursor(this.db);
  }

  recordRebuild(progress: { after: string } | 'done') {
    return recordRebuild(this.db, progress);
  }

  /** One b-tree per term instead of many segments, so every match walk reads one doclist; fresh planner statistics. */
  async afterRebuild(): Promise<void> {
    await sql`insert into search_text (search_text) values ('optimize')`.execute(this.db);
    await sql`insert into search_pairs (search_pairs) values ('optimize')`.execute(this.db);
    // Whole-table statistics: a sample (analysis_limit) reads 100,000 posts as 501 of each type.
    await sql`pragma analysis_limit = 0`.execute(this.db);
    await sql`analyze`.execute(this.db);
  }

  /** The MATCH strings for the query, over the configurations the filter's language can be in. */
  private async branchesFor(request: Pick<SearchRequest, 'query' | 'filter'>): Promise<Fts5Branch[]> {
    const configs = request.filter.language
      ? [searchConfigFor(request.filter.language)]
      : await configsInUse(this.db);
    return fts5Branches(request.query, configs);
  }

  /**
   * The `size` newest matches of one branch (rowid order is publication order) with bm25, or every
   * match. FTS5 streams its rowids newest first, so only the rows returned are read and ranked.
   */
  private async branchWindow(
    branch: Fts5Branch,
    size: number | undefined,
    newerThan: number,
  ): Promise<WindowRow[]> {
    const range = rangeOf(branch.config);
    const { driver, from, where, relevance } = branchSql(branch, { ...range, from: range.from + newerThan });
    const { rows } = await sql<Omit<WindowRow, 'sort_time'>>`
      select ${driver}.rowid as doc_id, d.post_id, d.config, ${relevance} as relevance
      from ${from} cross join search_documents d on d.doc_id = ${driver}.rowid
      where ${where} and d.config = ${branch.config}
      order by ${driver}.rowid desc limit ${size ?? -1}`.execute(this.db);
    for (const row of rows) (row as WindowRow).sort_time = publishedMs(row.doc_id);
    return rows as WindowRow[];
  }

  /**
   * The `size` newest matches over every branch. Once the branches read so far fill the window,
   * the next ones need only what is newer than its oldest row.
   */
  private async window(branches: Fts5Branch[], size: number | undefined): Promise<Candidate[]> {
    let windows: WindowRow[] = [];
    for (const branch of branches) {
      const isFull = size !== undefined && windows.length >= size;
      const newerThan = isFull ? newness(windows[size - 1]!) + 1 : 0;
      windows = newestOf(windows, await this.branchWindow(branch, size, newerThan), size);
    }
    return windows;
  }

  async search(request: SearchRequest): Promise<SearchPage> {
    const branches = await this.branchesFor(request);
    if (branches.length === 0) return { hits: [], total: 0 };
    return searchInWindow(
      this.db,
      request,
      (size) => this.window(branches, size),
      () => this.countMatches(branches, request.filter),
    );
  }

  async count(request: Pick<SearchRequest, 'query' | 'filter'>): Promise<number> {
    const branches = await this.branchesFor(request);
    return this.countMatches(branches, request.filter);
  }

  /** Matches passing the filter, counted up to `maxCounted + 1` (the branches hold disjoint posts). */
  private countMatches(branches: Fts5Branch[], filter: PostFilter): Promise<number> {
    return countOverBranches(branches, (branch) => this.branchMatches(branch, filter));
  }

  private branchMatches(branch: Fts5Branch, filter: PostFilter): IndexedQuery {
    const { driver, from, where } = branchSql(branch, rangeOf(branch.config));
    const matches = this.db
      .selectFrom(
        sql<{ doc_id: number }>`(select ${driver}.rowid as doc_id from ${from} where ${where})`.as('m'),
      )
      .innerJoin('search_documents', 'search_documents.doc_id', 'm.doc_id')
      .innerJoin('posts', 'posts.id', 'search_documents.post_id')
      .where('search_documents.config', '=', branch.config);
    return applyFilter(matches as unknown as PostQuery, filter) as unknown as IndexedQuery;
  }

  matchingTags(words: string[], filter: PostFilter, limit: number) {
    return matchingTags(this.db, words, filter, limit);
  }
}
