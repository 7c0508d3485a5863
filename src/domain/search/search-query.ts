/**
 * Reader queries parsed into a small syntax tree: words (all must match), "exact phrases", prefixes
 * (`repor*`) and exclusions (`-word`, `-"a phrase"`). Adapters build their own query language from
 * the tree, so no text a reader types is ever read as FTS5 or tsquery syntax.
 */

export type SearchTerm =
  | { kind: 'word'; word: string; isExcluded: boolean }
  | { kind: 'prefix'; word: string; isExcluded: boolean }
  | { kind: 'phrase'; words: string[]; isExcluded: boolean };

export interface SearchQuery {
  terms: SearchTerm[];
}

export const maxQueryLength = 200;
export const maxTerms = 12;
const maxWordLength = 60;

/** Words as the index sees them: runs of letters, digits and combining marks, lower-cased, NFC. */
export function wordsOf(text: string): string[] {
  return (
    text
      .normalize('NFC')
      .toLowerCase()
      .match(/[\p{L}\p{N}\p{M}]+/gu) ?? []
  );
}

const pieces = /(-?)"([^"]*)"?|(-?)([^\s"]+)/gu;

function termsOf(raw: string): SearchTerm[] {
  const terms: SearchTerm[] = [];
  for (const m of raw.matchAll(pieces)) {
    if (m[2] !== undefined) {
      const words = wordsOf(m[2]).map((w) => w.slice(0, maxWordLength));
      const isExcluded = m[1] === '-';
      if (words.length === 1) terms.push({ kind: 'word', word: words[0]!, isExcluded });
      else if (words.length > 1) terms.push({ kind: 'phrase', words, isExcluded });
      continue;
    }
    const isExcluded = m[3] === '-';
    const token = m[4]!;
    const words = wordsOf(token).map((w) => w.slice(0, maxWordLength));
    if (words.length === 0) continue;
    const isPrefix = token.endsWith('*') && words.length === 1;
    if (isPrefix) terms.push({ kind: 'prefix', word: words[0]!, isExcluded });
    else if (words.length === 1) terms.push({ kind: 'word', word: words[0]!, isExcluded });
    // "e-mail", "U.S.": one token of several words reads as a phrase
    else terms.push({ kind: 'phrase', words, isExcluded });
  }
  return terms;
}

/** The query as a tree; duplicates dropped, at most `maxTerms` terms. */
export function parseSearchQuery(raw: string): SearchQuery {
  const seen = new Set<string>();
  const terms = termsOf(raw.slice(0, maxQueryLength)).filter((t) => {
    const key = JSON.stringify(t);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  return { terms: terms.slice(0, maxTerms) };
}

/** A query that can find something: at least one term that is not an exclusion. */
export function isSearchable(query: SearchQuery): boolean {
  return query.terms.some((t) => !t.isExcluded);
}

/** The query written back as text (for suggestions and the search box). */
export function queryText(query: SearchQuery): string {
  return query.terms
    .map((t) => {
      const body =
        t.kind === 'phrase' ? `"${t.words.join(' ')}"` : t.kind === 'prefix' ? `${t.word}*` : t.word;
      return `${t.isExcluded ? '-' : ''}${body}`;
    })
    .join(' ');
}
