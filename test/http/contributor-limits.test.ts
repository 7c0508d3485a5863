import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { importImage } from '../../src/domain/media/import-image.js';
import { paragraph, signInAs, type AdminClient } from '../helpers/admin.js';
import { makeJpeg } from '../helpers/factories.js';
import { createTestApp, type TestApp } from '../helpers/http.js';
import { dialects } from '../helpers/sites.js';

/**
 * What a contributor (and an author) may reach through a post they may edit: the post it translates,
 * the media it shows, and their own posts once those have been published (docs/roles.md).
 */

const figure = (mediaId: string) => ({
  type: 'doc',
  content: [
    { type: 'figure', attrs: { src: `media:${mediaId}`, alt: 'A picture', caption: '', credit: '' } },
  ],
});

for (const dialect of dialects) {
  describe(`contributor limits on ${dialect.name}`, { skip: dialect.skip }, () => {
    let t: TestApp;
    let editor: AdminClient;
    let contributor: AdminClient;

    before(async () => {
      t = await createTestApp(dialect.name);
      editor = await signInAs(t, 'editor');
      contributor = await signInAs(t, 'contributor');
    });
    after(async () => t?.destroy());

    const draftOf = async (client: AdminClient, title: string) => {
      const res = await client.request('POST', '/admin/api/posts', { title, body: paragraph(title) });
      assert.equal(res.statusCode, 201, res.body);
      return res.json().post.id as string;
    };
    const upload = async (client: AdminClient, color: string) =>
      (
        await importImage(t.site.ctx, {
          bytes: await makeJpeg(320, 200, color),
          originalName: `${color.slice(1)}.jpg`,
          uploadedBy: client.staffId,
        })
      ).id;

    test("linking a translation to another's draft changes nothing and tells nothing", async () => {
      const secret = await draftOf(editor, 'Secret merger plans');
      const own = await draftOf(contributor, 'My draft');
      const linked = await contributor.request('PATCH', `/admin/api/posts/${own}`, { translationOf: secret });
      const missing = await contributor.request('PATCH', `/admin/api/posts/${own}`, {
        translationOf: 'no-such-post-id',
      });
      assert.equal(linked.statusCode, 422, linked.body);
      assert.equal(linked.json().errors[0].property, 'translationOf');
      assert.deepEqual(linked.json(), missing.json(), 'the same answer as for a post that does not exist');
      assert.doesNotMatch(linked.body, /Secret merger/);
      const created = await contributor.request('POST', '/admin/api/posts', {
        title: 'Another',
        translationOf: secret,
      });
      assert.equal(created.statusCode, 422, created.body);
      assert.doesNotMatch(created.body, /Secret merger/);
      const original = await t.site.ctx.repos.posts.findById(secret);
      assert.equal(original!.translationGroup, null, "the other's post is unchanged");
    });

    test('the translations shown with a post are only those the caller may read', async () => {
      const own = await draftOf(contributor, 'Mitt utkast');
      const hidden = await draftOf(editor, 'Hidden draft headline');
      const linked = await editor.request('PATCH', `/admin/api/posts/${hidden}`, { translationOf: own });
      assert.equal(linked.statusCode, 200, linked.body);
      const seen = await contributor.request('GET', `/admin/api/posts/${own}`);
      assert.equal(seen.statusCode, 200, seen.body);
      assert.deepEqual(seen.json().post.translations, []);
      assert.doesNotMatch(seen.body, /Hidden draft headline/);
      const asEditor = await editor.request('GET', `/admin/api/posts/${own}`);
      assert.equal(asEditor.json().post.translations[0].title, 'Hidden draft headline');
    });

    test('an author may not link a translation to a post they may read but not edit', async () => {
      const author = await signInAs(t, 'author');
      const theirs = await draftOf(editor, 'An editor story');
      const own = await draftOf(author, 'An author story');
      const res = await author.request('PATCH', `/admin/api/posts/${own}`, { translationOf: theirs });
      assert.equal(res.statusCode, 403, res.body);
      assert.equal((await t.site.ctx.repos.posts.findById(theirs))!.translationGroup, null);
      const mine = await draftOf(author, 'An author story, in Norwegian');
      assert.equal(
        (await author.request('PATCH', `/admin/api/posts/${mine}`, { translationOf: own })).statusCode,
        200,
        'linking their own posts still works',
      );
    });

    test("a post published once and unpublished is out of its contributor's reach", async () => {
      const own = await draftOf(contributor, 'Briefly live');
      assert.equal((await editor.request('POST', `/admin/api/posts/${own}/publish`, {})).statusCode, 200);
      assert.equal((await editor.request('POST', `/admin/api/posts/${own}/unpublish`)).statusCode, 200);
      const edit = await contributor.request('PATCH', `/admin/api/posts/${own}`, { title: 'Rewritten' });
      assert.equal(edit.statusCode, 403, edit.body);
      const autosave = await contributor.request('PATCH', `/admin/api/posts/${own}`, {
        autosave: true,
        title: 'Rewritten',
      });
      assert.equal(autosave.statusCode, 403, autosave.body);
      assert.equal((await contributor.request('DELETE', `/admin/api/posts/${own}`)).statusCode, 403);
      const post = await t.site.ctx.repos.posts.findById(own);
      assert.equal(post!.title, 'Briefly live');
      assert.equal(
        (await contributor.request('GET', `/admin/api/posts/${own}`)).statusCode,
        200,
        'still readable',
      );
      const draft = await draftOf(contributor, 'Never live');
      assert.equal(
        (await contributor.request('PATCH', `/admin/api/posts/${draft}`, { title: 'Still mine' })).statusCode,
        200,
      );
    });

    test('a contributor may show only their own media and media already public', async () => {
      const other = await signInAs(t, 'contributor');
      const theirs = await upload(other, '#aa3333');
      const mine = await upload(contributor, '#33aa33');
      const onPublished = await upload(editor, '#3333aa');
      const published = await editor.request('POST', '/admin/api/posts', {
        title: 'Live with a picture',
        status: 'published',
        featuredImage: { mediaId: onPublished },
      });
      assert.equal(published.statusCode, 201, published.body);
      const own = await draftOf(contributor, 'Pictures');
      const patch = (body: object) => contributor.request('PATCH', `/admin/api/posts/${own}`, body);
      const featured = await patch({ featuredImage: { mediaId: theirs } });
      assert.equal(featured.statusCode, 422, featured.body);
      assert.equal(featured.json().errors[0].property, 'featuredImage.mediaId');
      const inline = await patch({ body: figure(theirs) });
      assert.equal(inline.statusCode, 422, inline.body);
      assert.equal(inline.json().errors[0].property, 'body');
      const created = await contributor.request('POST', '/admin/api/posts', {
        title: 'Borrowed',
        featuredImage: { mediaId: theirs },
      });
      assert.equal(created.statusCode, 422, created.body);
      assert.equal((await patch({ featuredImage: { mediaId: mine } })).statusCode, 200, 'their own upload');
      assert.equal((await patch({ body: figure(onPublished) })).statusCode, 200, 'media already public');
      assert.equal((await patch({ title: 'Pictures, retitled' })).statusCode, 200, 'what it shows stays');
    });
  });
}
