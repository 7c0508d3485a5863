import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { importWordPressExport } from '../../src/domain/import/import-wordpress.js';
import { systemActor } from '../../src/domain/staff/permissions.js';
import { createWordPressImportPorts } from '../../src/main.js';
import { createTestApp, type TestApp } from '../helpers/http.js';
import { dialects } from '../helpers/sites.js';

/*
 * The Theme Unit Test imported, then asked for at its old addresses through the real HTTP app:
 * every old permalink of a published post, `?p=`, `?page_id=`, category and tag archives and their
 * feeds, date archives and attachment pages answer 301 to a page that answers 200 (or, for an
 * attachment that belongs to no published post, to its image). Links between the posts point at the
 * new addresses. Date archives follow the permalinks' prefix (`/archives/date/2024/05/`).
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

    test('date archives by year, month and day, and ?m=, lead to the front page', async () => {
      for (const path of ['/2012/', '/2012/01/', '/2012/01/07/', '/?m=2012', '/?m=201201', '/?m=20120107'])
        assert.deepEqual(await follow(path), { location: '/', status: 200 }, path);
      const redirects = await t.site.ctx.repos.redirects.list();
      const dated = redirects.filter((r) => /^\/\d{4}\/(\d{2}\/){0,2}$/.test(r.fromPath));
      assert.ok(dated.length > 20, `${dated.length} date archives`);
      assert.ok(dated.every((r) => r.toUrl === '/'));
      assert.equal((await t.get('/1999/')).statusCode, 404, 'a year without posts is no old address');
    });

    test('attachment pages: by ?attachment_id= and by permalink, to the post that shows the image', async () => {
      for (const path of [
        '/?attachment_id=611',
        '/2010/09/10/post-format-gallery/canola2/',
        '/2010/09/10/post-format-gallery/dsc20050727_091048_222/',
      ])
        assert.deepEqual(await follow(path), { location: '/post-format-gallery/', status: 200 }, path);
      const redirects = await t.site.ctx.repos.redirects.list();
      const attachments = redirects.filter((r) => r.fromPath.startsWith('/?attachment_id='));
      assert.ok(attachments.length >= 30, `${attachments.length} attachment pages`);
      for (const redirect of attachments) {
        const first = await t.get(redirect.fromPath);
        assert.equal(first.statusCode, 301, redirect.fromPath);
        const location = String(first.headers.location);
        if (location.startsWith('/'))
          assert.equal((await t.get(location)).statusCode, 200, `${redirect.fromPath} → ${location}`);
        else
          assert.match(
            location,
            /^https:\/\/wpthemetestdata\.files\.wordpress\.com\/.+\.[a-z0-9]+$/i,
            `${redirect.fromPath}: an attachment of no published post leads to its image`,
          );
      }
    });

    test('links inside the imported posts to old addresses that redirect are rewritten', async () => {
      const published = await t.site.ctx.repos.posts.list(
        { statuses: ['published'] },
        { offset: 0, limit: 500 },
        'teaser',
      );
      let links = 0;
      for (const { id } of published) {
        const post = (await t.site.ctx.repos.posts.findById(id))!;
        for (const [, href] of post.bodyHtml.matchAll(/<a [^>]*href="([^"]+)"/g)) {
          const decoded = href!.replace(/&amp;/g, '&');
          links++;
          const old = /^https?:\/\/wpthemetestdata\.wordpress\.com(\/[^#]*)?/.exec(decoded);
          if (!old) continue;
          // A link to the old site left as written is one to a page the export does not hold.
          const answer = await t.get(old[1] ?? '/');
          assert.notEqual(
            answer.statusCode,
            301,
            `${post.slug}: ${decoded} was not rewritten to its new address`,
          );
        }
      }
      assert.ok(links > 20, `${links} links`);
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

    test('date archives under the prefix of permalinks that start with the post id', async () => {
      const work = mkdtempSync(join(tmpdir(), 'broadsheet-archives-'));
      try {
        const file = join(work, 'archives.xml');
        writeFileSync(file, archivesExport());
        await importWordPressExport(t.site.ctx, systemActor('import test'), {
          files: [file],
          ports: createWordPressImportPorts(),
        });
        assert.deepEqual(await follow('/archives/date/2019/03/'), { location: '/', status: 200 });
        assert.deepEqual(await follow('/archives/date/2019/03/14/'), { location: '/', status: 200 });
        assert.deepEqual(await follow('/archives/8001'), { location: '/archived-story/', status: 200 });
        assert.deepEqual(await follow('/?attachment_id=8002'), { location: '/archived-story/', status: 200 });
        const next = (
          await t.site.ctx.repos.posts.list({ statuses: ['published'] }, { offset: 0, limit: 500 }, 'teaser')
        ).find((p) => p.slug === 'next-story')!;
        const html = (await t.site.ctx.repos.posts.findById(next.id))!.bodyHtml;
        assert.match(
          html,
          /<a href="\/archived-story\/">the story<\/a>/,
          'a link to a permalink is rewritten',
        );
        assert.match(html, /<a href="\/archived-story\/">its photo<\/a>/, 'a link to an attachment page too');
        assert.match(html, /<a href="\/">March 2019<\/a>/, 'and one to a date archive');
      } finally {
        rmSync(work, { recursive: true, force: true });
      }
    });
  });
}

/** A small export of a site whose permalinks are `/archives/%post_id%/`, one post and its photo. */
function archivesExport(): string {
  const item = (fields: string) => `<item>${fields}<dc:creator>kari</dc:creator></item>`;
  return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="http://wordpress.org/export/1.2/">
<channel><title>Archived</title><link>https://archived.example</link><wp:wxr_version>1.2</wp:wxr_version>
<wp:base_blog_url>https://archived.example</wp:base_blog_url>
${item(`<title>Archived story</title><link>https://archived.example/archives/8001</link>
<content:encoded><![CDATA[<p>From the archive.</p>]]></content:encoded><wp:post_id>8001</wp:post_id>
<wp:post_date>2019-03-14 10:00:00</wp:post_date><wp:post_date_gmt>2019-03-14 09:00:00</wp:post_date_gmt>
<wp:post_name>archived-story</wp:post_name><wp:status>publish</wp:status><wp:post_type>post</wp:post_type>`)}
${item(`<title>Next story</title><link>https://archived.example/archives/8003</link>
<content:encoded><![CDATA[<p>See <a href="https://archived.example/archives/8001">the story</a>, <a href="https://archived.example/?attachment_id=8002">its photo</a> and <a href="https://archived.example/archives/date/2019/03/">March 2019</a>.</p>]]></content:encoded>
<wp:post_id>8003</wp:post_id><wp:post_date>2019-03-15 10:00:00</wp:post_date><wp:post_date_gmt>2019-03-15 09:00:00</wp:post_date_gmt>
<wp:post_name>next-story</wp:post_name><wp:status>publish</wp:status><wp:post_type>post</wp:post_type>`)}
${item(`<title>Photo</title><link>https://archived.example/?attachment_id=8002</link><wp:post_id>8002</wp:post_id>
<wp:post_parent>8001</wp:post_parent><wp:status>inherit</wp:status><wp:post_type>attachment</wp:post_type>
<wp:attachment_url>https://archived.example/wp-content/uploads/2019/03/photo.jpg</wp:attachment_url>`)}
</channel></rss>`;
}
