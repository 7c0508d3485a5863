import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createPost } from '../../src/domain/posts/save-post.js';
import { createTestApp, type TestApp } from '../helpers/http.js';

/** Every header but those that differ per answer (the request id is each request's own). */
const headersWithoutDate = (res: Response) =>
  Object.fromEntries(
    [...res.headers].filter(([name]) => !['date', 'keep-alive', 'connection', 'x-request-id'].includes(name)),
  );

describe('pages served from the cache by the HTTP server itself', () => {
  let t: TestApp;
  let base: string;
  before(async () => {
    t = await createTestApp('sqlite');
    await createPost(t.site.ctx, { title: 'Cached story', status: 'published' });
    await t.app.listen({ host: '127.0.0.1', port: 0 });
    base = `http://127.0.0.1:${(t.app.server.address() as { port: number }).port}`;
  });
  after(async () => t?.destroy());

  test('a cache hit answers exactly like the first, rendered answer', async () => {
    const first = await fetch(`${base}/cached-story/`);
    const second = await fetch(`${base}/cached-story/`);
    assert.equal(first.status, 200);
    assert.equal(second.status, 200);
    assert.deepEqual(headersWithoutDate(second), headersWithoutDate(first));
    assert.notEqual(second.headers.get('x-request-id'), first.headers.get('x-request-id'));
    assert.equal(await second.text(), await first.text());
    assert.match(String(second.headers.get('content-security-policy')), /script-src 'none'/);
    assert.equal(second.headers.get('x-content-type-options'), 'nosniff');
  });

  test('cache hits honour If-None-Match, Accept-Encoding and HEAD', async () => {
    const page = await fetch(`${base}/cached-story/`, { headers: { 'accept-encoding': 'identity' } });
    const etag = page.headers.get('etag')!;
    const notModified = await fetch(`${base}/cached-story/`, {
      headers: { 'if-none-match': etag, 'accept-encoding': 'identity' },
    });
    assert.equal(notModified.status, 304);
    const br = await fetch(`${base}/cached-story/`, { headers: { 'accept-encoding': 'br' } });
    assert.equal(br.headers.get('content-encoding'), 'br');
    assert.equal(await br.text(), await page.text(), 'fetch decodes brotli back to the same page');
    const head = await fetch(`${base}/cached-story/`, { method: 'HEAD' });
    assert.equal(head.status, 200);
    assert.equal(await head.text(), '');
  });

  test('a query string does not make a new cache entry, and other methods still reach the app', async () => {
    await fetch(`${base}/cached-story/`);
    const entries = t.cache.size;
    for (let i = 0; i < 20; i++) assert.equal((await fetch(`${base}/cached-story/?utm=${i}`)).status, 200);
    assert.equal(t.cache.size, entries);
    const post = await fetch(`${base}/cached-story/`, { method: 'POST' });
    assert.equal(post.status, 404);
  });
});
