import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createPromotion } from '../../src/domain/promos/promotions.js';
import { signInAs, type AdminClient } from '../helpers/admin.js';
import { makeJpeg } from '../helpers/factories.js';
import { createTestApp, type TestApp } from '../helpers/http.js';
import { dialects } from '../helpers/sites.js';
import { testAdministrator } from '../helpers/actors.js';

/*
 * The media "usage" listing tells each role only what it may read (docs/roles.md): a contributor sees
 * the titles of their own posts that show a file, never the titles of other authors' drafts (nor of
 * promotions, which they may not read); those are only counted. The same holds for the refusal to
 * delete a file in use.
 */

const secretTitle = 'Embargoed: the mayor resigns';

for (const dialect of dialects) {
  describe(`media usage as each role may see it on ${dialect.name}`, { skip: dialect.skip }, () => {
    let t: TestApp;
    let contributor: AdminClient;
    let editor: AdminClient;
    let mediaId: string;
    let ownPostId: string;
    let othersDraftId: string;

    before(async () => {
      t = await createTestApp(dialect.name);
      contributor = await signInAs(t, 'contributor', 'Cora Contributor');
      editor = await signInAs(t, 'editor', 'Edda Editor');
      const upload = await t.app.inject({
        method: 'POST',
        url: '/admin/api/media?filename=harbour.jpg',
        headers: { ...contributor.headers, 'content-type': 'image/jpeg' },
        payload: await makeJpeg(64, 64),
      });
      assert.equal(upload.statusCode, 201, upload.body);
      mediaId = upload.json().media.id;
      const featuredImage = { mediaId, alt: 'The harbour' };
      const own = await contributor.request('POST', '/admin/api/posts', {
        title: 'My harbour piece',
        featuredImage,
      });
      assert.equal(own.statusCode, 201, own.body);
      ownPostId = own.json().post.id;
      const others = await editor.request('POST', '/admin/api/posts', { title: secretTitle, featuredImage });
      assert.equal(others.statusCode, 201, others.body);
      othersDraftId = others.json().post.id;
      await createPromotion(t.site.ctx, testAdministrator, {
        title: 'Secret book launch',
        linkUrl: '/book/',
        imageMediaId: mediaId,
      });
    });
    after(async () => t?.destroy());

    test('a contributor sees their own post by title and the other author’s draft only counted', async () => {
      const res = await contributor.request('GET', `/admin/api/media/${mediaId}`);
      assert.equal(res.statusCode, 200, res.body);
      const { usage, usedElsewhere } = res.json().media;
      assert.deepEqual(
        usage.map((u: { id: string }) => u.id),
        [ownPostId],
      );
      assert.deepEqual([...usedElsewhere].sort(), ['a post you cannot open', 'a promotion']);
      assert.ok(!res.body.includes(secretTitle), 'the draft’s title does not leave the server');
      assert.ok(!res.body.includes(othersDraftId), 'nor its id');
      assert.ok(!res.body.includes('Secret book launch'), 'nor the promotion’s title');
    });

    test('an editor sees every post and the promotion by title', async () => {
      const { usage, usedElsewhere } = (await editor.request('GET', `/admin/api/media/${mediaId}`)).json()
        .media;
      assert.deepEqual(usage.map((u: { id: string }) => u.id).sort(), [ownPostId, othersDraftId].sort());
      assert.deepEqual(usedElsewhere, ['the promotion "Secret book launch"']);
    });

    test('the refusal to delete a file in use names only what the contributor may read', async () => {
      const res = await contributor.request('DELETE', `/admin/api/media/${mediaId}`);
      assert.equal(res.statusCode, 409, res.body);
      assert.match(res.body, /My harbour piece/);
      assert.ok(!res.body.includes(secretTitle), res.body);
      assert.ok(!res.body.includes('Secret book launch'), res.body);
    });
  });
}
