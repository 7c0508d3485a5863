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
import {
  foldAccents,
  pairsOf,
  prefixFor,
  searchConfigFor,
  simpleConfig,
  stemmerFor,
  stemText,
} from './languages.js';
import {
  countOverBranches,
  configsInUse,
  rebuildCursor,
  recordRebuild,
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

/**
 * The pairs every positive phrase needs (`'_abus_as' & '_as_govern'`), asked of the `pairs` column's
 * GIN index before any document is read; undefined without a phrase. Stems hold only letters,
 * digits and marks, so the quoted form is safe.
 */
function pairsQueryFor(cfg: string, query: SearchQuery): Query | undefined {
  const stem = stemmerFor(cfg);
  const pairs = query.terms.flatMap((t) =>
    t.kind === 'phrase' && !t.isExcluded ? pairsOf(t.words.map(stem)) : [],
  );
  return pairs.length === 0 ? undefined : sql`${pairs.map((p) => `'${p}'`).join(' & ')}::tsquery`;
}

/** Each pair of neighbouring stems of each text, as lexemes without positions. */
function pairsVector(cfg: string, texts: string[]): Query {
  const pairs = new Set(
    texts.flatMap((text) => pairsOf(stemText(cfg, text.slice(0, maxIndexedLength)).split(' '))),
  );
  return sql`array_to_tsvector(${[...pairs]}::text[])`;
}

function tsqueryFor(cfg: string, query: SearchQuery): Query {
  const positive = query.terms.filter((t) => !t.isExcluded).map((t) => termFor(cfg, t));
  const negative = query.terms.filter((t) => t.isExcluded).map((t) => termFor(cfg, t));
  const all = sql.join(positive, sql` && `);
  return negative.length ? sql`((${all}) && !!(${sql.join(negative, sql` || `)}))` : sql`(${all})`;
}

const weighted = (cfg: string, text: string, weight: 'A' | 'B' | 'C' | 'D') =>
  sql`setweight(to_tsvector(${config(cfg)}, ${(cfg === simpleConfig ? foldAccents(text) : text).slice(0, maxIndexedLength)}), ${weight})`;

/**
 * `||` numbers the right-hand vector's positions on from the left's last, so a phrase could run
 * from the end of the title into the body. A placeholder lexeme 100 positions long sits between
 * the parts and is then deleted, leaving the gap (to_tsvector never makes a lexeme with spaces).
 */
const gapLexeme = ' gap ';
const gap = sql`${`'${gapLexeme}':100`}::tsvector`;

/** How many of the newest documents a window walks before it asks the GIN index instead. */
const walkedDocuments = 4096;
let walkBoundCache: { db: Kysely<Database>; at: number; value: number | undefined } | undefined;

/** One configuration's part of a query: its match and its rank. */
interface Branch {
  where: RawBuilder<boolean>;
  rank: RawBuilder<number>;
  /** A phrase's pairs are rare: the GIN index answers at once, with no walk first. */
  hasPairs: boolean;
}

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
      const parts = [
        weighted(cfg, doc.title, 'A'),
        weighted(cfg, doc.standfirst, 'B'),
        weighted(cfg, doc.tags, 'B'),
        weighted(cfg, doc.body, 'C'),
        weighted(cfg, doc.credits, 'D'),
      ];
      const vector = sql`ts_delete(${sql.join(parts, sql` || ${gap} || `)}, ${gapLexeme})`;
      const sortKey = Date.parse(doc.sortTime);
      const pairs = pairsVector(cfg, [
        doc.title,
        `${doc.standfirst}\n${doc.tags}\n${doc.body}\n${doc.credits}`,
      ]);
      await sql`insert into search_documents (post_id, config, sort_key, document, pairs)
        values (${doc.postId}, ${cfg}, ${sortKey}, ${vector}, ${pairs})
        on conflict (post_id) do update
        set config = excluded.config, sort_key = excluded.sort_key, document = excluded.document,
          pairs = excluded.pairs`.execute(this.db);
    }
  }

  async remove(postIds: string[]): Promise<void> {
    if (postIds.length > 0)
      await this.db.deleteFrom('search_documents').where('post_id', 'in', postIds).execute();
  }

  rebuildCursor() {
    return rebuildCursor(this.db);
  }

  recordRebuild(progress: { after: string } | 'done') {
    return recordRebuild(this.db, progress);
  }

  /** Statistics for the planner, which walks the newest rows for common words and the GIN index for rare ones. */
  async afterRebuild(): Promise<void> {
    await sql`analyze posts, post_tags, post_authors, search_documents`.execute(this.db);
  }

  /**
   * The query in each configuration the filter's language can be in. Each branch is queried on its
   * own: `config = … and document @@ …` lets the GIN index answer the match, where an `or` of the
   * branches would test every candidate's (TOASTed) document again.
   */
  private async branchesFor(request: Pick<SearchRequest, 'query' | 'filter'>): Promise<Branch[]> {
    if (!request.query.terms.some((t) => !t.isExcluded)) return [];
    const configs = request.filter.language
      ? [searchConfigFor(request.filter.language)]
      : await configsInUse(this.db);
    return configs.map((cfg) => {
      const query = tsqueryFor(cfg, request.query);
      const pairs = pairsQueryFor(cfg, request.query);
      const matched = sql<boolean>`search_documents.config = ${cfg} and search_documents.document @@ ${query}`;
      return {
        where: pairs
          ? sql<boolean>`(${matched} and search_documents.pairs @@ ${pairs})`
          : sql<boolean>`(${matched})`,
        rank: sql<number>`ts_rank_cd('{0.1, 0.2, 0.4, 1.0}', w.document, ${query}, 1)`,
        hasPairs: pairs !== undefined,
      };
    });
  }

  /**
   * The `size` most recently published matches with their rank, or every match. A common word is
   * found fastest by walking the newest documents (`sort_key` order) and testing each; a word rare
   * among them by the GIN index. The walk is bounded to about the newest `walkedDocuments`, so a
   * rare word costs one short walk before the index answers, never a walk through the archive.
   */
  private async window(branches: Branch[], size: number | undefined): Promise<Candidate[]> {
    const bound = size !== undefined && size < walkedDocuments ? await this.walkBound() : undefined;
    const windows: Candidate[] = [];
    for (const branch of branches) {
      const walked =
        bound === undefined || branch.hasPairs ? [] : await this.rankedWindow(branch, size, bound);
      windows.push(...(walked.length === size ? walked : await this.rankedWindow(branch, size, undefined)));
    }
    if (branches.length > 1)
      windows.sort((a, b) => b.sort_time - a.sort_time || (a.post_id < b.post_id ? 1 : -1));
    return windows.slice(0, size ?? windows.length);
  }

  /**
   * The sort key of about the `walkedDocuments`-th newest document. It moves only as posts are
   * published, and any value is correct (it only decides how far a walk goes before the index is
   * asked), so it is looked up once a minute.
   */
  private async walkBound(): Promise<number | undefined> {
    const now = Date.now();
    if (walkBoundCache && walkBoundCache.db === this.db && now - walkBoundCache.at < 60_000)
      return walkBoundCache.value;
    const row = await this.db
      .selectFrom('search_documents')
      .select('sort_key')
      .orderBy('sort_key', 'desc')
      .offset(walkedDocuments - 1)
      .limit(1)
      .executeTakeFirst();
    const value = row === undefined ? undefined : Number(row.sort_key);
    walkBoundCache = { db: this.db, at: now, value };
    return value;
  }

  /**
   * One branch's matches newest first: from the newest documents down to `bound` by walking them,
   * or (no bound) through the GIN index.
   */
  private async rankedWindow(branch: Branch, size: number | undefined, bound: number | undefined) {
    const limit = size === undefined ? sql`` : sql`limit ${size}`;
    const query = (newestFirst: RawBuilder<unknown>) =>
      sql<Candidate>`select w.post_id, w.config, w.sort_key as sort_time, ${branch.rank} as relevance
      from (select post_id, config, sort_key, document from search_documents ${newestFirst} ${limit}) w`;
    const { rows } =
      bound === undefined
        ? await this.throughTheIndex(query(sql`where ${branch.where} order by sort_key + 0 desc`))
        : await query(sql`where ${branch.where} and sort_key >= ${bound} order by sort_key desc`).execute(
            this.db,
          );
    return rows.map((r) => ({ ...r, relevance: Number(r.relevance), sort_time: Number(r.sort_time) }));
  }

  /**
   * Runs a match through the GIN index. The planner does not count the cost of de-TOASTing each
   * document it tests, so for a word of middling frequency it prefers a sequential scan testing
   * all of them (700 ms at 100,000 posts) to the index (10 ms); `sort_key + 0` keeps it from
   * walking `sort_key` order instead. Inside a transaction of the caller's the query runs as it is.
   */
  private async throughTheIndex<T>(query: RawBuilder<T>) {
    if (this.db.isTransaction) return query.execute(this.db);
    return this.db.transaction().execute(async (trx) => {
      await sql`set local enable_seqscan = off`.execute(trx);
      return query.execute(trx);
    });
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
    return this.countMatches(await this.branchesFor(request), request.filter);
  }

  /** Matches passing the filter, counted up to `maxCounted + 1` (the branches hold disjoint posts). */
  private countMatches(branches: Branch[], filter: PostFilter): Promise<number> {
    return countOverBranches(branches, (branch) => filteredDocuments(this.db, filter).where(branch.where));
  }

  matchingTags(words: string[], filter: PostFilter, limit: number) {
    return matchingTags(this.db, words, filter, limit);
  }
}
