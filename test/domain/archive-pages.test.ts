import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { visitor } from '../../src/domain/posts/post.types.js';
import { listPosts, type PostListQuery } from '../../src/domain/posts/read-posts.js';
import { createPost, deletePost, updatePost } from '../../src/domain/posts/save-post.js';
import { aPublishedPost, aTag, anAuthor } from '../helpers/factories.js';
import { createTestSite, dialects, type TestSite } from '../helpers/sites.js';

const pageSize = 4;

/** Every page of a list, walked by its `next` links as a reader would, until there is none. */
async function walk(site: TestSite, query: Omit<PostListQuery, 'viewer' | 'page' | 'limit'>) {
  const pages: string[][] = [];
  for (let page: number | null = 1; page !== null && pages.length < 100;) {
    const list = await listPosts(site.ctx, { ...query, viewer: visitor, page, limit: pageSize });
    assert.ok(list.posts.length <= pageSize);
    assert.equal(list.pagination.prev, page > 1 ? page - 1 : null);
    pages.push(list.posts.map((p) => p.id));
    page = list.pagination.next;
  }
  const after = await listPosts(site.ctx, {
    ...query,
    viewer: visitor,
    page: pages.length + 1,
    limit: pageSize,
  });
  assert.deepEqual(after.posts, [], 'the page after the last is empty');
  return pages;
}

const sorted = (ids: string[]) => [...ids].sort();

for (const dialect of dialects) {
  describe(`archive pages on ${dialect.name}`, { skip: dialect.skip }, () => {
    let site: TestSite;
    before(async () => {
      site = await createTestSite(dialect.name);
    });
    after(async () => site?.destroy());

    test('every visible post appears exactly once across the pages; drafts, scheduled posts and pages never', async () => {
      const { ctx } = site;
      const tag = await aTag(ctx, 'Archive walk');
      const author = await anAuthor(ctx, 'Walker Archive');
      const shared = { tagIds: [tag.id], authorIds: [author.id] };
      const visible: string[] = [];
      // Ties on the publication time: the order still has to be total, or a post could fall between pages.
      for (let i = 0; i < 9; i++)
        visible.push(
          await aPublishedPost(ctx, { ...shared, publishedAt: `2024-0${1 + (i % 3)}-01T10:00:00.000Z` }),
        );
      await createPost(ctx, { ...shared, title: 'A draft' });
      await createPost(ctx, {
        ...shared,
        title: 'Scheduled',
        status: 'scheduled',
        publishedAt: new Date(Date.now() + 86_400_000).toISOString(),
      });
      await createPost(ctx, { ...shared, title: 'A page', type: 'page', status: 'published' });
      for (const query of [{ tagId: tag.id }, { authorId: author.id }, {}]) {
        const pages = await walk(site, query);
        const seen = pages.flat();
        assert.equal(new Set(seen).size, seen.length, 'no post on two pages');
        if (query.tagId || query.authorId) {
          assert.deepEqual(sorted(seen), sorted(visible));
          assert.equal(pages.length, Math.ceil(visible.length / pageSize));
        } else for (const id of visible) assert.ok(seen.includes(id));
      }
    });

    test('a list that fills its last page exactly offers no older page', async () => {
      const { ctx } = site;
      const tag = await aTag(ctx, 'Exactly two pages');
      for (let i = 0; i < pageSize * 2; i++) await aPublishedPost(ctx, { tagIds: [tag.id] });
      const pages = await walk(site, { tagId: tag.id });
      assert.deepEqual(
        pages.map((p) => p.length),
        [pageSize, pageSize],
      );
      const second = await listPosts(ctx, { viewer: visitor, tagId: tag.id, page: 2, limit: pageSize });
      assert.equal(second.pagination.next, null);
    });

    test('a translated story is listed once, in the page language where it is published in it', async () => {
      const { ctx } = site;
      const tag = await aTag(ctx, 'Translated walk');
      const english = await aPublishedPost(ctx, { tagIds: [tag.id], language: 'en' });
      const norwegian = await aPublishedPost(ctx, {
        tagIds: [tag.id],
        language: 'nb',
        translationOf: english,
      });
      const draftEnglish = await aPublishedPost(ctx, { tagIds: [tag.id], language: 'nb' });
      await createPost(ctx, { title: 'Draft translation', language: 'en', translationOf: draftEnglish });
      const listed = async (language: string) =>
        sorted((await walk(site, { tagId: tag.id, preferredLanguage: language })).flat());
      assert.deepEqual(await listed('en'), sorted([english, draftEnglish]), 'a draft version hides nothing');
      assert.deepEqual(await listed('nb'), sorted([norwegian, draftEnglish]));
      assert.deepEqual(await listed('de'), sorted([english, norwegian, draftEnglish]));

      await updatePost(ctx, english, { status: 'draft' });
      assert.deepEqual(await listed('en'), sorted([norwegian, draftEnglish]), 'unpublished: the other shows');
      await updatePost(ctx, english, { status: 'published' });
      assert.deepEqual(await listed('en'), sorted([english, draftEnglish]));
      await deletePost(ctx, english);
      assert.deepEqual(await listed('en'), sorted([norwegian, draftEnglish]), 'deleted: the other shows');
    });
  });
}
