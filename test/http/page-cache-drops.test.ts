import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { KyselyPlugin } from 'kysely';
import { documentFromText } from '../../src/domain/posts/editor-document.js';
import { drainRelatedJobs } from '../../src/domain/posts/related-job.js';
import { createPost, updatePost } from '../../src/domain/posts/save-post.js';
import { updateTag } from '../../src/domain/taxonomy/tags.js';
import { createRepositories } from '../../src/storage/repositories/index.js';
import { aPublishedPost, aTag, anAuthor } from '../helpers/factories.js';
import { signInAs, paragraph } from '../helpers/admin.js';
import { createTestApp, type TestApp } from '../helpers/http.js';
import { dialects } from '../helpers/sites.js';
import { testAdministrator } from '../helpers/actors.js';

/*
 * Saves cost what they change: a publish drops (and so shows on) exactly the pages that list the post,
 * a draft save drops nothing and does no site-wide work, and the related job drops the pages whose
 * "Check Also" it changed.
 */

for (const dialect of dialects) {
  describe(`page cache drops on ${dialect.name}`, { skip: dialect.skip }, () => {
    let t: TestApp;
    before(async () => {
      t = await createTestApp(dialect.name);
    });
    after(async () => t?.destroy());

    test('a publish shows on the next request everywhere that lists it; a draft save drops nothing', async () => {
      const { ctx } = t.site;
      const tag = await aTag(ctx, 'Fisheries');
      const author = await anAuthor(ctx, 'Kari Nord');
      const first = await aPublishedPost(ctx, {
        title: 'Cod quotas cut again',
        slug: 'cod-quotas',
        tagIds: [tag.id],
        authorIds: [author.id],
        text: 'Cod quotas trawlers fisheries harbour.',
      });
      await aPublishedPost(ctx, { title: 'Opera season opens', slug: 'opera', text: 'Singers and violins.' });
      await drainRelatedJobs(ctx);
      const listing = [
        '/',
        `/tag/${tag.slug}/`,
        `/author/${author.slug}/`,
        '/rss.xml',
        '/atom.xml',
        '/feed.json',
        '/sitemap-posts-1.xml',
        '/sitemap-news.xml',
      ];
      const unrelated = '/opera/';
      for (const path of [...listing, unrelated, '/cod-quotas/'])
        assert.equal((await t.get(path)).statusCode, 200, path);
      for (const path of [...listing, unrelated]) assert.ok(t.cache.has(path), `${path} cached`);

      const draft = await createPost(ctx, {
        title: 'Trawler draft',
        tagIds: [tag.id],
        authorIds: [author.id],
      });
      await updatePost(ctx, draft, { body: documentFromText('cod quotas trawlers') });
      for (const path of [...listing, unrelated, '/cod-quotas/'])
        assert.ok(t.cache.has(path), `${path} is still cached after a draft save`);

      await updatePost(ctx, draft, {
        title: 'Trawlers protest cod quotas',
        slug: 'trawlers-protest',
        status: 'published',
      });
      for (const path of listing) {
        assert.ok(!t.cache.has(path), `${path} dropped by the publish`);
        const page = await t.get(path);
        assert.match(page.body, /trawlers-protest/, `${path} lists the new post on the next request`);
      }
      assert.ok(t.cache.has(unrelated), 'a page that does not show the post stays cached');

      assert.ok(t.cache.has('/cod-quotas/'));
      await drainRelatedJobs(ctx);
      assert.ok(!t.cache.has('/cod-quotas/'), 'the related job dropped the page whose Check Also changed');
      const page = await t.get('/cod-quotas/');
      assert.match(
        /<section class="related"[\s\S]*?<\/section>/.exec(page.body)?.[0] ?? '',
        /trawlers-protest/,
      );
      assert.ok(t.cache.has(unrelated));
      assert.ok(first);
    });

    test('a tag rename drops its pages and the pages of its posts, nothing else', async () => {
      const { ctx } = t.site;
      const tag = await aTag(ctx, 'Glaciers');
      await aPublishedPost(ctx, { title: 'Glacier retreats', slug: 'glacier-retreats', tagIds: [tag.id] });
      await aPublishedPost(ctx, { title: 'Ferry timetable', slug: 'ferry-timetable' });
      const paths = [`/tag/${tag.slug}/`, '/glacier-retreats/', '/ferry-timetable/', '/'];
      for (const path of paths) assert.equal((await t.get(path)).statusCode, 200, path);
      await updateTag(ctx, testAdministrator, tag.id, { name: 'Ice and glaciers' });
      assert.ok(!t.cache.has(`/tag/${tag.slug}/`));
      assert.ok(!t.cache.has('/glacier-retreats/'));
      assert.match((await t.get('/glacier-retreats/')).body, /Ice and glaciers/);
      assert.ok(t.cache.has('/ferry-timetable/'));
      assert.ok(t.cache.has('/'));
    });

    test('a draft autosave runs as many SQL statements on a site of 200 posts as on one of 20', async () => {
      const { ctx } = t.site;
      let statements = 0;
      const counter: KyselyPlugin = {
        transformQuery: (args) => {
          statements++;
          return args.node;
        },
        transformResult: async (args) => args.result,
      };
      const original = ctx.repos;
      const editor = await signInAs(t, 'editor');
      const autosaveCost = async () => {
        const created = await editor.request('POST', '/admin/api/posts', { title: 'Long read in progress' });
        const { post } = created.json() as { post: { id: string } };
        ctx.repos = createRepositories(
          t.site.storage.db.withPlugin(counter),
          false,
          t.site.storage.capabilities,
        );
        statements = 0;
        try {
          const res = await editor.request('PATCH', `/admin/api/posts/${post.id}`, {
            body: paragraph('A paragraph typed a minute ago.'),
            autosave: true,
          });
          assert.equal(res.statusCode, 200);
          return statements;
        } finally {
          ctx.repos = original;
        }
      };
      const published = async (n: number) => {
        for (let i = 0; i < n; i++)
          await aPublishedPost(ctx, { title: `Archive story ${i}`, text: `Harbour council budget ${i}.` });
      };
      const count = await ctx.repos.posts.count({});
      await published(Math.max(0, 20 - count));
      const at20 = await autosaveCost();
      await published(180);
      const at200 = await autosaveCost();
      assert.ok(at20 > 0);
      assert.equal(at200, at20);
    });
  });
}
