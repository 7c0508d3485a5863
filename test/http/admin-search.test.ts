import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { paragraph, signInAs, type AdminClient } from '../helpers/admin.js';
import { createTestApp, type TestApp } from '../helpers/http.js';
import { dialects } from '../helpers/sites.js';

/** The Admin API's `q`: through the search index, over every status, within what the role may read. */
for (const dialect of dialects) {
  describe(`admin post search on ${dialect.name}`, { skip: dialect.skip }, () => {
    let t: TestApp;
    let editor: AdminClient;
    let contributor: AdminClient;
    let other: AdminClient;

    const titles = async (client: AdminClient, query: string) => {
      const res = await client.request('GET', `/admin/api/posts?${query}`);
      assert.equal(res.statusCode, 200, res.body);
      const body = res.json() as { posts: { title: string }[]; meta: { total: number } };
      return { titles: body.posts.map((p) => p.title).sort(), total: body.meta.total };
    };

    before(async () => {
      t = await createTestApp(dialect.name);
      editor = await signInAs(t, 'editor', 'Edna Editor');
      contributor = await signInAs(t, 'contributor', 'Cato Contributor');
      other = await signInAs(t, 'contributor', 'Olga Other');
      const write = async (client: AdminClient, title: string, text: string) =>
        assert.equal(
          (await client.request('POST', '/admin/api/posts', { title, body: paragraph(text) })).statusCode,
          201,
        );
      await write(contributor, 'Ferry notes', 'The lighthouse keepers were interviewed.');
      await write(other, 'Quay notes', 'Another lighthouse keeper spoke to us.');
      const published = await editor.request('POST', '/admin/api/posts', {
        title: 'Coastal report',
        status: 'published',
        body: paragraph('A lighthouse closes for the winter.'),
      });
      assert.equal(published.statusCode, 201);
    });
    after(async () => t?.destroy());

    test('editors find body text in posts of every status', async () => {
      assert.deepEqual(await titles(editor, 'q=lighthouse'), {
        titles: ['Coastal report', 'Ferry notes', 'Quay notes'],
        total: 3,
      });
      assert.deepEqual((await titles(editor, 'q=lighthouse&status=draft')).titles, [
        'Ferry notes',
        'Quay notes',
      ]);
      assert.deepEqual((await titles(editor, 'q=keepers')).titles, ['Ferry notes', 'Quay notes'], 'stemmed');
    });

    test('a contributor finds only their own posts', async () => {
      assert.deepEqual(await titles(contributor, 'q=lighthouse'), { titles: ['Ferry notes'], total: 1 });
      assert.deepEqual(await titles(other, 'q=lighthouse'), { titles: ['Quay notes'], total: 1 });
      assert.deepEqual((await titles(contributor, `q=lighthouse&authorId=${other.staffId}`)).titles, []);
    });

    test('the last word matches as a prefix while typing; hostile text is only text', async () => {
      assert.deepEqual((await titles(editor, 'q=coastal%20rep')).titles, ['Coastal report']);
      for (const q of ['"', '*', 'NEAR(a b)', "'x':*", '-lighthouse', '<script>alert(1)</script>'])
        assert.equal(
          (await editor.request('GET', `/admin/api/posts?q=${encodeURIComponent(q)}`)).statusCode,
          200,
          q,
        );
    });
  });
}
