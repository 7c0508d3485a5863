const stopwords = new Set(
  (
    'the and for are but not you all any can had her was one our out day get has him his how man new now old see two way who ' +
    'its did yes she use that with have this will your from they know want been good much some time very when come here just ' +
    'like long make many more only over such take than them well were what also into most said says after about which their ' +
    'there these those would could should other where while being under between through because again against before ' +
    'og det som med for ikke den til har var jeg han hun seg men ett eller skal kan vil fra oss meg deg dem deres sin sitt ' +
    'sine også etter under over blir ble vært være hadde mellom når hvor hva hvem'
  ).split(' '),
);

/** Words of a text worth comparing: lowercased letters and digits, no stopwords, no short words. */
export function tokenize(text: string): string[] {
  return (text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).filter(
    (w) => w.length >= 3 && !stopwords.has(w),
  );
}

export interface SimilarityDocument {
  id: string;
  language: string;
  /** Documents in one group (translations of one story) are never matched with each other. */
  group?: string | null;
  /** Weighted words: a word appearing in several weighted fields is counted with each weight. */
  fields: { terms: string[]; weight: number }[];
  /** Labels such as tags: compared as sets, so they relate documents that share no words. */
  labels: string[];
  /** When the document was published (ISO-8601): a label counts for its most recent holders only. */
  publishedAt: string;
}

/** How much shared labels count beside the text: a full label overlap weighs like a strong text match. */
const labelWeight = 0.5;
/** Scores at or below this are no relation at all. */
export const minimumScore = 0.01;
/** Terms kept per document: its strongest, by term frequency. */
export const maxTerms = 60;

export interface SimilarityMatch {
  id: string;
  score: number;
}

/**
 * A document reduced to what similarity reads: its strongest terms with unit-length weights (sorted
 * by term), its labels, language and story. Nothing in it depends on other documents, so it can be
 * stored once per post and reused.
 */
export interface TermDocument {
  id: string;
  language: string;
  group: string | null;
  terms: Map<string, number>;
  labels: string[];
  publishedAt: string;
}

/**
 * A label counts for similarity among its `recentPerLabel` most recent holders only (by publication,
 * then id): a label on most of an archive would otherwise make every ranking read most of the
 * archive. Outside that window a document still holds the label (it counts in the union of labels),
 * it just shares it with nobody.
 */
export const recentPerLabel = 64;

/** Most recent first; equal times by id (descending), so the order is total. */
export function compareRecency(
  a: Pick<TermDocument, 'id' | 'publishedAt'>,
  b: Pick<TermDocument, 'id' | 'publishedAt'>,
): number {
  if (a.publishedAt !== b.publishedAt) return a.publishedAt > b.publishedAt ? -1 : 1;
  return a.id === b.id ? 0 : a.id > b.id ? -1 : 1;
}

/** Whether a label counts for a document: it is among the label's most recent holders. */
export type LabelCounts = (label: string, docId: string) => boolean;

/** A term held by this many documents or more carries no similarity signal: its weight is zero. */
export const commonTermCount = 64;

/**
 * How much a shared term counts, from how many documents hold it (`df`). It falls by steps, one step
 * per doubling (1, 2-3, 4-7, ... 32-63), and is zero from `commonTermCount` (64) documents up. So a
 * term that counts is held by at most 63 documents, a ranking reads at most 63 postings per term,
 * and one post changes a term's weight only when its count crosses a power of two up to 64: the
 * incremental job then revisits at most 64 documents for that term, and a full recompute gives the
 * same lists.
 */
export function termWeightFor(df: number): number {
  if (df <= 1) return 1;
  if (df >= commonTermCount) return 0;
  const step = 31 - Math.clz32(df);
  return (6 - step) / 6;
}

/** The strongest terms of a document (log-scaled weighted frequency), at unit length, sorted by term. */
export function termVector(doc: SimilarityDocument, limit = maxTerms): Map<string, number> {
  const counts = new Map<string, number>();
  for (const field of doc.fields)
    for (const t of field.terms) counts.set(t, (counts.get(t) ?? 0) + field.weight);
  const weighted = [...counts].map(([term, tf]) => [term, 1 + Math.log(tf)] as const);
  weighted.sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  const top = weighted.slice(0, limit);
  const norm = Math.sqrt(top.reduce((s, [, w]) => s + w * w, 0)) || 1;
  top.sort((a, b) => (a[0] < b[0] ? -1 : 1));
  return new Map(top.map(([t, w]) => [t, w / norm]));
}

export function toTermDocument(doc: SimilarityDocument, limit = maxTerms): TermDocument {
  return {
    id: doc.id,
    language: doc.language,
    group: doc.group ?? null,
    terms: termVector(doc, limit),
    labels: [...new Set(doc.labels)].sort(),
    publishedAt: doc.publishedAt,
  };
}

/** The label part of a score: labels counted for both, over the union of both documents' labels. */
function labelScore(a: TermDocument, b: TermDocument, counts: LabelCounts): number {
  let common = 0;
  let counted = 0;
  for (const label of a.labels)
    if (b.labels.includes(label)) {
      common++;
      if (counts(label, a.id) && counts(label, b.id)) counted++;
    }
  return counted === 0 ? 0 : (labelWeight * counted) / (a.labels.length + b.labels.length - common);
}

/**
 * The similarity of two documents, the same whichever comes first: shared terms summed in term
 * order (each product of weights times the square of the term's weight), plus the labels both hold
 * and for which both are among the most recent holders (`counts`), over the union of their labels;
 * halved across languages; zero within one story. `b` may hold only the terms it shares with `a`.
 * Terms whose weight is zero are skipped, so they need not be loaded.
 */
export function pairScore(
  a: TermDocument,
  b: TermDocument,
  weightOf: (term: string) => number,
  counts: LabelCounts,
): number {
  if (a.id === b.id || (a.group !== null && a.group === b.group)) return 0;
  const [outer, inner] = a.terms.size <= b.terms.size ? [a, b] : [b, a];
  let shared: string[] | undefined;
  for (const term of outer.terms.keys()) if (inner.terms.has(term)) (shared ??= []).push(term);
  let text = 0;
  if (shared !== undefined) {
    if (shared.length > 1) shared.sort();
    for (const term of shared) {
      const w = weightOf(term);
      if (w > 0) text += a.terms.get(term)! * b.terms.get(term)! * (w * w);
    }
  }
  const score = text + labelScore(a, b, counts);
  return a.language === b.language ? score : score / 2;
}

/** Best first; equal scores by id, so every path that ranks the same scores gives the same list. */
export function compareMatches(a: SimilarityMatch, b: SimilarityMatch): number {
  return b.score - a.score || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/** The best `perDocument` of the scored candidates above the minimum score. */
export function topMatches(
  scored: Iterable<SimilarityMatch>,
  perDocument = Number.POSITIVE_INFINITY,
): SimilarityMatch[] {
  return [...scored]
    .filter((m) => m.score > minimumScore)
    .sort(compareMatches)
    .slice(0, perDocument);
}

/** How many documents hold each term. */
export function documentFrequencies(docs: Iterable<TermDocument>): Map<string, number> {
  const df = new Map<string, number>();
  for (const doc of docs) for (const term of doc.terms.keys()) df.set(term, (df.get(term) ?? 0) + 1);
  return df;
}

/**
 * An inverted index (terms and labels) over a set of documents, ranking one document at a time
 * against the whole set: `mostSimilarDocuments` ranks them all, the job's bulk build ranks them in
 * batches and lets the event loop run in between.
 */
export function similarityIndex(docs: TermDocument[]) {
  const df = documentFrequencies(docs);
  const weightOf = (term: string) => termWeightFor(df.get(term) ?? 0);
  const postings = new Map<string, TermDocument[]>();
  const add = (key: string, doc: TermDocument) => {
    const list = postings.get(key);
    if (list) list.push(doc);
    else postings.set(key, [doc]);
  };
  for (const doc of docs) {
    for (const term of doc.terms.keys()) if (weightOf(term) > 0) add(`t:${term}`, doc);
    for (const label of doc.labels) add(`l:${label}`, doc);
  }
  const recent = new Map<string, Set<string>>();
  for (const [key, holders] of postings)
    if (key.startsWith('l:')) {
      const kept = holders.sort(compareRecency).slice(0, recentPerLabel);
      postings.set(key, kept);
      recent.set(key.slice(2), new Set(kept.map((d) => d.id)));
    }
  const counts: LabelCounts = (label, id) => recent.get(label)?.has(id) ?? false;
  return {
    /**
     * The best `perDocument` matches of `doc` (one of the indexed documents). Text scores are summed
     * through the postings in term order, so each equals `pairScore` bit for bit.
     */
    rank(doc: TermDocument, perDocument: number): SimilarityMatch[] {
      const text = new Map<TermDocument, number>();
      for (const term of [...doc.terms.keys()].sort()) {
        const w = weightOf(term);
        if (w <= 0) continue;
        const own = doc.terms.get(term)!;
        for (const other of postings.get(`t:${term}`) ?? [])
          text.set(other, (text.get(other) ?? 0) + own * other.terms.get(term)! * (w * w));
      }
      const candidates = new Set<TermDocument>(text.keys());
      for (const label of doc.labels)
        if (counts(label, doc.id))
          for (const other of postings.get(`l:${label}`) ?? []) candidates.add(other);
      const scored: SimilarityMatch[] = [];
      for (const other of candidates) {
        if (other.id === doc.id || (doc.group !== null && doc.group === other.group)) continue;
        const score = (text.get(other) ?? 0) + labelScore(doc, other, counts);
        scored.push({ id: other.id, score: doc.language === other.language ? score : score / 2 });
      }
      return topMatches(scored, perDocument);
    },
  };
}

/**
 * For each document, the most similar others, computed over the whole set at once through an inverted
 * index (terms and labels). The related-posts job keeps stored lists equal to this, step by step.
 */
export function mostSimilarDocuments(
  docs: TermDocument[],
  perDocument: number,
): Map<string, SimilarityMatch[]> {
  const index = similarityIndex(docs);
  return new Map(docs.map((doc) => [doc.id, index.rank(doc, perDocument)]));
}

/** `mostSimilarDocuments` of documents given as weighted words. */
export function mostSimilar(
  docs: SimilarityDocument[],
  perDocument: number,
  limit = maxTerms,
): Map<string, SimilarityMatch[]> {
  return mostSimilarDocuments(
    docs.map((d) => toTermDocument(d, limit)),
    perDocument,
  );
}
