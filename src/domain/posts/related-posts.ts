import type { DomainContext } from '../context.js';
import type { PostRecord, RelatedDocumentRecord, RelatedListEntry, Repositories } from '../ports.js';
import {
  compareMatches,
  minimumScore,
  pairScore,
  termWeightFor,
  toTermDocument,
  tokenize,
  topMatches,
  type SimilarityDocument,
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

interface Ranked {
  list: RelatedListEntry[];
  /** Every candidate's score with this document (scores are symmetric). */
  scores: Map<string, number>;
}

/** One document's list over every stored document, from the inverted indexes (terms and tags). */
async function rank(repos: Repositories, doc: TermDocument): Promise<Ranked> {
  const df = await repos.related.documentFrequencies([...doc.terms.keys()]);
  const weightOf = (term: string) => termWeightFor(df.get(term) ?? 0);
  const terms = [...doc.terms.keys()].filter((t) => weightOf(t) > 0);
  const postings = await repos.related.postings(terms);
  const ids = new Set([...postings.keys(), ...(await repos.related.postsWithTags(doc.labels))]);
  ids.delete(doc.id);
  const others = await repos.related.findDocuments([...ids]);
  const scores = new Map<string, number>();
  for (const [id, other] of others) {
    const partial = toTerm({ ...other, terms: postings.get(id) ?? new Map() });
    scores.set(id, pairScore(doc, partial, weightOf));
  }
  const top = topMatches(
    [...scores].map(([id, score]) => ({ id, score })),
    relatedPerPost,
  );
  return { list: top.map((m) => ({ relatedPostId: m.id, score: m.score })), scores };
}

const sameList = (a: RelatedListEntry[], b: RelatedListEntry[]) =>
  a.length === b.length &&
  a.every((e, i) => e.relatedPostId === b[i]!.relatedPostId && e.score === b[i]!.score);

/** Terms whose weight changes when `before` is replaced by `after` (counts cross a power of two). */
async function reweightedTerms(
  repos: Repositories,
  before: TermDocument | undefined,
  after: TermDocument | undefined,
): Promise<string[]> {
  const old = new Set(before?.terms.keys() ?? []);
  const now = new Set(after?.terms.keys() ?? []);
  const changed = [...old, ...now].filter((t) => old.has(t) !== now.has(t));
  const dfAfter = await repos.related.documentFrequencies(changed);
  return changed.filter((t) => {
    const n = dfAfter.get(t) ?? 0;
    const previous = n + (old.has(t) ? 1 : 0) - (now.has(t) ? 1 : 0);
    return termWeightFor(previous) !== termWeightFor(n);
  });
}

/** Puts `entry` into a list that did not hold it, as a full ranking would. */
function mergeInto(list: RelatedListEntry[], entry: RelatedListEntry): RelatedListEntry[] {
  const asMatch = (e: RelatedListEntry) => ({ id: e.relatedPostId, score: e.score });
  return [...list, entry].sort((a, b) => compareMatches(asMatch(a), asMatch(b))).slice(0, relatedPerPost);
}

/**
 * Brings the stored documents and lists up to date with one post, so that the stored lists equal a
 * full recompute over the stored documents (see src/jobs/README.md for why). Scores change only for
 * pairs with this post and for pairs sharing a term whose weight changed: the lists holding such a
 * pair are ranked again in full, and a list that did not hold this post takes it in by merging.
 * Returns the posts whose pages show a changed list or this post's teaser.
 */
export async function applyRelatedChange(repos: Repositories, postId: string): Promise<string[]> {
  const stored = await repos.related.findDocument(postId);
  const before = stored && toTerm(stored);
  const after = await currentDocument(repos, postId);
  if (after) await repos.related.saveDocument(toRecord(after));
  else if (before) await repos.related.deleteDocument(postId);
  const reweighted = await reweightedTerms(repos, before, after);
  const full = new Set([
    ...(await repos.related.postsWithTerms(reweighted)),
    ...(await repos.related.listersOf(postId)),
  ]);
  full.delete(postId);
  const touched = new Set<string>([postId, ...full]);
  const own = after ? await rank(repos, after) : { list: [], scores: new Map<string, number>() };
  await repos.related.replaceList(postId, own.list);
  for (const id of full) await rankAgain(repos, id);
  const mergeable = [...own.scores].filter(([id, score]) => score > minimumScore && !full.has(id));
  const lists = await repos.related.listsOf(mergeable.map(([id]) => id));
  for (const [id, score] of mergeable) {
    const list = lists.get(id)!;
    const merged = mergeInto(list, { relatedPostId: postId, score });
    if (sameList(list, merged)) continue;
    await repos.related.replaceList(id, merged);
    touched.add(id);
  }
  return [...touched];
}

async function rankAgain(repos: Repositories, postId: string): Promise<void> {
  const doc = await repos.related.findDocument(postId);
  await repos.related.replaceList(postId, doc ? (await rank(repos, toTerm(doc))).list : []);
}

/** Queues the posts' related lists (called inside the transaction that changed them). */
export async function requestRelatedUpdate(ctx: DomainContext, repos: Repositories, postIds: string[]) {
  await repos.related.request(postIds, ctx.clock.now().toISOString());
}

/** Every stored document, for comparing the stored lists with a full recompute. */
export async function storedRelatedDocuments(ctx: DomainContext): Promise<TermDocument[]> {
  return (await ctx.repos.related.allDocuments()).map(toTerm);
}
