import type { DomainContext } from '../context.js';
import type { PostFilter, Repositories } from '../ports.js';
import type { SearchDocument } from './search-port.js';
import { publicTagsOf } from '../taxonomy/internal-tags.js';

/**
 * Keeping the search index in step: every operation that changes what a post's document holds
 * (its own text, its tags' or authors' names, its sources) calls these inside its own transaction.
 */

export const indexBatchSize = 200;
const rebuildBatchSize = 500;

/** Writes the documents of these posts (of any status: the query filter decides who finds them). */
export async function indexPosts(repos: Repositories, postIds: string[]): Promise<void> {
  if (postIds.length === 0) return;
  const ids = [...new Set(postIds)];
  const [posts, authors, tags, sources] = await Promise.all([
    repos.posts.list({ ids }, { offset: 0, limit: ids.length }, 'reader'),
    repos.posts.authorsFor(ids),
    repos.posts.tagsFor(ids),
    repos.posts.sourcesFor(ids),
  ]);
  const documents: SearchDocument[] = posts.map((post) => ({
    postId: post.id,
    language: post.language,
    sortTime: post.publishedAt ?? post.updatedAt,
    title: post.title,
    standfirst: post.standfirst,
    body: post.bodyText,
    tags: publicTagsOf(tags.get(post.id) ?? [])
      .map((t) => t.name)
      .join('\n'),
    credits: [
      ...(authors.get(post.id) ?? []).map((a) => a.name),
      ...(sources.get(post.id) ?? []).flatMap((s) => [s.publisher, s.title]),
    ].join('\n'),
  }));
  await repos.search.upsert(documents);
}

/** Re-indexes every post passing the filter (a renamed tag's or author's posts), in batches. */
export async function indexPostsWhere(repos: Repositories, filter: PostFilter): Promise<void> {
  for (let offset = 0; ; offset += indexBatchSize) {
    const batch = await repos.posts.list(filter, { offset, limit: indexBatchSize }, 'teaser');
    await indexPosts(
      repos,
      batch.map((p) => p.id),
    );
    if (batch.length < indexBatchSize) return;
  }
}

/** `broadsheet search reindex`: the whole index rebuilt from the posts, in batches. */
export function reindexSearch(
  ctx: DomainContext,
  options: { batchSize?: number; onProgress?: (done: number) => void } = {},
): Promise<number> {
  return reindexAll(ctx.repos, options);
}

/**
 * At start: the rebuild an upgrade asked for (it emptied the index), from where it stopped. Each
 * batch and the cursor's move commit together, so a kill loses nothing and repeats nothing.
 * Returns how many posts were indexed, or undefined when no rebuild was due.
 */
export async function resumeSearchRebuild(
  ctx: DomainContext,
  onProgress?: (done: number) => void,
): Promise<number | undefined> {
  let after = await ctx.repos.search.rebuildCursor();
  if (after === undefined) return undefined;
  let done = 0;
  for (;;) {
    const ids = await ctx.repos.posts.idsAfter(after, rebuildBatchSize);
    if (ids.length === 0) break;
    await ctx.repos.transaction(async (trx) => {
      await indexPosts(trx, ids);
      await trx.search.recordRebuild({ after: ids.at(-1)! });
    });
    done += ids.length;
    after = ids.at(-1)!;
    onProgress?.(done);
  }
  await ctx.repos.search.afterRebuild();
  await ctx.repos.search.recordRebuild('done');
  return done;
}

/**
 * Rebuilds the whole index: a keyset walk over every post in batches, each in its own transaction,
 * so memory stays flat and the site keeps answering. Returns how many posts were indexed.
 */
export async function reindexAll(
  repos: Repositories,
  options: { batchSize?: number; onProgress?: (done: number) => void } = {},
): Promise<number> {
  const batchSize = options.batchSize ?? rebuildBatchSize;
  let after: string | null = null;
  let done = 0;
  for (;;) {
    const ids = await repos.posts.idsAfter(after, batchSize);
    if (ids.length === 0) {
      await repos.search.afterRebuild();
      // A rebuild an upgrade asked for is done too.
      await repos.search.recordRebuild('done');
      return done;
    }
    await repos.transaction((trx) => indexPosts(trx, ids));
    done += ids.length;
    after = ids.at(-1)!;
    options.onProgress?.(done);
  }
}
