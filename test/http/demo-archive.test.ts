import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { demoArchivedUrl } from '../../src/demo/archived-source.js';
import { loadDemoSite } from '../../src/demo/load-demo-site.js';
import { markSiteInitialized } from '../../src/domain/settings/site-state.js';
import { signInAs } from '../helpers/admin.js';
import { createTestApp, type TestApp } from '../helpers/http.js';
import { dialects } from '../helpers/sites.js';

/*
 * The demo's evidence story, with no network: the lead story's first source was archived when the
 * story was published and has since gone; the article reads it from its copy, and the link-health
 * screen lists it as gone.
 */

for (const dialect of dialects) {
  describe(`the demo's archived source on ${dialect.name}`, { skip: dialect.skip }, () => {
    let t: TestApp;
    before(async () => {
      t = await createTestApp(dialect.name);
      await loadDemoSite(t.site.ctx, undefined, undefined, t.site.sourceArchive);
      await markSiteInitialized(t.site.ctx);
    });
    after(async () => t?.destroy());

    test('the article marks the gone source and links its archived copy, in both languages', async () => {
      for (const [path, gone] of [
        ['/brenna-valley-abuses-kessan-forces/', 'No longer at its address'],
        ['/overgrep-i-brennadalen/', 'Ikke lenger på adressen sin'],
      ] as const) {
        const page = (await t.get(path)).body;
        const box = /<section class="sources"[\s\S]*?<\/section>/.exec(page)![0];
        assert.ok(box.includes(gone), path);
        const copy = /<li class="source source-gone">[\s\S]*?href="(\/archive\/[0-9a-f]{24}\/)"/.exec(
          box,
        )?.[1];
        assert.ok(copy, `${path} links the archived copy`);
        assert.ok(box.includes(`data-originalurl="${demoArchivedUrl}"`));
        const archived = await t.get(copy);
        assert.equal(archived.statusCode, 200);
        assert.ok(archived.body.includes(`href="${demoArchivedUrl}"`), 'the banner names the original');
        assert.match(archived.body, /Nine villages, one pattern/);
        assert.doesNotMatch(archived.body, /<script|<iframe|<form|onload=|onclick=/);
      }
    });

    test('the link-health screen lists it as gone, with its posts', async () => {
      const editor = await signInAs(t, 'editor');
      const answer = (await editor.request('GET', '/admin/api/sources?state=gone')).json();
      assert.deepEqual(
        answer.sources.map((s: { url: string }) => s.url),
        [demoArchivedUrl, demoArchivedUrl],
      );
      assert.deepEqual(answer.sources.map((s: { post: { slug: string } }) => s.post.slug).sort(), [
        'brenna-valley-abuses-kessan-forces',
        'overgrep-i-brennadalen',
      ]);
    });
  });
}
