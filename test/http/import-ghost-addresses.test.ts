import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { importGhost, lexicalExport, redirectsYaml } from '../helpers/ghost-import.js';
import { createTestApp, type TestApp } from '../helpers/http.js';
import { dialects } from '../helpers/sites.js';

/*
 * The Ghost 5 fixture imported with its redirects.yaml, then asked for at Ghost's addresses through
 * the real HTTP app: post slugs, /tag/x/, /author/x/ and /rss/ answer 200 as they are; the tag and
 * author feeds, AMP pages and Ghost's own redirects answer 301 to a page that answers 200; an
 * internal tag has no page anywhere.
 */

for (const dialect of dialects) {
  describe(`Ghost addresses after an import on ${dialect.name}`, { skip: dialect.skip }, () => {
    let t: TestApp;

    before(async () => {
      t = await createTestApp(dialect.name);
      await importGhost(t.site.ctx, lexicalExport, { redirectsFile: redirectsYaml });
    });
    after(() => t.destroy());

    async function follow(path: string): Promise<{ location: string; status: number }> {
      const first = await t.get(path);
      assert.equal(first.statusCode, 301, `${path} answers ${first.statusCode}`);
      const location = String(first.headers.location);
      const target = await t.get(location);
      return { location, status: target.statusCode };
    }

    test("Ghost's own addresses answer as they are: post and page slugs, tags, authors, the feed", async () => {
      for (const path of ['/harbour-board-votes/', '/about/', '/tag/harbour/', '/author/kari/', '/rss/']) {
        const answer = await t.get(path);
        assert.equal(answer.statusCode, 200, `${path} answers ${answer.statusCode}`);
      }
      const page = await t.get('/harbour-board-votes/');
      assert.match(page.body, /Harbour board votes again/);
      assert.match(page.body, /The harbour board met on/);
      assert.doesNotMatch(page.body, /<script(?![^>]*application\/ld\+json)/);
      assert.doesNotMatch(page.body, /javascript:|onerror=/);
      assert.equal((await t.get('/for-members/')).statusCode, 404, 'a members-only post is not public');
    });

    test('an internal tag (#name) stays internal: no page, no feed, not on the post, the sitemap or search', async () => {
      assert.equal((await t.get('/tag/hash-featured-top/')).statusCode, 404);
      assert.equal((await t.get('/tag/hash-featured-top/rss.xml')).statusCode, 404);
      assert.equal((await t.get('/tag/hash-featured-top/rss/')).statusCode, 404, 'no redirect made for it');
      const page = await t.get('/harbour-board-votes/');
      assert.match(page.body, /Ferries/);
      assert.doesNotMatch(page.body, /featured-top/);
      const sitemap = await t.get('/sitemap-tags-1.xml');
      assert.equal(sitemap.statusCode, 200);
      assert.match(sitemap.body, /\/tag\/harbour\//);
      assert.doesNotMatch(sitemap.body, /hash-featured-top/);
      assert.doesNotMatch((await t.get('/topics/')).body, /featured-top/);
      const found = await t.get('/search/?q=ferries');
      assert.match(found.body, /href="\/harbour-board-votes\/"/, 'the search finds the post');
      const hidden = await t.get('/search/?q=featured');
      assert.equal(hidden.statusCode, 200);
      assert.doesNotMatch(hidden.body, /href="\/harbour-board-votes\/"/, 'but not by its internal tag');
    });

    test('feeds, AMP pages and the redirects file: 301 to a page that answers 200', async () => {
      assert.deepEqual(await follow('/tag/harbour/rss/'), { location: '/tag/harbour/rss.xml', status: 200 });
      assert.deepEqual(await follow('/author/kari/rss/'), { location: '/author/kari/rss.xml', status: 200 });
      assert.deepEqual(await follow('/harbour-board-votes/amp/'), {
        location: '/harbour-board-votes/',
        status: 200,
      });
      assert.deepEqual(await follow('/old-harbour-story/'), {
        location: '/harbour-board-votes/',
        status: 200,
      });
      assert.deepEqual(await follow('/archive/2019/'), { location: '/tag/harbour/', status: 200 });
      const temporary = await t.get('/summer/');
      assert.equal(temporary.statusCode, 302);
      assert.equal(temporary.headers.location, 'https://fjordpost.example/tag/ferries/');
    });

    test('every redirect the import stored to a path on this site leads to a page that answers 200', async () => {
      const redirects = (await t.site.ctx.repos.redirects.list()).filter((r) => r.toUrl.startsWith('/'));
      assert.ok(redirects.length >= 9, `${redirects.length} redirects`);
      for (const redirect of redirects) {
        const { location, status } = await follow(redirect.fromPath);
        assert.equal(location, redirect.toUrl);
        assert.equal(status, 200, `${redirect.fromPath} → ${location} answers ${status}`);
      }
    });
  });
}
