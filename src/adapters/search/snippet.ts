import type { SnippetPart } from '../../domain/search/search-port.js';
import type { SearchQuery } from '../../domain/search/search-query.js';
import { foldAccents, prefixFor, stemmerFor } from './languages.js';

const windowWords = 28;
const maxSourceLength = 100_000;
const noKey = -1;

/**
 * Which of the query's words a word of a post's text is (compared as stems, accents folded), as
 * the index of that word, or `noKey`. Built once per search and language, and shared by its hits.
 */
export interface SnippetMatcher {
  keyOf(word: string): number;
  /** How many distinct words and prefixes the query looks for. */
  keys: number;
}

export function snippetMatcher(config: string, query: SearchQuery): SnippetMatcher {
  const stem = stemmerFor(config);
  const key = (w: string) => foldAccents(stem(w));
  const wanted = new Map<string, number>();
  const prefixes: string[] = [];
  for (const term of query.terms) {
    if (term.isExcluded) continue;
    if (term.kind === 'prefix') prefixes.push(foldAccents(prefixFor(config, term.word)));
    else for (const w of term.kind === 'word' ? [term.word] : term.words) wanted.set(key(w), wanted.size);
  }
  const seen = new Map<string, number>();
  const keyOf = (word: string) => {
    const lower = word.toLowerCase();
    const k = key(lower);
    const exact = wanted.get(k);
    if (exact !== undefined) return exact;
    const folded = foldAccents(lower);
    const prefix = prefixes.findIndex((p) => folded.startsWith(p) || k.startsWith(p));
    return prefix === -1 ? noKey : wanted.size + prefix;
  };
  return {
    keys: wanted.size + prefixes.length,
    keyOf: (word) => {
      let found = seen.get(word);
      if (found === undefined) seen.set(word, (found = keyOf(word)));
      return found;
    },
  };
}

/** The words read so far: where each starts and ends, and which query word it is. */
class Words {
  readonly starts: number[] = [];
  readonly ends: number[] = [];
  readonly keys: number[] = [];
  private readonly pattern = /[\p{L}\p{N}\p{M}]+/gu;
  isAtEnd = false;

  constructor(
    private readonly source: string,
    private readonly matcher: SnippetMatcher,
  ) {}

  /** Reads one more word; false at the end of the text. */
  next(): boolean {
    const m = this.isAtEnd ? null : this.pattern.exec(this.source);
    if (m === null) {
      this.isAtEnd = true;
      return false;
    }
    this.starts.push(m.index);
    this.ends.push(m.index + m[0].length);
    this.keys.push(this.matcher.keyOf(m[0]));
    return true;
  }
}

/**
 * Where the window of `windowWords` words holding the most of the query's distinct words begins
 * (the opening words when none is there). Reading stops at the first window holding all of them,
 * so a long body costs what its first match costs.
 */
function bestWindowStart(words: Words, matcher: SnippetMatcher): number {
  const inWindow = new Map<number, number>();
  let distinct = 0;
  const count = (key: number, by: number) => {
    if (key === noKey) return;
    const before = inWindow.get(key) ?? 0;
    inWindow.set(key, before + by);
    if (before === 0) distinct++;
    else if (before + by === 0) distinct--;
  };
  let bestEnd = 0;
  let bestDistinct = 0;
  for (let i = 0; words.next(); i++) {
    count(words.keys[i]!, 1);
    if (i >= windowWords) count(words.keys[i - windowWords]!, -1);
    if (distinct > bestDistinct) {
      bestDistinct = distinct;
      bestEnd = i;
      if (distinct === matcher.keys) break;
    }
  }
  return Math.max(0, bestEnd - windowWords + 1);
}

/** A short piece of the text around the best matches, the matched words marked. Plain text parts: the page escapes them. */
export function buildSnippet(text: string, matcher: SnippetMatcher): SnippetPart[] {
  const source = text.slice(0, maxSourceLength);
  const words = new Words(source, matcher);
  const first = bestWindowStart(words, matcher);
  while (words.keys.length < first + windowWords && words.next());
  const last = Math.min(words.keys.length, first + windowWords);
  if (last === 0) return [];
  const parts: SnippetPart[] = [];
  const push = (part: SnippetPart) => {
    if (!part.text) return;
    const last = parts.at(-1);
    if (last && last.isMatch === part.isMatch) last.text += part.text;
    else parts.push(part);
  };
  if (first > 0) push({ text: '… ', isMatch: false });
  let at = words.starts[first]!;
  for (let i = first; i < last; i++) {
    push({ text: source.slice(at, words.starts[i]), isMatch: false });
    push({ text: source.slice(words.starts[i], words.ends[i]), isMatch: words.keys[i] !== noKey });
    at = words.ends[i]!;
  }
  if (last < words.keys.length || words.next()) push({ text: ' …', isMatch: false });
  return parts;
}
