import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { drainRelatedJobs } from '../../src/domain/posts/related-job.js';
import { aTag } from '../helpers/factories.js';
import { createTestApp, type TestApp } from '../helpers/http.js';
import { paragraph, signInAs, type AdminClient } from '../helpers/admin.js';
import { fullRecompute, storedLists } from '../helpers/related.js';
import { dialects } from '../helpers/sites.js';

/*
 * Sixteen editors create, update, publish and unpublish posts at once through the Admin API. With
 * "Check Also" off the request path, no request fails, and what each 2xx answered is what is stored.
 * Each retries its create with the same Idempotency-Key: the same post is answered, none is doubled.
 */

const clients = 16;
const words = 'harbour quota trawler election budget glacier ferry strike'.split(' ');

interface Post {
  id: string;
  title: string;
  slug: string;
  status: string;
}

async function editorSession(client: AdminClient, i: number, tagId: string): Promise<Post> {
  const ok = (res: { statusCode: number; body: string }, what: string) => {
    assert.ok(res.statusCode < 300, `${what} by client ${i} answered ${res.statusCode}: ${res.body}`);
    return JSON.parse(res.body) as { post: Post };
  };
  const body = (n: number) => paragraph(`${words[i % 8]} ${words[(i + n) % 8]} ${words[(i * 3) % 8]}`);
  const create = () =>
    client.request(
      'POST',
      '/admin/api/posts',
      {
        title: `Story ${i} about the ${words[i % 8]}`,
        status: 'published',
        tagIds: i % 2 === 0 ? [tagId] : [],
        body: body(1),
      },
      { 'idempotency-key': `story-${i}` },
    );
  // The client retries its create with the same key (as after a lost answer), twice at once.
  const [first, ...retries] = [await create(), ...(await Promise.all([create(), create()]))];
  let { post } = ok(first!, 'create');
  for (const retry of retries) {
    assert.equal(retry.headers['idempotent-replayed'], 'true', `retry by client ${i}`);
    assert.equal(ok(retry, 'retried create').post.id, post.id, `retry by client ${i} answers its post`);
  }
  for (let n = 2; n < 5; n++)
    post = ok(
      await client.request('PATCH', `/admin/api/posts/${post.id}`, {
        title: `Story ${i}, take ${n}`,
        body: body(n),
      }),
      'update',
    ).post;
  if (i % 4 === 0)
    post = ok(await client.request('POST', `/admin/api/posts/${post.id}/unpublish`), 'unpublish').post;
  return post;
}

for (const dialect of dialects) {
  describe(`concurrent saves on ${dialect.name}`, { skip: dialect.skip }, () => {
    let t: TestApp;
    before(async () => {
      t = await createTestApp(dialect.name);
    });
    after(async () => t?.destroy());

    test('16 clients creating (and retrying with one key) and updating at once: no 500, every 2xx stored as answered, none doubled', async () => {
      const tag = await aTag(t.site.ctx, 'Coast');
      const editors = await Promise.all(Array.from({ length: clients }, () => signInAs(t, 'editor')));
      const answered = await Promise.all(editors.map((e, i) => editorSession(e, i, tag.id)));
      const stored = await t.site.storage.db
        .selectFrom('posts')
        .select('id')
        .where('type', '=', 'post')
        .execute();
      assert.deepEqual(
        stored.map((p) => p.id).sort(),
        answered.map((p) => p.id).sort(),
        'one post per client, none doubled by its retries',
      );
      for (const [i, post] of answered.entries()) {
        const stored = await t.site.ctx.repos.posts.findById(post.id);
        assert.deepEqual(
          { title: stored?.title, slug: stored?.slug, status: stored?.status },
          { title: post.title, slug: post.slug, status: post.status },
          `client ${i}`,
        );
      }
      await drainRelatedJobs(t.site.ctx);
      assert.deepEqual(await storedLists(t.site.storage), await fullRecompute(t.site.ctx));
    });
  });
}
