import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { PostFilter } from '../../domain/ports.js';
import type {
  SearchDocument,
  SearchHit,
  SearchIndex,
  SearchRequest,
} from '../../domain/search/search-port.js';
import type { SearchQuery, SearchTerm } from '../../domain/search/search-query.js';
import type { Database } from '../../storage/tables.js';
import { maxIndexedLength } from './fts5-search-index.js';
import { foldAccents, prefixFor, searchConfigFor, simpleConfig } from './languages.js';
import {
  configsInUse,
  filteredDocuments,
  matchingTags,
  noteConfigs,
  recencyBoost,
  withSnippets,
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
      await sql`insert into search_documents (post_id, config, document) values (${doc.postId}, ${cfg}, ${vector})
        on conflict (post_id) do update set config = excluded.config, document = excluded.document`.execute(
        this.db,
      );
    }
  }

  async remove(postIds: string[]): Promise<void> {
    if (postIds.length > 0)
      await this.db.deleteFrom('search_documents').where('post_id', 'in', postIds).execute();
  }

  /** The filtered documents matching the query in their own configuration, and the rank expression. */
  private async matched(request: Pick<SearchRequest, 'query' | 'filter'>) {
    if (!request.query.terms.some((t) => !t.isExcluded)) return undefined;
    const configs = await configsInUse(this.db);
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
    const rank = sql<number>`ts_rank_cd('{0.1, 0.2, 0.4, 1.0}', search_documents.document, case search_documents.config ${cases} end, 1)`;
    return { query: filteredDocuments(this.db, request.filter).where(sql<boolean>`(${where})`), rank };
  }

  async search(request: SearchRequest): Promise<SearchHit[]> {
    const matched = await this.matched(request);
    if (!matched) return [];
    const age = sql`greatest(0, extract(epoch from (${request.now}::timestamptz - coalesce(posts.published_at, posts.updated_at)::timestamptz)) / 86400)`;
    const rows = await matched.query
      .select(['search_documents.post_id', 'search_documents.config'])
      .select(sql<number>`${matched.rank} * ${recencyBoost(age)}`.as('score'))
      .orderBy('score', 'desc')
      .orderBy('posts.id', 'desc')
      .limit(request.limit)
      .offset(request.offset)
      .execute();
    return withSnippets(this.db, rows, request);
  }

  async count(request: Pick<SearchRequest, 'query' | 'filter'>): Promise<number> {
    const matched = await this.matched(request);
    if (!matched) return 0;
    const row = await matched.query.select((eb) => eb.fn.countAll().as('n')).executeTakeFirst();
    return Number(row?.n ?? 0);
  }

  matchingTags(words: string[], filter: PostFilter, limit: number) {
    return matchingTags(this.db, words, filter, limit);
  }
}
