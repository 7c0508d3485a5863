import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { buildArchiveCorpus } from '../../bench/archive-corpus.js';
import { documentFromText } from '../../src/domain/posts/editor-document.js';
import { visitor } from '../../src/domain/posts/post.types.js';
import { createPost } from '../../src/domain/posts/save-post.js';
import { maxCounted } from '../../src/domain/search/search-port.js';
import { searchPosts } from '../../src/domain/search/search-posts.js';
import { aTag } from '../helpers/factories.js';
import { createTestSite, dialects, type TestSite } from '../helpers/sites.js';

/**
 * Search at archive scale on both databases: counts stop at `maxCounted`, ranking reads a bounded
 * window of the newest matches, and a filter that leaves the window short widens it, so an old
 * post the filter keeps is still found, and a draft newer than everything is still never found.
 */

const archivePosts = 1100;

for (const dialect of dialects) {
  describe(`search beyond the ranking window on ${dialect.name}`, { skip: dialect.skip }, () => {
    let site: TestSite;
    let oldTagId: string;

    before(async () => {
      site = await createTestSite(dialect.name);
      // English only, 200 words a post: "government" (the corpus's most common word) is in nearly
      // every post, so more than 1,000 match.
      await buildArchiveCorpus(site.storage.db, site.ctx.repos, {
        posts: archivePosts,
        wordsPerPost: 200,
        norwegianShare: 0,
        tags: 20,
        authors: 2,
      });
      oldTagId = (await aTag(site.ctx, 'Lighthouse archive')).id;
      await createPost(site.ctx, {
        status: 'published',
        slug: 'oldest-lighthouse',
        title: 'The lighthouse of 2001',
        body: documentFromText('The government kept the keeper on.'),
        tagIds: [oldTagId],
        publishedAt: '2001-03-01T10:00:00.000Z',
      });
      await createPost(site.ctx, {
        status: 'draft',
        slug: 'newest-draft',
        title: 'The unpublished lighthouse',
        body: documentFromText('The government and the lighthouse.'),
        tagIds: [oldTagId],
      });
    });
    after(async () => site?.destroy());

    test('a word in more than 1,000 posts: the count stops at 1,000 and says there are more', async () => {
      const outcome = await searchPosts(site.ctx, { viewer: visitor, q: 'government' });
      assert.equal(outcome.total, maxCounted);
      assert.equal(outcome.isTotalCapped, true);
      assert.equal(outcome.results.length, 10);
      assert.equal(outcome.pages, 50);
    });

    test('a count under the cap is exact and not marked', async () => {
      const outcome = await searchPosts(site.ctx, { viewer: visitor, q: 'lighthouse' });
      assert.deepEqual(
        outcome.results.map((r) => r.post.slug),
        ['oldest-lighthouse'],
      );
      assert.equal(outcome.total, 1);
      assert.equal(outcome.isTotalCapped, false);
    });

    test('a filter that keeps only an old post widens the window until it is found', async () => {
      const outcome = await searchPosts(site.ctx, { viewer: visitor, q: 'government', tagId: oldTagId });
      assert.deepEqual(
        outcome.results.map((r) => r.post.slug),
        ['oldest-lighthouse'],
      );
      assert.equal(outcome.total, 1);
    });

    test('the deepest page offered still holds results', async () => {
      const outcome = await searchPosts(site.ctx, { viewer: visitor, q: 'government', page: 50 });
      assert.equal(outcome.page, 50);
      assert.equal(outcome.results.length, 10);
    });
  });
}
