import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { deleteExpiredIdempotencyKeys } from '../../src/domain/idempotency/idempotent-create.js';
import { bearerClient, paragraph, signInAs, type AdminClient } from '../helpers/admin.js';
import { createTestApp, type TestApp } from '../helpers/http.js';
import { dialects } from '../helpers/sites.js';

/*
 * Issue 16: a create sent with an Idempotency-Key is made once. A retry after the commit answers the
 * stored answer (same id, `Idempotent-Replayed: true`) and stores nothing; one key sent by many
 * clients at once makes one row; a key reused for another request is refused.
 */

let now = Date.parse('2026-12-02T09:00:00Z');
const clock = { now: () => new Date(now) };
const key = (name: string) => ({ 'idempotency-key': name });

async function countRows(t: TestApp, table: 'posts' | 'tags' | 'members' | 'api_tokens' | 'redirects') {
  const row = await t.site.storage.db
    .selectFrom(table)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

const problemOf = (res: { json(): unknown }) =>
  (res.json() as { errors: { code: string; property?: string; message: string }[] }).errors[0]!;

for (const dialect of dialects) {
  describe(`Idempotency-Key on Admin API creates (${dialect.name})`, { skip: dialect.skip }, () => {
    let t: TestApp;
    let editor: AdminClient;
    before(async () => {
      t = await createTestApp(dialect.name, {}, { clock });
      editor = await signInAs(t, 'administrator');
    });
    after(async () => t?.destroy());

    test('a retry after a committed create answers the same post and creates nothing', async () => {
      const body = { title: 'Ferry strike ends', body: paragraph('The crews are back.') };
      const first = await editor.request('POST', '/admin/api/posts', body, key('create-ferry-1'));
      assert.equal(first.statusCode, 201, first.body);
      assert.equal(first.headers['idempotent-replayed'], undefined);
      const posts = await countRows(t, 'posts');
      const again = await editor.request('POST', '/admin/api/posts', body, key('create-ferry-1'));
      assert.equal(again.statusCode, 201, again.body);
      assert.equal(again.headers['idempotent-replayed'], 'true');
      assert.deepEqual(again.json(), first.json());
      assert.equal(await countRows(t, 'posts'), posts, 'no second post');
      const without = await editor.request('POST', '/admin/api/posts', body);
      assert.equal(without.statusCode, 201);
      assert.notEqual(without.json().post.id, first.json().post.id, 'without a key, a create is a create');
    });

    test('tags, members and redirects replay too; a failed create keeps no key', async () => {
      const creates: [string, object, 'tags' | 'members' | 'redirects'][] = [
        ['/admin/api/tags', { name: 'Harbour', kind: 'topic' }, 'tags'],
        ['/admin/api/members', { email: 'reader@example.org' }, 'members'],
        ['/admin/api/redirects', { fromPath: '/old-harbour/', toUrl: '/harbour/' }, 'redirects'],
      ];
      for (const [url, body, table] of creates) {
        const rows = await countRows(t, table);
        const refused = await editor.request('POST', url, { ...body, nope: 1 }, key(`k-${table}`));
        assert.equal(refused.statusCode, 422, 'a refused create stores no answer');
        const first = await editor.request('POST', url, body, key(`k-${table}`));
        assert.equal(first.statusCode, 201, `${url}: ${first.body}`);
        const again = await editor.request('POST', url, body, key(`k-${table}`));
        assert.equal(again.statusCode, 201);
        assert.equal(again.headers['idempotent-replayed'], 'true');
        assert.deepEqual(again.json(), first.json(), url);
        assert.equal(await countRows(t, table), rows + 1, `${url}: one row`);
      }
    });

    test("a token's replay holds no secret; keys belong to their actor", async () => {
      const body = { name: 'Wire feed', role: 'editor' };
      const tokens = await countRows(t, 'api_tokens');
      const first = await editor.request('POST', '/admin/api/tokens', body, key('token-1'));
      assert.equal(first.statusCode, 201, first.body);
      assert.match(first.json().secret as string, /\S{20,}/);
      const again = await editor.request('POST', '/admin/api/tokens', body, key('token-1'));
      assert.equal(again.headers['idempotent-replayed'], 'true');
      assert.deepEqual(again.json(), { ...first.json(), secret: null });
      const stored = await t.site.storage.db.selectFrom('idempotency_keys').select('body').execute();
      assert.ok(
        !stored.some((r) => r.body.includes(first.json().secret as string)),
        'the secret is not stored',
      );
      assert.equal(await countRows(t, 'api_tokens'), tokens + 1);

      const integration = bearerClient(t, first.json().secret as string);
      const post = { title: 'Wire copy' };
      const mine = await editor.request('POST', '/admin/api/posts', post, key('shared-key'));
      const theirs = await integration('POST', '/admin/api/posts', post, key('shared-key'));
      assert.equal(theirs.statusCode, 201, theirs.body);
      assert.equal(theirs.headers['idempotent-replayed'], undefined, 'another actor, another key');
      assert.notEqual(theirs.json().post.id, mine.json().post.id);
    });

    test('a key reused for another request is refused with 422 naming the header', async () => {
      const first = await editor.request('POST', '/admin/api/tags', { name: 'Glacier' }, key('reuse'));
      assert.equal(first.statusCode, 201, first.body);
      const tags = await countRows(t, 'tags');
      for (const [url, body] of [
        ['/admin/api/tags', { name: 'Glaciers' }],
        ['/admin/api/posts', { name: 'Glacier' }],
      ] as const) {
        const res = await editor.request('POST', url, body, key('reuse'));
        assert.equal(res.statusCode, 422, res.body);
        assert.equal(problemOf(res).property, 'Idempotency-Key');
        assert.match(problemOf(res).message, /another request/);
      }
      assert.equal(await countRows(t, 'tags'), tags);
    });

    test('a key that is too long, empty or not printable is refused before anything is made', async () => {
      const posts = await countRows(t, 'posts');
      for (const bad of ['x'.repeat(256), '', 'tab\there', 'bøtte'])
        for (const url of ['/admin/api/posts', '/admin/api/tags']) {
          const res = await t.app.inject({
            method: 'POST',
            url,
            headers: { ...editor.headers, 'idempotency-key': bad },
            payload: { title: 'Bad key', name: 'Bad key' },
          });
          assert.equal(res.statusCode, 422, `${JSON.stringify(bad)} on ${url}: ${res.body}`);
          assert.equal(problemOf(res).property, 'Idempotency-Key');
        }
      const longest = await editor.request('POST', '/admin/api/posts', { title: 'Ok' }, key('k'.repeat(255)));
      assert.equal(longest.statusCode, 201, '255 printable characters are a key');
      assert.equal(await countRows(t, 'posts'), posts + 1);
    });

    test('sixteen requests with one key at once make one post; each answer is that post or a 409', async () => {
      const posts = await countRows(t, 'posts');
      const body = { title: 'Budget vote tonight', body: paragraph('The council meets at six.') };
      const answers = await Promise.all(
        Array.from({ length: 16 }, () => editor.request('POST', '/admin/api/posts', body, key('burst'))),
      );
      const created = answers.filter((a) => a.statusCode === 201);
      assert.ok(created.length >= 1);
      for (const a of answers) assert.ok([201, 409].includes(a.statusCode), `${a.statusCode}: ${a.body}`);
      assert.equal(new Set(created.map((a) => a.json().post.id as string)).size, 1, 'one id answered');
      assert.equal(created.filter((a) => a.headers['idempotent-replayed'] === undefined).length, 1);
      assert.equal(await countRows(t, 'posts'), posts + 1, 'one post stored');
    });

    test('after 24 hours a key is forgotten: swept, and a new request with it creates again', async () => {
      const body = { name: 'Trawler' };
      const first = await editor.request('POST', '/admin/api/tags', body, key('day-old'));
      assert.equal(first.statusCode, 201);
      now += 24 * 3600_000 + 1000;
      const again = await editor.request('POST', '/admin/api/tags', { name: 'Trawlers' }, key('day-old'));
      assert.equal(again.statusCode, 201, 'an expired key is taken over');
      assert.equal(again.headers['idempotent-replayed'], undefined);
      now += 24 * 3600_000 + 1000;
      assert.ok((await deleteExpiredIdempotencyKeys(t.site.ctx)) >= 1);
      const left = await t.site.storage.db.selectFrom('idempotency_keys').select('key').execute();
      assert.deepEqual(left, [], 'every key was older than 24 hours');
    });
  });
}
