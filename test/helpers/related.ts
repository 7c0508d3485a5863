import assert from 'node:assert/strict';
import type { DomainContext } from '../../src/domain/context.js';
import { keptPerPost, relatedPerPost, similarityDocument } from '../../src/domain/posts/related-posts.js';
import { mostSimilar } from '../../src/domain/posts/similarity.js';
import type { Storage } from '../../src/storage/storage.js';

export type Lists = Record<string, { id: string; score: number }[]>;

/** "Check Also" as a full recompute over every published post gives it (empty lists left out). */
export async function fullRecompute(ctx: DomainContext, perPost = relatedPerPost): Promise<Lists> {
  const posts = await ctx.repos.posts.list(
    { types: ['post'], statuses: ['published'] },
    { offset: 0, limit: 100_000 },
    'reader',
  );
  const tags = await ctx.repos.posts.tagIdsFor(posts.map((p) => p.id));
  const docs = posts.map((p) => similarityDocument(p, tags.get(p.id) ?? []));
  const lists: Lists = {};
  for (const [id, matches] of mostSimilar(docs, perPost))
    if (matches.length > 0) lists[id] = matches.map((m) => ({ id: m.id, score: m.score }));
  return lists;
}

/** The lists the job has stored, read straight from `post_related`: the entries shown, or all. */
export async function storedLists(storage: Storage, { isWithReserves = false } = {}): Promise<Lists> {
  const rows = await storage.db
    .selectFrom('post_related')
    .select(['post_id', 'related_post_id', 'rank', 'score'])
    .where('rank', '<', isWithReserves ? keptPerPost : relatedPerPost)
    .orderBy('post_id')
    .orderBy('rank')
    .execute();
  const lists: Lists = {};
  for (const r of rows) (lists[r.post_id] ??= []).push({ id: r.related_post_id, score: Number(r.score) });
  return lists;
}

/**
 * The lists shown equal a full recompute, and every stored list with its reserves is the start of
 * the post's full ranking (what the job relies on when an entry leaves).
 */
export async function assertListsAsFullRecompute(ctx: DomainContext, storage: Storage): Promise<void> {
  assert.deepEqual(await storedLists(storage), await fullRecompute(ctx));
  const full = await fullRecompute(ctx, keptPerPost);
  for (const [id, list] of Object.entries(await storedLists(storage, { isWithReserves: true })))
    assert.deepEqual(
      list,
      full[id]!.slice(0, list.length),
      `the stored list of ${id} starts its full ranking`,
    );
}
