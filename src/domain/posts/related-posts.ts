import type { DomainContext } from '../context.js';
import type { PostRecord, RelatedDocumentRecord, RelatedListEntry, Repositories } from '../ports.js';
import {
  compareMatches,
  minimumScore,
  pairScore,
  similarityIndex,
  termWeightFor,
  toTermDocument,
  tokenize,
  topMatches,
  type SimilarityDocument,
  type SimilarityMatch,
  type TermDocument,
} from './similarity.js';

export const relatedPerPost = 6;

/** Only published posts (not pages) have "Check Also" lists and appear in them. */
export const isRelatable = (post: Pick<PostRecord, 'type' | 'status'> | undefined) =>
  post?.type === 'post' && post.status === 'published';

/** What the job reads of a post: weighted words from title, standfirst and body, and its tags. */
export function similarityDocument(post: PostRecord, tagIds: string[]): SimilarityDocument {
  return {
    id: post.id,
    language: post.language,
    group: post.translationGroup,
    fields: [
      { terms: tokenize(`${post.title} ${post.standfirst}`), weight: 3 },
      { terms: tokenize(post.bodyText), weight: 1 },
    ],
    labels: tagIds,
  };
}

const toRecord = (doc: TermDocument): RelatedDocumentRecord => ({
  postId: doc.id,
  language: doc.language,
  story: doc.group,
  tagIds: doc.labels,
  terms: doc.terms,
});

const toTerm = (doc: RelatedDocumentRecord): TermDocument => ({
  id: doc.postId,
  language: doc.language,
  group: doc.story,
  terms: doc.terms,
  labels: doc.tagIds,
});

/** The post as the job should store it now: undefined when it is not (or no longer) relatable. */
async function currentDocument(repos: Repositories, postId: string): Promise<TermDocument | undefined> {
  const post = await repos.posts.findById(postId);
  if (!post || !isRelatable(post)) return undefined;
  const tagIds = (await repos.posts.tagIdsFor([postId])).get(postId) ?? [];
  return toTermDocument(similarityDocument(post, tagIds));
}

/**
 * The stored documents as they are inside one step (after the post's own document was written):
 * term counts, term and tag postings, and documents, each read once per step however many lists the
 * step ranks. Lists are written during the step, documents are not, so nothing read here goes stale.
 */
class Snapshot {
  private readonly counts = new Map<string, number>();
  private readonly holders = new Map<string, Map<string, number>>();
  private readonly tagged = new Map<string, string[]>();
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

  async postsWithTags(tagIds: string[]): Promise<Set<string>> {
    for (const tag of tagIds)
      if (!this.tagged.has(tag)) this.tagged.set(tag, await this.repos.related.postsWithTags([tag]));
    return new Set(tagIds.flatMap((tag) => this.tagged.get(tag)!));
  }

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

interface Ranked {
  list: RelatedListEntry[];
  /** Every candidate's score with this document (scores are symmetric). */
  scores: Map<string, number>;
}

const toEntries = (matches: SimilarityMatch[]): RelatedListEntry[] =>
  matches.map((m) => ({ relatedPostId: m.id, score: m.score }));

/**
 * One document's list over every stored document, from the inverted indexes (terms and tags). A term
 * that counts is held by fewer than `commonTermCount` documents, so the term postings read are bounded.
 */
async function rank(view: Snapshot, doc: TermDocument): Promise<Ranked> {
  await view.load(doc.terms.keys());
  const terms = [...doc.terms.keys()].filter((t) => view.of(t) > 0);
  const postings = await view.postings(terms);
  const ids = new Set([...postings.keys(), ...(await view.postsWithTags(doc.labels))]);
  ids.delete(doc.id);
  const others = await view.documents(ids);
  const scores = new Map<string, number>();
  for (const [id, other] of others) {
    const partial = toTerm({ ...other, terms: postings.get(id) ?? new Map() });
    scores.set(id, pairScore(doc, partial, view.of));
  }
  const top = topMatches(
    [...scores].map(([id, score]) => ({ id, score })),
    relatedPerPost,
  );
  return { list: toEntries(top), scores };
}

const sameList = (a: RelatedListEntry[], b: RelatedListEntry[]) =>
  a.length === b.length &&
  a.every((e, i) => e.relatedPostId === b[i]!.relatedPostId && e.score === b[i]!.score);

/**
 * Terms whose weight changes when `before` is replaced by `after` (counts cross a power of two below
 * `commonTermCount`): raised when fewer documents hold them now, lowered when more do.
 */
async function reweightedTerms(
  weights: Snapshot,
  before: TermDocument | undefined,
  after: TermDocument | undefined,
): Promise<{ raised: string[]; lowered: string[] }> {
  const old = new Set(before?.terms.keys() ?? []);
  const now = new Set(after?.terms.keys() ?? []);
  const changed = [...old, ...now].filter((t) => old.has(t) !== now.has(t));
  await weights.load(changed);
  const raised: string[] = [];
  const lowered: string[] = [];
  for (const t of changed) {
    const n = weights.count(t);
    const previous = termWeightFor(n + (old.has(t) ? 1 : 0) - (now.has(t) ? 1 : 0));
    if (previous < termWeightFor(n)) raised.push(t);
    else if (previous > termWeightFor(n)) lowered.push(t);
  }
  return { raised, lowered };
}

const shares = (a: Map<string, number> | undefined, b: Map<string, number> | undefined) =>
  a !== undefined && b !== undefined && [...a.keys()].some((t) => b.has(t));

/**
 * Brings the stored documents and lists up to date with one post, so that the stored lists equal a
 * full recompute over the stored documents (see src/jobs/README.md for why). Scores change only for
 * pairs with this post and for pairs that both hold a term whose weight changed. The post's own list
 * is ranked in full. Every other list that can change (it holds the post or may take it in, or its
 * owner holds a re-weighted term) is revisited from what it holds: its entries (those whose score
 * can have changed rescored), the holders of a raised term it shares, and the post. A post it does
 * not hold scored at most its old score, which ranked after the list's old last entry; so when the
 * new best six still end at or before that entry (or the list was not full), they are the list a
 * full ranking gives, and only otherwise is the list ranked again in full. Every term that changes
 * weight has at most 64 holders, so a step revisits a bounded number of lists. Returns the posts
 * whose pages show a changed list or this post's teaser.
 */
export async function applyRelatedChange(repos: Repositories, postId: string): Promise<string[]> {
  const stored = await repos.related.findDocument(postId);
  const before = stored && toTerm(stored);
  const after = await currentDocument(repos, postId);
  if (after) await repos.related.saveDocument(toRecord(after));
  else if (before) await repos.related.deleteDocument(postId);
  const view = new Snapshot(repos);
  const { raised, lowered } = await reweightedTerms(view, before, after);
  const raisedBy = await view.postings(raised);
  const changedBy = await view.postings([...raised, ...lowered]);
  raisedBy.delete(postId);
  changedBy.delete(postId);
  const own = after ? await rank(view, after) : { list: [], scores: new Map<string, number>() };
  await repos.related.replaceList(postId, own.list);
  const touched = new Set<string>([postId]);

  const mergeable = [...own.scores].filter(([, score]) => score > minimumScore).map(([id]) => id);
  const listers = await repos.related.listersOf(postId);
  // Their pages show this post's teaser, which may have changed even where the list did not.
  for (const id of listers) touched.add(id);
  const affected = new Set([...listers, ...changedBy.keys(), ...mergeable]);
  affected.delete(postId);
  const lists = await repos.related.listsOf([...affected]);
  const plans = [...affected].map((id) => {
    const changed = changedBy.get(id);
    const rescore = lists
      .get(id)!
      .map((e) => e.relatedPostId)
      .filter((other) => other !== postId && shares(changed, changedBy.get(other)));
    const theirs = raisedBy.get(id);
    const partners = [...raisedBy.keys()].filter(
      (other) => other !== id && shares(theirs, raisedBy.get(other)),
    );
    return { id, rescore, partners };
  });
  const docs = await view.documentsWithTerms(
    plans.flatMap((p) =>
      p.rescore.length + p.partners.length > 0 ? [p.id, ...p.rescore, ...p.partners] : [],
    ),
  );
  for (const { id, rescore, partners } of plans) {
    const old = lists.get(id)!;
    const scores = new Map(old.map((e) => [e.relatedPostId, e.score]));
    scores.delete(postId);
    if (rescore.length + partners.length > 0) {
      const doc = docs.get(id)!;
      await view.load(doc.terms.keys());
      for (const other of [...rescore, ...partners])
        scores.set(other, pairScore(doc, docs.get(other)!, view.of));
    }
    const withPost = own.scores.get(id);
    if (withPost !== undefined) scores.set(postId, withPost);
    const next = topMatches(
      [...scores].map(([other, score]) => ({ id: other, score })),
      relatedPerPost,
    );
    const last = old[relatedPerPost - 1];
    const exact =
      last === undefined ||
      (next.length === relatedPerPost &&
        compareMatches(next[relatedPerPost - 1]!, { id: last.relatedPostId, score: last.score }) <= 0);
    const list = exact ? toEntries(next) : await rankAgain(view, id);
    if (sameList(old, list)) continue;
    await repos.related.replaceList(id, list);
    touched.add(id);
  }
  return [...touched];
}

async function rankAgain(view: Snapshot, postId: string): Promise<RelatedListEntry[]> {
  const doc = (await view.documentsWithTerms([postId])).get(postId);
  return doc ? (await rank(view, doc)).list : [];
}

/** How many posts in the queue make the job rebuild every list at once instead of post by post. */
export const bulkBuildFrom = 100;

const yieldToEventLoop = () => new Promise((resolve) => setImmediate(resolve));

/**
 * Every queued post's document brought up to date, then every list computed by one full recompute
 * (`similarityIndex`, as `mostSimilarDocuments`), in batches with the event loop let run in between:
 * the first build after migration 012 or an import. Runs inside the caller's transaction.
 */
export async function rebuildAllRelated(repos: Repositories, postIds: string[]): Promise<void> {
  const batch = 200;
  for (let i = 0; i < postIds.length; i += batch) {
    const ids = postIds.slice(i, i + batch);
    const posts = await repos.posts.list(
      { ids, types: ['post'], statuses: ['published'] },
      { offset: 0, limit: ids.length },
      'reader',
    );
    const tags = await repos.posts.tagIdsFor(posts.map((p) => p.id));
    const found = new Map(posts.map((p) => [p.id, p]));
    for (const id of ids) {
      const post = found.get(id);
      if (post && isRelatable(post))
        await repos.related.saveDocument(
          toRecord(toTermDocument(similarityDocument(post, tags.get(id) ?? []))),
        );
      else await repos.related.deleteDocument(id);
    }
    await yieldToEventLoop();
  }
  const docs = (await repos.related.allDocuments()).map(toTerm);
  await yieldToEventLoop();
  const index = similarityIndex(docs);
  const lists = new Map<string, RelatedListEntry[]>();
  for (let i = 0; i < docs.length; i += batch) {
    for (const doc of docs.slice(i, i + batch)) lists.set(doc.id, toEntries(index.rank(doc, relatedPerPost)));
    await yieldToEventLoop();
  }
  await repos.related.replaceAllLists(lists);
}

/** Queues the posts' related lists (called inside the transaction that changed them). */
export async function requestRelatedUpdate(ctx: DomainContext, repos: Repositories, postIds: string[]) {
  await repos.related.request(postIds, ctx.clock.now().toISOString());
}

/** Every stored document, for comparing the stored lists with a full recompute. */
export async function storedRelatedDocuments(ctx: DomainContext): Promise<TermDocument[]> {
  return (await ctx.repos.related.allDocuments()).map(toTerm);
}
