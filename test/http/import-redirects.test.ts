import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { importWordPressExport } from '../../src/domain/import/import-wordpress.js';
import { systemActor } from '../../src/domain/staff/permissions.js';
import { createWordPressImportPorts } from '../../src/main.js';
import { createTestApp, type TestApp } from '../helpers/http.js';
import { dialects } from '../helpers/sites.js';

/*
 * The Theme Unit Test imported, then asked for at its old addresses through the real HTTP app:
 * every old permalink of a published post, `?p=`, `?page_id=`, category and tag archives and their
 * feeds answer 301 to a page that answers 200.
 */

const themeUnitTest = 'test/fixtures/wxr/theme-test-data/themeunittestdata.wordpress.xml';

for (const dialect of dialects) {
  describe(`old WordPress addresses after an import on ${dialect.name}`, { skip: dialect.skip }, () => {
    let t: TestApp;

    before(async () => {
      t = await createTestApp(dialect.name);
      await importWordPressExport(t.site.ctx, systemActor('import test'), {
        files: [themeUnitTest],
        ports: createWordPressImportPorts(),
      });
    });
    after(() => t.destroy());

    async function follow(path: string): Promise<{ location: string; status: number }> {
      const first = await t.get(path);
      assert.equal(first.statusCode, 301, `${path} answers ${first.statusCode}`);
      const location = String(first.headers.location);
      const target = await t.get(location);
      return { location, status: target.statusCode };
    }

    test('every published post and page: its old permalink and ?p= redirect to a page that answers 200', async () => {
      const published = await t.site.ctx.repos.posts.list(
        { statuses: ['published'] },
        { offset: 0, limit: 500 },
        'teaser',
      );
      const slugs = new Set(published.map((p) => `/${encodeURIComponent(p.slug)}/`));
      const redirects = await t.site.ctx.repos.redirects.list();
      const toPosts = redirects.filter((r) => slugs.has(r.toUrl));
      assert.ok(toPosts.length >= 2 * published.length - 25, `${toPosts.length} redirects to posts`);
      for (const redirect of toPosts) {
        const { location, status } = await follow(redirect.fromPath);
        assert.equal(location, redirect.toUrl);
        assert.equal(status, 200, `${redirect.fromPath} → ${location} answers ${status}`);
      }
    });

    test('named old addresses: a dated permalink, ?p=, ?page_id=, a nested category, tag and category feeds', async () => {
      assert.deepEqual(await follow('/2012/01/07/template-sticky/'), {
        location: '/template-sticky/',
        status: 200,
      });
      assert.deepEqual(await follow('/?p=1241'), { location: '/template-sticky/', status: 200 });
      assert.deepEqual(await follow('/?page_id=2'), { location: '/about/', status: 200 });
      assert.deepEqual(await follow('/category/parent/child-1/child-2/'), {
        location: '/tag/child-2/',
        status: 200,
      });
      assert.deepEqual(await follow('/category/classic/feed/'), {
        location: '/tag/classic/rss.xml',
        status: 200,
      });
      assert.deepEqual(await follow('/tag/sticky-2/feed/'), {
        location: '/tag/sticky-2/rss.xml',
        status: 200,
      });
    });

    test('the imported page itself, and addresses that are not old ones', async () => {
      const page = await t.get('/template-sticky/');
      assert.equal(page.statusCode, 200);
      assert.match(page.body, /Template: Sticky/);
      assert.match(page.body, /This is a sticky post/);
      assert.doesNotMatch(page.body, /<script(?![^>]*application\/ld\+json)/);
      assert.equal((await t.get('/')).statusCode, 200);
      assert.equal((await t.get('/?p=99999999')).statusCode, 200, 'an unknown id is the home page');
      assert.equal((await t.get('/?p=1241&x=1')).statusCode, 301);
    });
  });
}
