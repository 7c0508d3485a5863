import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import fc from 'fast-check';
import type { DomainContext } from '../../src/domain/context.js';
import { documentFromText } from '../../src/domain/posts/editor-document.js';
import { drainRelatedJobs } from '../../src/domain/posts/related-job.js';
import { bulkBuildFrom } from '../../src/domain/posts/related-posts.js';
import { recentPerLabel } from '../../src/domain/posts/similarity.js';
import { createPost, deletePost, updatePost } from '../../src/domain/posts/save-post.js';
import { deleteTag } from '../../src/domain/taxonomy/tags.js';
import { aPublishedPost, aTag } from '../helpers/factories.js';
import { assertListsAsFullRecompute } from '../helpers/related.js';
import { createTestSite, dialects, type TestSite } from '../helpers/sites.js';
import { testAdministrator } from '../helpers/actors.js';

/*
 * The related-posts job keeps "Check Also" incrementally; these tests hold it to a full recompute
 * over every published post, on random corpora and random sequences of saves.
 */

const words = [
  'harbour',
  'quota',
  'trawler',
  'election',
  'budget',
  'glacier',
  'ferry',
  'strike',
  'salmon',
  'avalanche',
  'tunnel',
  'council',
  'hospital',
  'school',
  'bridge',
  'reindeer',
  'oil',
  'wind',
  'court',
  'mayor',
];
const text = fc.array(fc.constantFrom(...words), { minLength: 0, maxLength: 7 }).map((w) => w.join(' '));
const status = fc.constantFrom('published', 'published', 'draft' as const);

type Op =
  | {
      kind: 'create';
      title: string;
      body: string;
      tags: number[];
      language: string;
      status: string;
      translationOf: number | null;
    }
  | { kind: 'update'; target: number; title?: string; body?: string; tags?: number[]; status?: string }
  | { kind: 'delete'; target: number }
  | { kind: 'drain' };

const tagPicks = fc.uniqueArray(fc.integer({ min: 0, max: 2 }), { maxLength: 2 });
const op: fc.Arbitrary<Op> = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.record({
      kind: fc.constant('create' as const),
      title: text,
      body: text,
      tags: tagPicks,
      language: fc.constantFrom('en', 'en', 'nb'),
      status,
      translationOf: fc.option(fc.nat(), { freq: 5 }),
    }),
  },
  {
    weight: 4,
    arbitrary: fc.record(
      {
        kind: fc.constant('update' as const),
        target: fc.nat(),
        title: text,
        body: text,
        tags: tagPicks,
        status,
      },
      { requiredKeys: ['kind', 'target'] },
    ),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('delete' as const), target: fc.nat() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('drain' as const) }) },
);

async function apply(ctx: DomainContext, ops: Op[], tagIds: string[]): Promise<void> {
  const ids: string[] = [];
  const pick = (n: number) => ids[n % ids.length]!;
  for (const o of ops) {
    if (o.kind === 'drain') await drainRelatedJobs(ctx);
    else if (o.kind === 'create') {
      const id = await createPost(ctx, {
        title: o.title || 'untitled',
        body: documentFromText(o.body || ' '),
        tagIds: o.tags.map((i) => tagIds[i]!),
        language: o.language,
        status: o.status as 'published',
        ...(o.translationOf !== null && ids.length > 0 ? { translationOf: pick(o.translationOf) } : {}),
      });
      ids.push(id);
    } else if (ids.length === 0) continue;
    else if (o.kind === 'delete') {
      const id = pick(o.target);
      await deletePost(ctx, id);
      ids.splice(ids.indexOf(id), 1);
    } else
      await updatePost(ctx, pick(o.target), {
        ...(o.title !== undefined ? { title: o.title || 'untitled' } : {}),
        ...(o.body !== undefined ? { body: documentFromText(o.body || ' ') } : {}),
        ...(o.tags !== undefined ? { tagIds: o.tags.map((i) => tagIds[i]!) } : {}),
        ...(o.status !== undefined ? { status: o.status as 'published' } : {}),
      });
  }
}

for (const dialect of dialects) {
  describe(`related posts job on ${dialect.name}`, { skip: dialect.skip }, () => {
    let site: TestSite;
    let tagIds: string[];
    before(async () => {
      site = await createTestSite(dialect.name);
      tagIds = await Promise.all(
        ['Fisheries', 'Politics', 'Weather'].map(async (n) => (await aTag(site.ctx, n)).id),
      );
    });
    after(async () => site?.destroy());

    test('after any sequence of publish, update, unpublish and delete, the lists equal a full recompute', async () => {
      const { ctx } = site;
      await fc.assert(
        fc.asyncProperty(fc.array(op, { minLength: 8, maxLength: 24 }), async (ops) => {
          const existing = await ctx.repos.posts.list({}, { offset: 0, limit: 1000 });
          for (const post of existing) await deletePost(ctx, post.id);
          await apply(ctx, ops, tagIds);
          await drainRelatedJobs(ctx);
          assert.equal(await ctx.repos.related.pendingCount(), 0);
          await assertListsAsFullRecompute(ctx, site.storage);
        }),
        { numRuns: dialect.name === 'postgres' ? 10 : 25, endOnFailure: true },
      );
    });

    test('ten saves of one published post queue one job, and one step does it', async () => {
      const { ctx } = site;
      const id = await aPublishedPost(ctx, { title: 'Harbour strike', text: 'harbour strike ferry' });
      await aPublishedPost(ctx, { title: 'Ferry strike', text: 'ferry strike harbour' });
      await drainRelatedJobs(ctx);
      for (let i = 0; i < 10; i++)
        await updatePost(ctx, id, { body: documentFromText(`harbour strike ferry day ${i}`) });
      assert.equal(await ctx.repos.related.pendingCount(), 1);
      assert.equal(await drainRelatedJobs(ctx), 1);
      await assertListsAsFullRecompute(ctx, site.storage);
    });

    test('deleting a tag queues the posts that carried it, and their lists follow', async () => {
      const { ctx } = site;
      const tag = await aTag(ctx, 'Reindeer');
      await aPublishedPost(ctx, { title: 'Tunnel opens', text: 'tunnel', tagIds: [tag.id] });
      await aPublishedPost(ctx, { title: 'Mayor resigns', text: 'mayor', tagIds: [tag.id] });
      await drainRelatedJobs(ctx);
      await deleteTag(ctx, testAdministrator, tag.id);
      assert.equal(await ctx.repos.related.pendingCount(), 2);
      await drainRelatedJobs(ctx);
      await assertListsAsFullRecompute(ctx, site.storage);
    });

    test('a long queue is built at once, and the lists equal a full recompute before and after further steps', async () => {
      const { ctx } = site;
      const existing = await ctx.repos.posts.list({}, { offset: 0, limit: 1000 });
      for (const post of existing) await deletePost(ctx, post.id);
      await drainRelatedJobs(ctx);
      const pick = (i: number, n: number) =>
        Array.from({ length: n }, (_, k) => words[(i * 7 + k * 3) % words.length]);
      const ids: string[] = [];
      for (let i = 0; i < bulkBuildFrom + 20; i++)
        ids.push(
          await aPublishedPost(ctx, {
            title: pick(i, 2).join(' '),
            text: pick(i + 1, 5).join(' '),
            tagIds: [tagIds[i % tagIds.length]!],
          }),
        );
      assert.equal(await ctx.repos.related.pendingCount(), bulkBuildFrom + 20);
      const changes = site.events.changeCount;
      assert.equal(await drainRelatedJobs(ctx), bulkBuildFrom + 20);
      assert.equal(await ctx.repos.related.pendingCount(), 0);
      assert.ok(site.events.changeCount > changes, 'the bulk build drops the cached pages');
      await assertListsAsFullRecompute(ctx, site.storage);
      for (let i = 0; i < 5; i++)
        await updatePost(ctx, ids[i * 13]!, { body: documentFromText(pick(i + 3, 6).join(' ')) });
      await deletePost(ctx, ids[1]!);
      await drainRelatedJobs(ctx);
      await assertListsAsFullRecompute(ctx, site.storage);
    });

    test('a tag held by more posts than its window: posts entering and leaving it keep every list as a full recompute', async () => {
      const { ctx } = site;
      const existing = await ctx.repos.posts.list({}, { offset: 0, limit: 1000 });
      for (const post of existing) await deletePost(ctx, post.id);
      await drainRelatedJobs(ctx);
      const [common, other] = tagIds;
      const day = (n: number) => new Date(Date.UTC(2026, 0, 1) + n * 86_400_000).toISOString();
      const ids: string[] = [];
      for (let i = 0; i < recentPerLabel + 6; i++)
        ids.push(
          await aPublishedPost(ctx, {
            title: words[i % words.length]!,
            text: `${words[(i * 3) % words.length]} ${words[(i * 7) % words.length]}`,
            tagIds: i % 4 === 0 ? [common!, other!] : [common!],
            publishedAt: day(i),
          }),
        );
      await drainRelatedJobs(ctx);
      await assertListsAsFullRecompute(ctx, site.storage);
      const changes: (() => Promise<unknown>)[] = [
        // The newest post pushes the oldest holder out of the window.
        () =>
          aPublishedPost(ctx, {
            title: 'ferry',
            text: 'ferry quota',
            tagIds: [common!],
            publishedAt: day(400),
          }),
        // A holder inside the window leaves it: the first outside comes in.
        () => deletePost(ctx, ids[recentPerLabel]!),
        () => updatePost(ctx, ids[recentPerLabel + 2]!, { status: 'draft' }),
        // Moved back in time, out of the window; another moved forward into it.
        () => updatePost(ctx, ids[recentPerLabel + 4]!, { publishedAt: day(-10) }),
        () => updatePost(ctx, ids[1]!, { publishedAt: day(300) }),
        // Tags taken off and put on a post in the window.
        () => updatePost(ctx, ids[recentPerLabel + 5]!, { tagIds: [other!] }),
        () => updatePost(ctx, ids[recentPerLabel + 5]!, { tagIds: [common!, other!] }),
        () => updatePost(ctx, ids[recentPerLabel + 2]!, { status: 'published' }),
      ];
      for (const change of changes) {
        await change();
        await drainRelatedJobs(ctx);
        await assertListsAsFullRecompute(ctx, site.storage);
      }
    });

    test('a draft save queues nothing and announces nothing', async () => {
      const { ctx } = site;
      await drainRelatedJobs(ctx);
      const id = await createPost(ctx, { title: 'Glacier draft', body: documentFromText('glacier salmon') });
      const changes = site.events.changeCount;
      for (let i = 0; i < 5; i++)
        await updatePost(ctx, id, { body: documentFromText(`glacier salmon ${i}`) });
      assert.equal(await ctx.repos.related.pendingCount(), 0);
      assert.equal(site.events.changeCount, changes);
    });
  });
}
