import type { SearchQuery, SearchTerm } from '../../domain/search/search-query.js';
import { prefixFor, stemmerFor } from './languages.js';

/**
 * FTS5 MATCH strings built from the query tree. Every token is a quoted FTS5 string (our tokenizer
 * keeps only letters, digits and marks; quotes are doubled all the same), so nothing a reader types
 * is read as FTS5 syntax. A post is matched with its own language's stems: each configuration gets
 * its own MATCH string, run against that configuration's posts only, and configurations whose
 * stems agree share one.
 */

const quote = (text: string) => `"${text.replace(/"/g, '""')}"`;

function termFor(config: string, term: SearchTerm): string {
  const stem = stemmerFor(config);
  if (term.kind === 'prefix') return `${quote(prefixFor(config, term.word))} *`;
  if (term.kind === 'phrase') return quote(term.words.map(stem).join(' '));
  return quote(stem(term.word));
}

/** The query in one configuration's stems: every positive term, none of the excluded ones. */
function matchIn(config: string, query: SearchQuery): string {
  const positive = query.terms.filter((t) => !t.isExcluded).map((t) => termFor(config, t));
  const negative = query.terms.filter((t) => t.isExcluded).map((t) => termFor(config, t));
  const matched = positive.join(' AND ');
  return negative.length ? `(${matched}) NOT (${negative.join(' OR ')})` : matched;
}

/** A MATCH string and the configurations whose posts it is run against. */
export interface Fts5Branch {
  match: string;
  configs: string[];
}

/** One branch per distinct MATCH string over the configurations in use; none when the query finds nothing. */
export function fts5Branches(query: SearchQuery, configs: string[]): Fts5Branch[] {
  if (!query.terms.some((t) => !t.isExcluded)) return [];
  const branches = new Map<string, string[]>();
  for (const config of configs) {
    const match = matchIn(config, query);
    branches.set(match, [...(branches.get(match) ?? []), config]);
  }
  return [...branches].map(([match, group]) => ({ match, configs: group }));
}
