import type { SnippetPart } from '../../domain/search/search-port.js';
import type { SearchQuery } from '../../domain/search/search-query.js';
import { foldAccents, prefixFor, stemmerFor } from './languages.js';

const windowWords = 28;
const maxSourceLength = 100_000;

/** Whether a word of a post's text is one the query looks for (compared as stems, accents folded). */
function matcherFor(config: string, query: SearchQuery): (word: string) => boolean {
  const stem = stemmerFor(config);
  const key = (w: string) => foldAccents(stem(w));
  const wanted = new Set<string>();
  const prefixes: string[] = [];
  for (const term of query.terms) {
    if (term.isExcluded) continue;
    if (term.kind === 'prefix') prefixes.push(foldAccents(prefixFor(config, term.word)));
    else for (const w of term.kind === 'word' ? [term.word] : term.words) wanted.add(key(w));
  }
  const seen = new Map<string, boolean>();
  return (word) => {
    let isMatch = seen.get(word);
    if (isMatch === undefined) {
      const lower = word.toLowerCase();
      const k = key(lower);
      isMatch = wanted.has(k) || prefixes.some((p) => foldAccents(lower).startsWith(p) || k.startsWith(p));
      seen.set(word, isMatch);
    }
    return isMatch;
  };
}

interface Token {
  start: number;
  end: number;
  isMatch: boolean;
}

function tokensOf(text: string, isMatch: (word: string) => boolean): Token[] {
  const tokens: Token[] = [];
  for (const m of text.matchAll(/[\p{L}\p{N}\p{M}]+/gu))
    tokens.push({ start: m.index, end: m.index + m[0].length, isMatch: isMatch(m[0]) });
  return tokens;
}

/** The window of words with the most matches (the opening words when nothing matches). */
function bestWindow(tokens: Token[]): number {
  let best = 0;
  let bestCount = -1;
  let count = 0;
  for (let i = 0; i < tokens.length; i++) {
    if (tokens[i]!.isMatch) count++;
    if (i >= windowWords && tokens[i - windowWords]!.isMatch) count--;
    const start = Math.max(0, i - windowWords + 1);
    if (count > bestCount) {
      bestCount = count;
      best = start;
    }
  }
  return best;
}

/** A short piece of the text around the best matches, the matched words marked. Plain text parts: the page escapes them. */
export function buildSnippet(text: string, config: string, query: SearchQuery): SnippetPart[] {
  const source = text.slice(0, maxSourceLength);
  const tokens = tokensOf(source, matcherFor(config, query));
  if (tokens.length === 0) return [];
  const first = bestWindow(tokens);
  const shown = tokens.slice(first, first + windowWords);
  const parts: SnippetPart[] = [];
  let at = shown[0]!.start;
  const push = (part: SnippetPart) => {
    if (!part.text) return;
    const last = parts.at(-1);
    if (last && last.isMatch === part.isMatch) last.text += part.text;
    else parts.push(part);
  };
  if (first > 0) push({ text: '… ', isMatch: false });
  for (const token of shown) {
    push({ text: source.slice(at, token.start), isMatch: false });
    push({ text: source.slice(token.start, token.end), isMatch: token.isMatch });
    at = token.end;
  }
  if (first + windowWords < tokens.length) push({ text: ' …', isMatch: false });
  return parts;
}
