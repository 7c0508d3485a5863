import type { RecentHolder, RelatedDocumentRecord, Repositories } from '../ports.js';
import { recentPerLabel, termWeightFor, type LabelCounts, type TermDocument } from './similarity.js';

export const toTerm = (doc: RelatedDocumentRecord): TermDocument => ({
  id: doc.postId,
  language: doc.language,
  group: doc.story,
  terms: doc.terms,
  labels: doc.tagIds,
  publishedAt: doc.publishedAt,
});

/**
 * The stored documents as they are inside one step (after the post's own document was written):
 * term counts, term postings, each tag's most recent holders, and documents, each read once per step
 * however many lists the step ranks. Lists are written during the step, documents are not, so
 * nothing read here goes stale.
 */
export class Snapshot {
  private readonly counts = new Map<string, number>();
  private readonly holders = new Map<string, Map<string, number>>();
  /** Each tag's `recentPerLabel + 1` most recent holders: one more than count, to see a window shift. */
  private readonly recent = new Map<string, RecentHolder[]>();
  private readonly windows = new Map<string, Set<string>>();
  private readonly docs = new Map<string, RelatedDocumentRecord | null>();
  private readonly withTerms = new Map<string, TermDocument | null>();
  constructor(private readonly repos: Repositories) {}

  async load(terms: Iterable<string>): Promise<void> {
    const missing = [...new Set(terms)].filter((t) => !this.counts.has(t));
    if (missing.length === 0) return;
    const df = await this.repos.related.documentFrequencies(missing);
    for (const t of missing) this.counts.set(t, df.get(t) ?? 0);
  }

  count(term: string): number {
    const n = this.counts.get(term);
    if (n === undefined) throw new Error(`term not loaded: ${term}`);
    return n;
  }

  readonly of = (term: string): number => termWeightFor(this.count(term));

  /** Each document holding one of the terms, with the weights of those terms only. */
  async postings(terms: string[]): Promise<Map<string, Map<string, number>>> {
    const missing = [...new Set(terms)].filter((t) => !this.holders.has(t));
    for (const t of missing) this.holders.set(t, new Map());
    if (missing.length > 0)
      for (const [id, weights] of await this.repos.related.postings(missing))
        for (const [t, w] of weights) this.holders.get(t)!.set(id, w);
    const byPost = new Map<string, Map<string, number>>();
    for (const t of terms)
      for (const [id, w] of this.holders.get(t)!) {
        const own = byPost.get(id) ?? new Map<string, number>();
        own.set(t, w);
        byPost.set(id, own);
      }
    return byPost;
  }

  async loadTags(tagIds: Iterable<string>): Promise<void> {
    const missing = [...new Set(tagIds)].filter((t) => !this.recent.has(t));
    if (missing.length === 0) return;
    const found = await this.repos.related.recentHolders(missing, recentPerLabel + 1);
    for (const tag of missing) {
      const holders = found.get(tag) ?? [];
      this.recent.set(tag, holders);
      this.windows.set(tag, new Set(holders.slice(0, recentPerLabel).map((h) => h.postId)));
    }
  }

  /** The tag's most recent holders, one more than count (the first to enter when one leaves). */
  recentHolders(tag: string): RecentHolder[] {
    const holders = this.recent.get(tag);
    if (!holders) throw new Error(`tag not loaded: ${tag}`);
    return holders;
  }

  /** The holders for whom the tag counts. */
  window(tag: string): Set<string> {
    const ids = this.windows.get(tag);
    if (!ids) throw new Error(`tag not loaded: ${tag}`);
    return ids;
  }

  readonly labelCounts: LabelCounts = (label, id) => this.window(label).has(id);

  /** Documents without their terms. */
  async documents(ids: Iterable<string>): Promise<Map<string, RelatedDocumentRecord>> {
    const wanted = [...new Set(ids)];
    const missing = wanted.filter((id) => !this.docs.has(id));
    if (missing.length > 0) {
      const found = await this.repos.related.findDocuments(missing);
      for (const id of missing) this.docs.set(id, found.get(id) ?? null);
    }
    const out = new Map<string, RelatedDocumentRecord>();
    for (const id of wanted) {
      const doc = this.docs.get(id);
      if (doc) out.set(id, doc);
    }
    return out;
  }

  /** Documents with their terms. */
  async documentsWithTerms(ids: Iterable<string>): Promise<Map<string, TermDocument>> {
    const wanted = [...new Set(ids)];
    const missing = wanted.filter((id) => !this.withTerms.has(id));
    if (missing.length > 0) {
      const found = await this.repos.related.documentsWithTerms(missing);
      for (const id of missing) {
        const doc = found.get(id);
        this.withTerms.set(id, doc ? toTerm(doc) : null);
      }
    }
    const out = new Map<string, TermDocument>();
    for (const id of wanted) {
      const doc = this.withTerms.get(id);
      if (doc) out.set(id, doc);
    }
    return out;
  }
}
