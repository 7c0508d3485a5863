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
  /** Weighted terms: a term appearing in several weighted fields is counted with each weight. */
  fields: { terms: string[]; weight: number }[];
}

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

/**
 * For each document, the most similar others by cosine similarity of TF-IDF vectors (each cut to its
 * strongest terms, and compared through an inverted index so large sites stay fast). Documents in
 * another language score half.
 */
export function mostSimilar(
  docs: SimilarityDocument[],
  perDocument: number,
  maxTerms = 60,
): Map<string, SimilarityMatch[]> {
  const vectors = tfidfVectors(docs, maxTerms);
  const postings = new Map<string, { id: string; weight: number }[]>();
  for (const [id, vector] of vectors)
    for (const [term, weight] of vector) {
      const list = postings.get(term) ?? [];
      list.push({ id, weight });
      postings.set(term, list);
    }
  const language = new Map(docs.map((d) => [d.id, d.language]));
  const result = new Map<string, SimilarityMatch[]>();
  for (const [id, vector] of vectors) {
    const scores = new Map<string, number>();
    for (const [term, weight] of vector)
      for (const other of postings.get(term)!)
        if (other.id !== id) scores.set(other.id, (scores.get(other.id) ?? 0) + weight * other.weight);
    const ranked = [...scores]
      .map(([other, score]) => ({
        id: other,
        score: language.get(other) === language.get(id) ? score : score / 2,
      }))
      .filter((m) => m.score > 0.01)
      .sort((a, b) => b.score - a.score || (a.id < b.id ? -1 : 1))
      .slice(0, perDocument);
    result.set(id, ranked);
  }
  return result;
}
