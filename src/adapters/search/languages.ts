import snowball from 'snowball-stemmers';
import { wordsOf } from '../../domain/search/search-query.js';

/**
 * Which text search configuration a post's language is indexed with. The names are PostgreSQL's
 * built-in configurations and, on SQLite, the Snowball stemmers of the same names. A language not
 * listed is indexed unstemmed and accent-folded (`simple`).
 */
const configOfLanguage: Record<string, string> = {
  en: 'english',
  nb: 'norwegian',
  nn: 'norwegian',
  no: 'norwegian',
  da: 'danish',
  sv: 'swedish',
  de: 'german',
  nl: 'dutch',
  fr: 'french',
  es: 'spanish',
  it: 'italian',
  pt: 'portuguese',
  fi: 'finnish',
};

export const simpleConfig = 'simple';

export function searchConfigFor(language: string): string {
  return (
    configOfLanguage[language.toLowerCase()] ??
    configOfLanguage[language.split('-')[0]!.toLowerCase()] ??
    simpleConfig
  );
}

/** Every configuration we know (so a config name from the database can be checked before use). */
export const knownConfigs = new Set([...Object.values(configOfLanguage), simpleConfig]);

/**
 * A fixed number per configuration (SQLite keeps each one's FTS5 rows in a rowid range of its
 * own). Numbers are stored in the index: never renumber, only add.
 */
const configSlots: Record<string, number> = {
  simple: 0,
  english: 1,
  norwegian: 2,
  danish: 3,
  swedish: 4,
  german: 5,
  dutch: 6,
  french: 7,
  spanish: 8,
  italian: 9,
  portuguese: 10,
  finnish: 11,
};

export function configSlot(config: string): number {
  return configSlots[config] ?? configSlots[simpleConfig]!;
}

/** Accents removed ("Ærøskøbing" stays, "café" becomes "cafe"): the `unaccent` idea, in our code. */
export function foldAccents(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .normalize('NFC');
}

type Stem = (word: string) => string;
const stemmers = new Map<string, Stem>();
const maxRemembered = 100_000;

/** Snowball in JavaScript is slow per call, and text repeats its words: each stem is remembered. */
function remembered(stem: Stem): Stem {
  const known = new Map<string, string>();
  return (word) => {
    let result = known.get(word);
    if (result === undefined) {
      if (known.size >= maxRemembered) known.clear();
      result = stem(word);
      known.set(word, result);
    }
    return result;
  };
}

/** The stemmer of a configuration; `simple` folds accents and does not stem. */
export function stemmerFor(config: string): Stem {
  let stem = stemmers.get(config);
  if (!stem) {
    if (config === simpleConfig || !knownConfigs.has(config)) stem = foldAccents;
    else {
      const stemmer = snowball.newStemmer(config);
      stem = remembered((word) => stemmer.stem(word));
    }
    stemmers.set(config, stem);
  }
  return stem;
}

/** The word a prefix query looks for: its stem when the stem is a prefix of it ("reported*" → "report*"). */
export function prefixFor(config: string, word: string): string {
  const stem = stemmerFor(config)(word);
  const plain = config === simpleConfig ? foldAccents(word) : word;
  return plain.startsWith(stem) ? stem : plain;
}

/** Text as its stems, in order (SQLite writes these to FTS5; snippets compare against them). */
export function stemText(config: string, text: string): string {
  const stem = stemmerFor(config);
  return wordsOf(text)
    .map((w) => stem(w))
    .join(' ');
}

/** Each pair of neighbouring stems as one token (`_harbour_ferry`), which phrases are found by on both databases. */
export function pairsOf(stems: string[]): string[] {
  const pairs: string[] = [];
  for (let i = 1; i < stems.length; i++) pairs.push(`_${stems[i - 1]}_${stems[i]}`);
  return pairs;
}
