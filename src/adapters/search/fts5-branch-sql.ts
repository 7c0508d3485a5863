import { sql, type RawBuilder } from 'kysely';
import { negativeMatch, positiveMatch, type Fts5Branch, type TableMatch } from './fts5-match.js';

/**
 * The SQL of one branch (src/adapters/search/fts5-match.ts): the table with positive terms (pairs
 * first, as phrases are the rarer) is streamed newest rowid first; the other table is probed at
 * that rowid only (FTS5 seeks its doclists to one rowid), to match its own terms or to refuse the
 * row when one of its excluded terms is there.
 */

interface Fts5Table {
  name: 'search_text' | 'search_pairs';
  /** bm25 with the column weights: title 10, standfirst and tags 4, credits 2, body 1; pairs of the title 10, of the rest 1. */
  bm25: RawBuilder<number>;
}

const wordsTable: Fts5Table = { name: 'search_text', bm25: sql`bm25(search_text, 10.0, 4.0, 4.0, 1.0, 2.0)` };
const pairsTable: Fts5Table = { name: 'search_pairs', bm25: sql`bm25(search_pairs, 10.0, 1.0)` };

export interface BranchSql {
  /** `search_text` or `search_pairs`: the table whose rowid order the matches stream in. */
  driver: RawBuilder<unknown>;
  from: RawBuilder<unknown>;
  where: RawBuilder<boolean>;
  /** Higher is better. */
  relevance: RawBuilder<number>;
}

/** `range`: the configuration's rowids (FTS5 seeks to its start, so other languages' rows are never read). */
export function branchSql(branch: Fts5Branch, range: { from: number; to: number }): BranchSql {
  const isPairsDriven = branch.pairs.positive.length > 0;
  const [driver, driverMatch, other, otherMatch]: [Fts5Table, TableMatch, Fts5Table, TableMatch] =
    isPairsDriven
      ? [pairsTable, branch.pairs, wordsTable, branch.words]
      : [wordsTable, branch.words, pairsTable, branch.pairs];
  const d = sql.table(driver.name);
  const o = sql.table(other.name);
  const conditions: RawBuilder<boolean>[] = [
    sql`${d} match ${positiveMatch(driverMatch)}`,
    sql`${d}.rowid >= ${range.from} and ${d}.rowid < ${range.to}`,
  ];
  let from: RawBuilder<unknown> = d;
  let relevance: RawBuilder<number> = sql`-${driver.bm25}`;
  if (otherMatch.positive.length > 0) {
    from = sql`${d} cross join ${o} on ${o}.rowid = ${d}.rowid`;
    conditions.push(sql`${o} match ${positiveMatch(otherMatch)}`);
    relevance = sql`-(${driver.bm25} + ${other.bm25})`;
  } else if (otherMatch.negative.length > 0)
    conditions.push(
      sql`not exists (select 1 from ${o} where ${o} match ${negativeMatch(otherMatch)} and ${o}.rowid = ${d}.rowid)`,
    );
  return { driver: d, from, where: sql.join(conditions, sql` and `) as RawBuilder<boolean>, relevance };
}
