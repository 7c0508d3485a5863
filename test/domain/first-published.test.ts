import assert from 'node:assert/strict';
import { systemActor } from '../../src/domain/staff/permissions.js';
import { after, before, describe, test } from 'node:test';
import { createPost, publishDuePosts, updatePost } from '../../src/domain/posts/save-post.js';
import * as hardening from '../../src/storage/migrations/008-hardening.js';
import { createTestSite, dialects, type TestSite } from '../helpers/sites.js';

/** When a post first went live is kept through unpublishing, and migration 008 fills it in for old posts. */

for (const dialect of dialects) {
  describe(`first publication on ${dialect.name}`, { skip: dialect.skip }, () => {
    let site: TestSite;
    before(async () => {
      site = await createTestSite(dialect.name);
    });
    after(async () => site?.destroy());

    const firstPublished = async (id: string) => (await site.ctx.repos.posts.findById(id))!.firstPublishedAt;

    test('is set when a post goes live, by hand or by the schedule, and survives unpublishing', async () => {
      const id = await createPost(site.ctx, { title: 'Goes live' });
      assert.equal(await firstPublished(id), null);
      await updatePost(site.ctx, id, { status: 'published', publishedAt: '2026-01-05T10:00:00Z' });
      assert.equal(await firstPublished(id), '2026-01-05T10:00:00.000Z');
      await updatePost(site.ctx, id, { status: 'draft', publishedAt: null });
      assert.equal(await firstPublished(id), '2026-01-05T10:00:00.000Z', 'kept through unpublishing');
      const scheduled = await createPost(site.ctx, {
        title: 'Scheduled',
        status: 'scheduled',
        publishedAt: new Date(Date.now() + 60_000).toISOString(),
      });
      assert.equal(await firstPublished(scheduled), null, 'scheduled is not yet published');
      const later = { now: () => new Date(Date.now() + 120_000) };
      assert.ok((await publishDuePosts({ ...site.ctx, clock: later }, systemActor('test'))) >= 1);
      assert.notEqual(await firstPublished(scheduled), null);
    });

    test('migration 008 counts live posts and drafts with a publish date as published before', async () => {
      const live = await createPost(site.ctx, { title: 'Live', status: 'published' });
      const unpublished = await createPost(site.ctx, { title: 'Unpublished', status: 'published' });
      await site.ctx.repos.posts.update(unpublished, { status: 'draft' });
      const draft = await createPost(site.ctx, { title: 'Draft' });
      const db = site.storage.db as never;
      await hardening.down(db);
      await hardening.up(db);
      assert.notEqual(await firstPublished(live), null);
      assert.notEqual(await firstPublished(unpublished), null);
      assert.equal(await firstPublished(draft), null);
    });
  });
}
