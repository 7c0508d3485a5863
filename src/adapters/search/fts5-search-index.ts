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
import { fts5Match } from './fts5-match.js';
import { searchConfigFor, stemText } from './languages.js';
import {
  cappedCount,
  configsInUse,
  type IndexedQuery,
  matchingTags,
  noteConfigs,
  searchInWindow,
  type Candidate,
} from './search-sql.js';

/** bm25 weights per FTS5 column: lang, title, standfirst, tags, body, credits. */
const bm25 = sql<number>`bm25(search_fts, 0.0, 10.0, 4.0, 4.0, 1.0, 2.0)`;
export const maxIndexedLength = 200_000;
/** Rowids are publication seconds × this plus a sequence, so FTS5's rowid order is publication order. */
const rowidsPerSecond = 1_000_000;

/** The first free rowid of the post's publication second (its last change for posts never published). */
async function docIdFor(db: Kysely<Database>, doc: SearchDocument): Promise<number> {
  const first = Math.max(0, Math.floor(Date.parse(doc.sortTime) / 1000)) * rowidsPerSecond;
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
    const doc_id = await docIdFor(this.db, doc);
    await this.db
      .insertInto('search_documents')
      .values({ doc_id, post_id: doc.postId, config } as never)
      .execute();
    const stem = (text: string) => stemText(config, text.slice(0, maxIndexedLength));
    await sql`insert into search_fts (rowid, lang, title, standfirst, tags, body, credits)
      values (${doc_id}, ${config}, ${stem(doc.title)}, ${stem(doc.standfirst)}, ${stem(doc.tags)},
        ${stem(doc.body)}, ${stem(doc.credits)})`.execute(this.db);
  }

  async remove(postIds: string[]): Promise<void> {
    // The delete trigger takes each post's FTS5 row too.
    if (postIds.length > 0)
      await this.db.deleteFrom('search_documents').where('post_id', 'in', postIds).execute();
  }

  /** One b-tree per term instead of many segments, so every match walk reads one doclist. */
  async afterRebuild(): Promise<void> {
    await sql`insert into search_fts (search_fts) values ('optimize')`.execute(this.db);
    await sql`analyze search_documents`.execute(this.db);
  }

  /** The MATCH string for the query, over the configurations the filter's language can be in. */
  private async matchFor(request: Pick<SearchRequest, 'query' | 'filter'>): Promise<string> {
    const configs = request.filter.language
      ? [searchConfigFor(request.filter.language)]
      : await configsInUse(this.db);
    return fts5Match(request.query, configs);
  }

  /** The `size` newest matches (rowid order is publication order) with bm25, or every match. */
  private async window(match: string, size: number | undefined): Promise<Candidate[]> {
    const newest = sql`select rowid from search_fts where search_fts match ${match} order by rowid desc limit ${size ?? -1}`;
    const { rows } = await sql<Omit<Candidate, 'sort_time'> & { doc_id: number }>`
      select search_fts.rowid as doc_id, search_documents.post_id, search_documents.config, -${bm25} as relevance
      from search_fts cross join search_documents on search_documents.doc_id = search_fts.rowid
      where search_fts match ${match} and search_fts.rowid >= (select min(rowid) from (${newest}))`.execute(
      this.db,
    );
    return rows.map(({ doc_id, ...r }) => ({ ...r, sort_time: Math.floor(doc_id / rowidsPerSecond) * 1000 }));
  }

  async search(request: SearchRequest): Promise<SearchPage> {
    const match = await this.matchFor(request);
    if (!match) return { hits: [], total: 0 };
    return searchInWindow(
      this.db,
      request,
      (size) => this.window(match, size),
      () => this.countMatches(match, request.filter),
    );
  }

  async count(request: Pick<SearchRequest, 'query' | 'filter'>): Promise<number> {
    const match = await this.matchFor(request);
    return match ? this.countMatches(match, request.filter) : 0;
  }

  private countMatches(match: string, filter: PostFilter): Promise<number> {
    const matches = this.db
      .selectFrom(
        sql<{ doc_id: number }>`(select rowid as doc_id from search_fts where search_fts match ${match})`.as(
          'm',
        ),
      )
      .innerJoin('search_documents', 'search_documents.doc_id', 'm.doc_id')
      .innerJoin('posts', 'posts.id', 'search_documents.post_id');
    return cappedCount(applyFilter(matches as unknown as PostQuery, filter) as unknown as IndexedQuery);
  }

  matchingTags(words: string[], filter: PostFilter, limit: number) {
    return matchingTags(this.db, words, filter, limit);
  }
}
