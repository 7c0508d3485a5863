import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { documentFromText } from '../../src/domain/posts/editor-document.js';
import { createPost } from '../../src/domain/posts/save-post.js';
import { archiveDueSources } from '../../src/domain/sources/archive-sources.js';
import { recordLinkCheck } from '../../src/domain/sources/link-health.js';
import { systemActor } from '../../src/domain/staff/permissions.js';
import { signInAs, type AdminClient } from '../helpers/admin.js';
import { createTestApp, type TestApp } from '../helpers/http.js';
import { startLoopbackWeb, type LoopbackWeb } from '../helpers/loopback-web.js';
import { dialects } from '../helpers/sites.js';

/*
 * The link-health screen's endpoints: sources by state, keyset pages, the posts citing them, a
 * source's history, and "re-archive now", each under the role matrix.
 */

for (const dialect of dialects) {
  describe(`link health in the Admin API on ${dialect.name}`, { skip: dialect.skip }, () => {
    let web: LoopbackWeb;
    let t: TestApp;
    let editor: AdminClient;
    let postId = '';
    const actor = systemActor('test');

    before(async () => {
      web = await startLoopbackWeb();
      t = await createTestApp(dialect.name, {}, { fetcher: web.fetcher() });
      editor = await signInAs(t, 'editor');
      for (let i = 0; i < 5; i++)
        web.page(`/s${i}`, `<title>Story ${i}</title><article><p>Story number ${i}.</p></article>`);
      postId = await createPost(t.site.ctx, {
        title: 'Cited',
        status: 'published',
        body: documentFromText('Text.'),
        sources: [0, 1, 2, 3, 4].map((i) => ({
          publisher: `P${i}`,
          title: `Story ${i}`,
          url: web.url(`/s${i}`),
          note: '',
        })),
      });
      await archiveDueSources(t.site.ctx, t.site.sourceArchive, actor, { hostSpacingMs: 0 });
      const sources = await t.site.ctx.repos.sources.ofPost(postId);
      for (const source of sources.slice(0, 3))
        await recordLinkCheck(t.site.ctx, actor, {
          sourceId: source.id,
          state: 'gone',
          httpStatus: 404,
          finalUrl: source.url,
        });
    });
    after(async () => {
      await t?.destroy();
      await web?.close();
    });

    test('filters by state, pages by keyset, names the post citing each source', async () => {
      const first = await editor.request('GET', '/admin/api/sources?state=gone&limit=2');
      assert.equal(first.statusCode, 200, first.body);
      const page = first.json() as {
        sources: { id: string; linkStatus: string; archivePath: string; post: { id: string } }[];
        next: string;
      };
      assert.equal(page.sources.length, 2);
      assert.ok(page.sources.every((s) => s.linkStatus === 'gone' && s.post.id === postId));
      assert.match(page.sources[0]!.archivePath, /^\/archive\/[0-9a-f]{24}\/$/);
      const second = (
        await editor.request('GET', `/admin/api/sources?state=gone&limit=2&after=${page.next}`)
      ).json();
      assert.equal(second.sources.length, 1);
      assert.equal(second.next, null);
      const ok = (await editor.request('GET', '/admin/api/sources?state=unchecked')).json();
      assert.equal(ok.sources.length, 2);
      assert.equal((await editor.request('GET', '/admin/api/sources?state=lost')).statusCode, 422);
    });

    test('a source’s history, and re-archive now', async () => {
      const [source] = await t.site.ctx.repos.sources.ofPost(postId);
      const history = (await editor.request('GET', `/admin/api/sources/${source!.id}`)).json();
      assert.deepEqual(
        history.checks.map((c: { state: string }) => c.state),
        ['gone'],
      );
      assert.equal(history.snapshots.length, 1);
      const queued = await editor.request('POST', `/admin/api/sources/${source!.id}/archive`, {});
      assert.equal(queued.statusCode, 202, queued.body);
      assert.equal(await archiveDueSources(t.site.ctx, t.site.sourceArchive, actor, { hostSpacingMs: 0 }), 1);
      const again = (await editor.request('GET', `/admin/api/sources/${source!.id}`)).json();
      assert.equal(again.snapshots.length, 2, 'a fresh copy beside the first');
      assert.equal(
        (await editor.request('POST', '/admin/api/sources/000000000000000000000000/archive', {})).statusCode,
        404,
      );
    });

    test('the role matrix: a contributor sees no site-wide list, an author cannot re-archive another’s post', async () => {
      const contributor = await signInAs(t, 'contributor');
      assert.equal((await contributor.request('GET', '/admin/api/sources')).statusCode, 403);
      const author = await signInAs(t, 'author');
      assert.equal((await author.request('GET', '/admin/api/sources')).statusCode, 200);
      const [source] = await t.site.ctx.repos.sources.ofPost(postId);
      assert.equal(
        (await author.request('POST', `/admin/api/sources/${source!.id}/archive`, {})).statusCode,
        403,
      );
      assert.equal((await t.app.inject({ method: 'GET', url: '/admin/api/sources' })).statusCode, 401);
    });
  });
}
