import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { PostFilter } from '../../domain/ports.js';
import type {
  SearchDocument,
  SearchIndex,
  SearchPage,
  SearchRequest,
} from '../../domain/search/search-port.js';
import type { SearchQuery, SearchTerm } from '../../domain/search/search-query.js';
import type { Database } from '../../storage/tables.js';
import { maxIndexedLength } from './fts5-search-index.js';
import { foldAccents, prefixFor, searchConfigFor, simpleConfig } from './languages.js';
import {
  cappedCount,
  configsInUse,
  indexIsEmpty,
  filteredDocuments,
  matchingTags,
  noteConfigs,
  searchInWindow,
  type Candidate,
} from './search-sql.js';

/**
 * Search on PostgreSQL: a tsvector per post built with the post's own language configuration
 * (`english`, `norwegian`, …; `simple` over accent-folded text otherwise), weighted title A,
 * standfirst and tags B, body C, authors and sources D; GIN-indexed; ranked by ts_rank_cd.
 * Queries are built with plainto_tsquery/phraseto_tsquery from our parsed words, never from raw text.
 */

type Query = RawBuilder<unknown>;
const config = (name: string) => sql`${name}::regconfig`;

function termFor(cfg: string, term: SearchTerm): Query {
  const fold = (text: string) => (cfg === simpleConfig ? foldAccents(text) : text);
  // Prefix lexemes hold only letters, digits and marks (see wordsOf), so the quoted form is safe.
  if (term.kind === 'prefix')
    return sql`to_tsquery('simple', ${`'${foldAccents(prefixFor(cfg, term.word))}':*`})`;
  if (term.kind === 'phrase') return sql`phraseto_tsquery(${config(cfg)}, ${fold(term.words.join(' '))})`;
  return sql`plainto_tsquery(${config(cfg)}, ${fold(term.word)})`;
}

function tsqueryFor(cfg: string, query: SearchQuery): Query {
  const positive = query.terms.filter((t) => !t.isExcluded).map((t) => termFor(cfg, t));
  const negative = query.terms.filter((t) => t.isExcluded).map((t) => termFor(cfg, t));
  const all = sql.join(positive, sql` && `);
  return negative.length ? sql`((${all}) && !!(${sql.join(negative, sql` || `)}))` : sql`(${all})`;
}

const weighted = (cfg: string, text: string, weight: 'A' | 'B' | 'C' | 'D') =>
  sql`setweight(to_tsvector(${config(cfg)}, ${(cfg === simpleConfig ? foldAccents(text) : text).slice(0, maxIndexedLength)}), ${weight})`;

export class PostgresSearchIndex implements SearchIndex {
  constructor(private readonly db: Kysely<Database>) {}

  async upsert(documents: SearchDocument[]): Promise<void> {
    if (documents.length === 0) return;
    await noteConfigs(
      this.db,
      documents.map((d) => searchConfigFor(d.language)),
    );
    for (const doc of documents) {
      const cfg = searchConfigFor(doc.language);
      const vector = sql`${weighted(cfg, doc.title, 'A')} || ${weighted(cfg, doc.standfirst, 'B')} || ${weighted(cfg, doc.tags, 'B')} || ${weighted(cfg, doc.body, 'C')} || ${weighted(cfg, doc.credits, 'D')}`;
      const sortKey = Date.parse(doc.sortTime);
      await sql`insert into search_documents (post_id, config, sort_key, document)
        values (${doc.postId}, ${cfg}, ${sortKey}, ${vector})
        on conflict (post_id) do update
        set config = excluded.config, sort_key = excluded.sort_key, document = excluded.document`.execute(
        this.db,
      );
    }
  }

  async remove(postIds: string[]): Promise<void> {
    if (postIds.length > 0)
      await this.db.deleteFrom('search_documents').where('post_id', 'in', postIds).execute();
  }

  /** Statistics for the planner, which walks the newest rows for common words and the GIN index for rare ones. */
  isEmpty(): Promise<boolean> {
    return indexIsEmpty(this.db);
  }

  async afterRebuild(): Promise<void> {
    await sql`analyze posts, post_tags, post_authors, search_documents`.execute(this.db);
  }

  /** The query in each configuration the filter's language can be in, as a match and a rank. */
  private async matcher(request: Pick<SearchRequest, 'query' | 'filter'>) {
    if (!request.query.terms.some((t) => !t.isExcluded)) return undefined;
    const configs = request.filter.language
      ? [searchConfigFor(request.filter.language)]
      : await configsInUse(this.db);
    if (configs.length === 0) return undefined;
    const branches = configs.map((cfg) => ({ cfg, query: tsqueryFor(cfg, request.query) }));
    const where = sql.join(
      branches.map(
        (b) => sql`(search_documents.config = ${b.cfg} and search_documents.document @@ ${b.query})`,
      ),
      sql` or `,
    );
    const cases = sql.join(
      branches.map((b) => sql`when ${b.cfg} then ${b.query}`),
      sql` `,
    );
    const rank = sql<number>`ts_rank_cd('{0.1, 0.2, 0.4, 1.0}', w.document, case w.config ${cases} end, 1)`;
    return { where: sql<boolean>`(${where})`, rank };
  }

  /** The `size` most recently published matches with their rank, or every match. */
  private async window(
    matcher: NonNullable<Awaited<ReturnType<PostgresSearchIndex['matcher']>>>,
    size: number | undefined,
  ): Promise<Candidate[]> {
    const limit = size === undefined ? sql`` : sql`limit ${size}`;
    const { rows } =
      await sql<Candidate>`select w.post_id, w.config, w.sort_key as sort_time, ${matcher.rank} as relevance
      from (select post_id, config, sort_key, document from search_documents where ${matcher.where}
        order by sort_key desc ${limit}) w`.execute(this.db);
    return rows.map((r) => ({ ...r, relevance: Number(r.relevance), sort_time: Number(r.sort_time) }));
  }

  async search(request: SearchRequest): Promise<SearchPage> {
    const matcher = await this.matcher(request);
    if (!matcher) return { hits: [], total: 0 };
    return searchInWindow(
      this.db,
      request,
      (size) => this.window(matcher, size),
      () => cappedCount(filteredDocuments(this.db, request.filter).where(matcher.where)),
    );
  }

  async count(request: Pick<SearchRequest, 'query' | 'filter'>): Promise<number> {
    const matcher = await this.matcher(request);
    if (!matcher) return 0;
    return cappedCount(filteredDocuments(this.db, request.filter).where(matcher.where));
  }

  matchingTags(words: string[], filter: PostFilter, limit: number) {
    return matchingTags(this.db, words, filter, limit);
  }
}
