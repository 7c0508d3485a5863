import type { SearchQuery, SearchTerm } from '../../domain/search/search-query.js';
import { prefixFor, stemmerFor } from './languages.js';

/**
 * FTS5 MATCH strings built from the query tree. Every token is a quoted FTS5 string (our tokenizer
 * keeps only letters, digits and marks; quotes are doubled all the same), so nothing a reader types
 * is read as FTS5 syntax. A post is matched with its own language's stems: the `lang` column holds
 * its configuration, and configurations whose stems agree share one branch.
 */

const contentColumns = '{title standfirst tags body credits}';
const quote = (text: string) => `"${text.replace(/"/g, '""')}"`;

function termFor(config: string, term: SearchTerm): string {
  const stem = stemmerFor(config);
  if (term.kind === 'prefix') return `${quote(prefixFor(config, term.word))} *`;
  if (term.kind === 'phrase') return quote(term.words.map(stem).join(' '));
  return quote(stem(term.word));
}

/** The positive and negative parts of the query in one configuration's stems. */
function partsFor(config: string, query: SearchQuery): string {
  const positive = query.terms.filter((t) => !t.isExcluded).map((t) => termFor(config, t));
  const negative = query.terms.filter((t) => t.isExcluded).map((t) => termFor(config, t));
  const matched = `${contentColumns} : (${positive.join(' AND ')})`;
  return negative.length ? `(${matched}) NOT (${contentColumns} : (${negative.join(' OR ')}))` : matched;
}

/** One MATCH string over every configuration in use; empty when the query finds nothing. */
export function fts5Match(query: SearchQuery, configs: string[]): string {
  if (!query.terms.some((t) => !t.isExcluded) || configs.length === 0) return '';
  const branches = new Map<string, string[]>();
  for (const config of configs) {
    const parts = partsFor(config, query);
    branches.set(parts, [...(branches.get(parts) ?? []), config]);
  }
  return [...branches]
    .map(([parts, group]) => `((lang : (${group.map(quote).join(' OR ')})) AND (${parts}))`)
    .join(' OR ');
}
