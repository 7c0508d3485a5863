import { sql, type Kysely } from 'kysely';
import type { PostFilter } from '../../domain/ports.js';
import type {
  SearchDocument,
  SearchHit,
  SearchIndex,
  SearchRequest,
} from '../../domain/search/search-port.js';
import type { Database } from '../../storage/tables.js';
import { fts5Match } from './fts5-match.js';
import { searchConfigFor, stemText } from './languages.js';
import {
  configsInUse,
  filteredDocuments,
  matchingTags,
  noteConfigs,
  recencyBoost,
  withSnippets,
} from './search-sql.js';

/** bm25 weights per FTS5 column: lang, title, standfirst, tags, body, credits. */
const bm25 = sql<number>`bm25(search_fts, 0.0, 10.0, 4.0, 4.0, 1.0, 2.0)`;
export const maxIndexedLength = 200_000;

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
    const { doc_id } = await this.db
      .insertInto('search_documents')
      .values({ post_id: doc.postId, config } as never)
      .returning('doc_id')
      .executeTakeFirstOrThrow();
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

  private async matched(request: Pick<SearchRequest, 'query' | 'filter'>) {
    const match = fts5Match(request.query, await configsInUse(this.db));
    if (!match) return undefined;
    return filteredDocuments(this.db, request.filter)
      .innerJoin('search_fts', 'search_fts.rowid', 'search_documents.doc_id')
      .where(sql<boolean>`search_fts match ${match}`);
  }

  async search(request: SearchRequest): Promise<SearchHit[]> {
    const query = await this.matched(request);
    if (!query) return [];
    const age = sql`max(0, julianday(${request.now}) - julianday(coalesce(posts.published_at, posts.updated_at)))`;
    const rows = await query
      .select(['search_documents.post_id', 'search_documents.config'])
      .select(sql<number>`-${bm25} * ${recencyBoost(age)}`.as('score'))
      .orderBy('score', 'desc')
      .orderBy('posts.id', 'desc')
      .limit(request.limit)
      .offset(request.offset)
      .execute();
    return withSnippets(this.db, rows, request);
  }

  async count(request: Pick<SearchRequest, 'query' | 'filter'>): Promise<number> {
    const query = await this.matched(request);
    if (!query) return 0;
    const row = await query.select((eb) => eb.fn.countAll().as('n')).executeTakeFirst();
    return Number(row?.n ?? 0);
  }

  matchingTags(words: string[], filter: PostFilter, limit: number) {
    return matchingTags(this.db, words, filter, limit);
  }
}
