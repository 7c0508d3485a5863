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
}

/** How much shared labels count beside the text: a full label overlap weighs like a strong text match. */
const labelWeight = 0.5;

export interface SimilarityMatch {
  id: string;
  score: number;
}

type Vector = Map<string, number>;

function termWeights(doc: SimilarityDocument): Vector {
  const counts: Vector = new Map();
  for (const field of doc.fields)
    for (const t of field.terms) counts.set(t, (counts.get(t) ?? 0) + field.weight);
  return counts;
}

function tfidfVectors(docs: SimilarityDocument[], maxTerms: number): Map<string, Vector> {
  const counts = docs.map(termWeights);
  const documentFrequency = new Map<string, number>();
  for (const c of counts)
    for (const term of c.keys()) documentFrequency.set(term, (documentFrequency.get(term) ?? 0) + 1);
  const vectors = new Map<string, Vector>();
  docs.forEach((doc, i) => {
    const weighted = [...counts[i]!].map(([term, tf]) => {
      const idf = Math.log((1 + docs.length) / (1 + documentFrequency.get(term)!)) + 1;
      return [term, (1 + Math.log(tf)) * idf] as const;
    });
    weighted.sort((a, b) => b[1] - a[1]);
    const top = weighted.slice(0, maxTerms);
    const norm = Math.sqrt(top.reduce((s, [, w]) => s + w * w, 0)) || 1;
    vectors.set(doc.id, new Map(top.map(([t, w]) => [t, w / norm])));
  });
  return vectors;
}

function invertedIndex<T>(
  entries: Iterable<[string, Iterable<[string, T]>]>,
): Map<string, { id: string; value: T }[]> {
  const postings = new Map<string, { id: string; value: T }[]>();
  for (const [id, terms] of entries)
    for (const [term, value] of terms) {
      const list = postings.get(term) ?? [];
      list.push({ id, value });
      postings.set(term, list);
    }
  return postings;
}

/** Cosine similarity of every pair of vectors that share a term, through an inverted index. */
function textScores(vectors: Map<string, Vector>): Map<string, Map<string, number>> {
  const postings = invertedIndex<number>(vectors);
  const scores = new Map<string, Map<string, number>>();
  for (const [id, vector] of vectors) {
    const own = new Map<string, number>();
    for (const [term, weight] of vector)
      for (const other of postings.get(term)!)
        own.set(other.id, (own.get(other.id) ?? 0) + weight * other.value);
    scores.set(id, own);
  }
  return scores;
}

/** Jaccard overlap of label sets, added to the text scores. */
function addLabelScores(docs: SimilarityDocument[], scores: Map<string, Map<string, number>>): void {
  const labels = new Map(docs.map((d) => [d.id, new Set(d.labels)]));
  const postings = invertedIndex(
    docs.map((d) => [d.id, d.labels.map((l) => [l, true] as [string, boolean])]),
  );
  for (const doc of docs) {
    const own = scores.get(doc.id)!;
    const candidates = new Set(doc.labels.flatMap((l) => postings.get(l)!.map((p) => p.id)));
    for (const other of candidates) {
      const theirs = labels.get(other)!;
      const shared = doc.labels.filter((l) => theirs.has(l)).length;
      const union = new Set([...doc.labels, ...theirs]).size;
      own.set(other, (own.get(other) ?? 0) + (labelWeight * shared) / union);
    }
  }
}

/**
 * For each document, the most similar others: cosine similarity of TF-IDF word vectors (each cut to
 * its strongest words) plus the overlap of labels, compared through inverted indexes so large sites
 * stay fast. Documents in another language score half; translations of the same story are skipped.
 */
export function mostSimilar(
  docs: SimilarityDocument[],
  perDocument: number,
  maxTerms = 60,
): Map<string, SimilarityMatch[]> {
  const scores = textScores(tfidfVectors(docs, maxTerms));
  addLabelScores(docs, scores);
  const byId = new Map(docs.map((d) => [d.id, d]));
  const result = new Map<string, SimilarityMatch[]>();
  for (const doc of docs) {
    const isSameStory = (other: SimilarityDocument) => !!doc.group && doc.group === other.group;
    const ranked = [...scores.get(doc.id)!]
      .filter(([other]) => other !== doc.id && !isSameStory(byId.get(other)!))
      .map(([other, score]) => ({
        id: other,
        score: byId.get(other)!.language === doc.language ? score : score / 2,
      }))
      .filter((m) => m.score > 0.01)
      .sort((a, b) => b.score - a.score || (a.id < b.id ? -1 : 1))
      .slice(0, perDocument);
    result.set(doc.id, ranked);
  }
  return result;
}
