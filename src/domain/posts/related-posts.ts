import type { DomainContext } from '../context.js';
import type { PostRecord, RelatedDocumentRecord, RelatedListEntry, Repositories } from '../ports.js';
import { Snapshot, toTerm } from './related-snapshot.js';
import {
  compareMatches,
  compareRecency,
  minimumScore,
  pairScore,
  recentPerLabel,
  similarityIndex,
  termWeightFor,
  toTermDocument,
  tokenize,
  topMatches,
  type SimilarityDocument,
  type SimilarityMatch,
  type TermDocument,
} from './similarity.js';

/** Entries shown per post. */
export const relatedPerPost = 6;
/**
 * Entries stored per post: those shown and reserves, so that when an entry leaves a list the next is
 * usually known without ranking the list again.
 */
export const keptPerPost = 12;

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
    publishedAt: post.publishedAt ?? '',
  };
}

const toRecord = (doc: TermDocument): RelatedDocumentRecord => ({
  postId: doc.id,
  language: doc.language,
  story: doc.group,
  tagIds: doc.labels,
  publishedAt: doc.publishedAt,
  terms: doc.terms,
});

/** The post as the job should store it now: undefined when it is not (or no longer) relatable. */
async function currentDocument(repos: Repositories, postId: string): Promise<TermDocument | undefined> {
  const post = await repos.posts.findById(postId);
  if (!post || !isRelatable(post)) return undefined;
  const tagIds = (await repos.posts.tagIdsFor([postId])).get(postId) ?? [];
  return toTermDocument(similarityDocument(post, tagIds));
}

/** The documents that may score with `doc`, and the weights of the terms they share with it. */
async function candidates(view: Snapshot, doc: TermDocument) {
  await view.load(doc.terms.keys());
  await view.loadTags(doc.labels);
  const terms = [...doc.terms.keys()].filter((t) => view.of(t) > 0);
  const postings = await view.postings(terms);
  const tagged = doc.labels
    .filter((tag) => view.labelCounts(tag, doc.id))
    .flatMap((tag) => [...view.window(tag)]);
  const ids = new Set([...postings.keys(), ...tagged]);
  ids.delete(doc.id);
  return { postings, ids };
}

/** Ranks several documents, reading what they need together (one query per kind, not per document). */
async function rankAll(view: Snapshot, docs: TermDocument[]): Promise<Map<string, Ranked>> {
  await view.load(docs.flatMap((d) => [...d.terms.keys()]));
  await view.loadTags(docs.flatMap((d) => d.labels));
  await view.postings(docs.flatMap((d) => [...d.terms.keys()].filter((t) => view.of(t) > 0)));
  const ids: string[] = [];
  for (const doc of docs) ids.push(...(await candidates(view, doc)).ids);
  await view.documents(ids);
  const ranked = new Map<string, Ranked>();
  for (const doc of docs) ranked.set(doc.id, await rank(view, doc));
  return ranked;
}

interface Ranked {
  list: RelatedListEntry[];
  /** Every candidate's score with this document (scores are symmetric). */
  scores: Map<string, number>;
}

const toEntries = (matches: SimilarityMatch[]): RelatedListEntry[] =>
  matches.map((m) => ({ relatedPostId: m.id, score: m.score }));

/**
 * One document's list over every stored document, from the inverted indexes: the holders of its
 * terms that count (fewer than `commonTermCount` each) and the most recent holders of the tags that
 * count for it (`recentPerLabel` each), so the documents read are bounded whatever the archive's size.
 */
async function rank(view: Snapshot, doc: TermDocument): Promise<Ranked> {
  const { postings, ids } = await candidates(view, doc);
  const others = await view.documents(ids);
  const scores = new Map<string, number>();
  for (const [id, other] of others) {
    const partial = toTerm({ ...other, terms: postings.get(id) ?? new Map() });
    scores.set(id, pairScore(doc, partial, view.of, view.labelCounts));
  }
  const top = topMatches(
    [...scores].map(([id, score]) => ({ id, score })),
    keptPerPost,
  );
  return { list: toEntries(top), scores };
}

const sameIds = (a: RelatedListEntry[], b: RelatedListEntry[]) =>
  a.length === b.length && a.every((e, i) => e.relatedPostId === b[i]!.relatedPostId);

const sameList = (a: RelatedListEntry[], b: RelatedListEntry[]) =>
  sameIds(a, b) && a.every((e, i) => e.score === b[i]!.score);

const shownChanged = (a: RelatedListEntry[], b: RelatedListEntry[]) =>
  !sameIds(a.slice(0, relatedPerPost), b.slice(0, relatedPerPost));

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

/**
 * The other posts whose tag windows the change moved: for each tag of the post before or after, the
 * `recentPerLabel` most recent holders before and after. A post that left a window scores less with
 * its holders; one that entered scores more with them (`entered`: the tags it entered).
 */
async function shiftedByChange(
  view: Snapshot,
  postId: string,
  before: TermDocument | undefined,
  after: TermDocument | undefined,
): Promise<{ left: Set<string>; entered: Map<string, string[]> }> {
  const tags = new Set([...(before?.labels ?? []), ...(after?.labels ?? [])]);
  await view.loadTags(tags);
  const left = new Set<string>();
  const entered = new Map<string, string[]>();
  for (const tag of tags) {
    const others = view.recentHolders(tag).filter((h) => h.postId !== postId);
    const windowWith = (doc: TermDocument | undefined) => {
      const holders = doc?.labels.includes(tag)
        ? [...others, { postId, publishedAt: doc.publishedAt }]
        : others;
      const sorted = holders
        .map((h) => ({ id: h.postId, publishedAt: h.publishedAt }))
        .sort(compareRecency)
        .slice(0, recentPerLabel);
      return new Set(sorted.map((h) => h.id).filter((id) => id !== postId));
    };
    const was = windowWith(before);
    const is = windowWith(after);
    for (const id of was) if (!is.has(id)) left.add(id);
    for (const id of is) if (!was.has(id)) entered.set(id, [...(entered.get(id) ?? []), tag]);
  }
  return { left, entered };
}

const shares = (a: Map<string, number> | undefined, b: Map<string, number> | undefined) =>
  a !== undefined && b !== undefined && [...a.keys()].some((t) => b.has(t));

/**
 * A list brought up to date from what it held (`old`, a prefix of its full ranking before the step)
 * and the scores that may have changed or joined (`scores`: its entries rescored where needed, and
 * every post whose scores with it may have risen). Any post it does not hold scores no more than
 * before, so it ranks after the old last entry: the candidates that rank at or before that entry are
 * the start of the new full ranking. An old list shorter than `relatedPerPost` held every candidate,
 * so then all of them are. Undefined when fewer than `relatedPerPost` are known: rank again in full.
 */
function merged(old: RelatedListEntry[], scores: Map<string, number>): RelatedListEntry[] | undefined {
  const ranked = topMatches([...scores].map(([id, score]) => ({ id, score })));
  const last = old.at(-1);
  if (old.length < relatedPerPost || last === undefined) return toEntries(ranked.slice(0, keptPerPost));
  const floor = { id: last.relatedPostId, score: last.score };
  const known = ranked.filter((m) => compareMatches(m, floor) <= 0);
  return known.length >= relatedPerPost ? toEntries(known.slice(0, keptPerPost)) : undefined;
}

/**
 * Brings the stored documents and lists up to date with one post, so that the lists shown equal a
 * full recompute over the stored documents (see src/jobs/README.md for why). Scores change only for
 * pairs with this post, with a post whose tag window the change moved, and for pairs that both hold
 * a term whose weight changed. The lists of the post and of the moved posts are ranked in full. Every
 * other list that can change (it holds one of them or may take one in, or its owner holds a
 * re-weighted term) is `merged` from what it holds, and ranked again in full only when fewer than
 * six entries are known. Every term that changes weight has at most 64 holders and every tag window
 * 64, so a step revisits a bounded number of lists. Returns the posts whose pages show a changed list
 * or this post's teaser.
 */
export async function applyRelatedChange(repos: Repositories, postId: string): Promise<string[]> {
  const stored = await repos.related.findDocument(postId);
  const before = stored && toTerm(stored);
  const after = await currentDocument(repos, postId);
  if (after) await repos.related.saveDocument(toRecord(after));
  else if (before) await repos.related.deleteDocument(postId);
  const view = new Snapshot(repos);
  await view.load([...(before?.terms.keys() ?? []), ...(after?.terms.keys() ?? [])]);
  const { raised, lowered } = await reweightedTerms(view, before, after);
  const changedBy = await view.postings([...raised, ...lowered]);
  const raisedBy = await view.postings(raised);
  const { left, entered } = await shiftedByChange(view, postId, before, after);
  const moved = new Set([...left, ...entered.keys()]);
  moved.delete(postId);
  const changed = new Set([postId, ...moved]);
  for (const id of changed) {
    raisedBy.delete(id);
    changedBy.delete(id);
  }

  const movedDocs = [...(await view.documentsWithTerms(moved)).values()];
  const ranked = await rankAll(view, after ? [after, ...movedDocs] : movedDocs);
  const holders = await repos.related.holdersOf([...changed]);
  // Their pages show this post's teaser, which may have changed even where the list did not.
  const touched = new Set<string>([postId, ...holders.get(postId)!]);
  const gainers = [...(ranked.get(postId)?.scores ?? [])]
    .filter(([, s]) => s > minimumScore)
    .map(([id]) => id);
  for (const [id, tags] of entered)
    if (id !== postId) gainers.push(...tags.flatMap((t) => [...view.window(t)]));
  const affected = new Set([...[...holders.values()].flat(), ...changedBy.keys(), ...gainers]);
  for (const id of changed) affected.delete(id);
  const lists = await repos.related.listsOf([...affected, ...changed]);

  const writes = new Map<string, RelatedListEntry[]>();
  const write = (id: string, list: RelatedListEntry[]) => {
    const old = lists.get(id)!;
    if (sameList(old, list)) return;
    writes.set(id, list);
    if (shownChanged(old, list)) touched.add(id);
  };
  for (const id of changed) write(id, ranked.get(id)?.list ?? []);
  const plans = [...affected].map((id) => {
    const changedTerms = changedBy.get(id);
    const rescore = lists
      .get(id)!
      .map((e) => e.relatedPostId)
      .filter((other) => !changed.has(other) && shares(changedTerms, changedBy.get(other)));
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
  // What rescoring reads, read once for every list.
  await view.load([...docs.values()].flatMap((d) => [...d.terms.keys()]));
  await view.loadTags([...docs.values()].flatMap((d) => d.labels));
  for (const { id, rescore, partners } of plans) {
    const old = lists.get(id)!;
    const scores = new Map(
      old.filter((e) => !changed.has(e.relatedPostId)).map((e) => [e.relatedPostId, e.score]),
    );
    if (rescore.length + partners.length > 0) {
      const doc = docs.get(id)!;
      await view.load(doc.terms.keys());
      await view.loadTags(doc.labels);
      for (const other of [...rescore, ...partners])
        scores.set(other, pairScore(doc, docs.get(other)!, view.of, view.labelCounts));
    }
    for (const other of changed) {
      const score = ranked.get(other)?.scores.get(id);
      if (score !== undefined) scores.set(other, score);
    }
    write(id, merged(old, scores) ?? (await rankAgain(view, id)));
  }
  await repos.related.replaceLists(writes);
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
    for (const doc of docs.slice(i, i + batch)) lists.set(doc.id, toEntries(index.rank(doc, keptPerPost)));
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
