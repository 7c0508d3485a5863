import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { maxDocumentDepth } from '../../src/domain/posts/editor-document.js';
import { signInAs, type AdminClient } from '../helpers/admin.js';
import { createTestApp, type TestApp } from '../helpers/http.js';

/** Redirect paths a browser would read as another host, and editor documents built to exhaust the stack. */

/** A document of `levels` blockquotes, one inside the other, as JSON text (JSON.stringify would recurse). */
function nestedQuotes(levels: number): string {
  const paragraph = '{"type":"paragraph","content":[{"type":"text","text":"deep"}]}';
  const quotes = '{"type":"blockquote","content":['.repeat(levels) + paragraph + ']}'.repeat(levels);
  return `{"type":"doc","content":[${quotes}]}`;
}

const withBody = (fields: string, body: string) => `{${fields},"body":${body}}`;

describe('hostile input limits', () => {
  let t: TestApp;
  let admin: AdminClient;

  before(async () => {
    t = await createTestApp('sqlite');
    admin = await signInAs(t, 'administrator');
  });
  after(async () => t?.destroy());

  const hostHijacks = [
    '/\\evil.example/',
    '/\\/evil.example/',
    '//evil.example/',
    '/%5Cevil.example/',
    '/%5cevil.example/',
    '/%2F%2Fevil.example/',
    '/%2f/evil.example/',
    '/%252F%252Fevil.example/',
    '/\tevil.example/',
    '/%09/evil.example/',
    '/a/%0d%0aLocation:%20https://evil.example/',
    '/%E0%A4%A/',
  ];

  test('a redirect from a path that a browser reads as another host is refused', async () => {
    for (const fromPath of hostHijacks) {
      const res = await admin.request('POST', '/admin/api/redirects', { fromPath, toUrl: '/' });
      assert.equal(res.statusCode, 422, `${JSON.stringify(fromPath)}: ${res.body}`);
      assert.equal(res.json().errors[0].property, 'fromPath');
    }
  });

  test('a redirect to such a path is refused, on create and on update', async () => {
    const made = await admin.request('POST', '/admin/api/redirects', { fromPath: '/moved/', toUrl: '/new/' });
    assert.equal(made.statusCode, 201, made.body);
    const id = made.json().redirect.id;
    for (const toUrl of hostHijacks) {
      const created = await admin.request('POST', '/admin/api/redirects', { fromPath: '/elsewhere/', toUrl });
      assert.equal(created.statusCode, 422, `create to ${JSON.stringify(toUrl)}: ${created.body}`);
      assert.equal(created.json().errors[0].property, 'toUrl');
      const updated = await admin.request('PATCH', `/admin/api/redirects/${id}`, { toUrl });
      assert.equal(updated.statusCode, 422, `update to ${JSON.stringify(toUrl)}: ${updated.body}`);
    }
    assert.equal((await t.get('/moved/')).headers.location, '/new/');
  });

  test('ordinary paths and addresses still make redirects', async () => {
    for (const [fromPath, toUrl] of [
      ['/caf%C3%A9/', '/topics/?page=2#top'],
      ['/old/2024/story/', 'https://archive.example/a//b'],
    ] as const) {
      const res = await admin.request('POST', '/admin/api/redirects', { fromPath, toUrl });
      assert.equal(res.statusCode, 201, `${fromPath} -> ${toUrl}: ${res.body}`);
    }
  });

  for (const levels of [660, 10_000])
    test(`a body of ${levels} nested quotes is a 422 naming body, on create and on update`, async () => {
      const send = (method: 'POST' | 'PATCH', url: string, payload: string) =>
        t.app.inject({
          method,
          url,
          headers: { ...admin.headers, 'content-type': 'application/json' },
          payload,
        });
      const created = await send(
        'POST',
        '/admin/api/posts',
        withBody('"title":"Deep"', nestedQuotes(levels)),
      );
      assert.equal(created.statusCode, 422, created.body.slice(0, 300));
      assert.equal(created.json().errors[0].property, 'body');
      assert.match(created.json().errors[0].message, new RegExp(`${maxDocumentDepth} levels`));
      const post = await admin.request('POST', '/admin/api/posts', { title: 'Shallow' });
      const id = post.json().post.id;
      const updated = await send(
        'PATCH',
        `/admin/api/posts/${id}`,
        withBody('"title":"Still shallow"', nestedQuotes(levels)),
      );
      assert.equal(updated.statusCode, 422, updated.body.slice(0, 300));
      assert.equal(updated.json().errors[0].property, 'body');
    });

  test('a body with too many nodes is a 422 naming body', async () => {
    // Empty objects are the smallest nodes: this many fit in a request body under its 1 MiB limit.
    const content = Array.from({ length: 12 }, () => ({ type: 'paragraph', content: Array(9_000).fill({}) }));
    const body = { type: 'doc', content };
    const res = await admin.request('POST', '/admin/api/posts', { title: 'Wide', body });
    assert.equal(res.statusCode, 422, res.body.slice(0, 300));
    assert.equal(res.json().errors[0].property, 'body');
    assert.match(res.json().errors[0].message, /at most 100000 nodes/);
  });

  test('a document nested as deep as allowed is still saved', async () => {
    const res = await admin.request('POST', '/admin/api/posts', {
      title: 'Deep enough',
      body: JSON.parse(nestedQuotes(maxDocumentDepth - 4)),
    });
    assert.equal(res.statusCode, 201, res.body.slice(0, 300));
  });
});
