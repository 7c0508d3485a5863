import type { SearchQuery, SearchTerm } from '../../domain/search/search-query.js';
import { pairsOf, prefixFor, stemmerFor } from './languages.js';

/**
 * FTS5 MATCH strings built from the query tree. Every token is a quoted FTS5 string (our tokenizer
 * keeps only letters, digits and marks; quotes are doubled all the same), so nothing a reader types
 * is read as FTS5 syntax. A post is matched with its own language's stems: each configuration gets
 * its own branch, run against that configuration's rowid range only.
 *
 * Words and prefixes are matched in `search_text`; phrases in `search_pairs`, where each pair of
 * neighbouring words is one token (`_harbour_ferry`), so a phrase of common words reads the short
 * doclists of its pairs instead of checking positions in every post that holds all its words.
 */

const quote = (text: string) => `"${text.replace(/"/g, '""')}"`;

/** What a query asks of one FTS5 table: terms that must match, and terms that must not. */
export interface TableMatch {
  positive: string[];
  negative: string[];
}

/** A query in one configuration's stems, split between the two tables, and the configuration it is run against. */
export interface Fts5Branch {
  config: string;
  words: TableMatch;
  pairs: TableMatch;
}

function termFor(config: string, term: SearchTerm): string {
  const stem = stemmerFor(config);
  if (term.kind === 'prefix') return `${quote(prefixFor(config, term.word))} *`;
  if (term.kind === 'phrase') return quote(pairsOf(term.words.map(stem)).join(' '));
  return quote(stem(term.word));
}

function branchIn(config: string, query: SearchQuery): Omit<Fts5Branch, 'config'> {
  const words: TableMatch = { positive: [], negative: [] };
  const pairs: TableMatch = { positive: [], negative: [] };
  for (const term of query.terms) {
    const table = term.kind === 'phrase' ? pairs : words;
    (term.isExcluded ? table.negative : table.positive).push(termFor(config, term));
  }
  return { words, pairs };
}

/** The MATCH string of a table's positive terms, less its negative ones; empty when it has no positive term. */
export function positiveMatch(match: TableMatch): string {
  if (match.positive.length === 0) return '';
  const matched = match.positive.join(' AND ');
  return match.negative.length ? `(${matched}) NOT (${match.negative.join(' OR ')})` : matched;
}

/** The MATCH string of a table's negative terms alone (any of them). */
export const negativeMatch = (match: TableMatch) => match.negative.join(' OR ');

/** One branch per configuration in use; none when the query finds nothing. */
export function fts5Branches(query: SearchQuery, configs: string[]): Fts5Branch[] {
  if (!query.terms.some((t) => !t.isExcluded)) return [];
  return configs.map((config) => ({ config, ...branchIn(config, query) }));
}
