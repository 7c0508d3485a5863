import assert from 'node:assert/strict';
import { request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, test } from 'node:test';
import { maxImageBytes } from '../../src/domain/media/import-image.js';
import { adminOrigin, signInAs } from '../helpers/admin.js';
import { createTestApp, type TestApp } from '../helpers/http.js';
import { routeTable } from '../helpers/route-table.js';

/**
 * A body is read only once the caller is known (and, for an upload, may upload): the answer to an
 * anonymous or forged request arrives while the client still holds almost all of the body it
 * announced, and a body that is not even JSON is never parsed for such a request.
 */

const firstChunk = Buffer.alloc(64 * 1024, 7);

/** Announces a body of nearly 20 MiB, sends 64 KiB of it, and waits for the answer without sending more. */
function startUpload(port: number, headers: Record<string, string>) {
  return startBody(port, {
    method: 'POST',
    path: '/admin/api/media?filename=bomb.png',
    headers: { ...headers, 'content-type': 'application/octet-stream' },
    announced: maxImageBytes - 1,
  });
}

/** Announces a body of `announced` bytes, sends 64 KiB of it, and waits for the answer without sending more. */
function startBody(
  port: number,
  r: {
    method: string;
    path: string;
    headers: Record<string, string>;
    announced: number;
    signal?: AbortSignal;
  },
) {
  return new Promise<{ status: number; sentBytes: number; body: string }>((resolve, reject) => {
    let sentBytes = 0;
    const req = httpRequest({
      host: '127.0.0.1',
      port,
      method: r.method,
      path: r.path,
      headers: { ...r.headers, 'content-length': String(r.announced) },
      // A server that waits for the rest of the body would hold the request (and its own close) forever.
      ...(r.signal ? { signal: r.signal } : {}),
    });
    req.on('response', (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk) => (body += chunk));
      res.on('end', () => {
        resolve({ status: res.statusCode ?? 0, sentBytes, body });
        req.destroy();
      });
    });
    req.on('error', reject);
    req.write(firstChunk, () => (sentBytes += firstChunk.length));
    req.flushHeaders();
  });
}

describe('uploads are authenticated before their body is read', () => {
  let t: TestApp;
  let port: number;

  before(async () => {
    t = await createTestApp('sqlite');
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    port = (t.app.server.address() as AddressInfo).port;
  });
  after(async () => t?.destroy());

  test('an anonymous upload is answered 401 with most of the body unsent', { timeout: 60_000 }, async () => {
    const res = await startUpload(port, { origin: adminOrigin });
    assert.equal(res.status, 401, res.body);
    assert.ok(res.sentBytes < maxImageBytes / 10, `only ${res.sentBytes} bytes were sent`);
  });

  test(
    'an upload with a session but a wrong CSRF token is answered 403 the same way',
    { timeout: 60_000 },
    async () => {
      const editor = await signInAs(t, 'editor');
      const res = await startUpload(port, {
        origin: adminOrigin,
        cookie: editor.headers.cookie!,
        'x-csrf-token': 'not-the-token',
      });
      assert.equal(res.status, 403, res.body);
      assert.ok(res.sentBytes < maxImageBytes / 10);
    },
  );

  test('an unknown API token is answered 401 the same way', { timeout: 60_000 }, async () => {
    const res = await startUpload(port, { authorization: 'Bearer bst_not-a-real-token' });
    assert.equal(res.status, 401, res.body);
  });
});

/** The routes that take no session: they refuse a cross-site request first, then read the body. */
const anonymousRoutes = [
  'POST /admin/api/invitations/accept',
  'POST /admin/api/password-reset',
  'POST /admin/api/password-reset/complete',
  'POST /admin/api/session',
  'POST /admin/api/session/link',
  'POST /admin/api/session/link/complete',
  'POST /admin/api/setup',
];

describe('every Admin API route finds its caller before it reads a body', () => {
  let t: TestApp;
  let port: number;
  let bodyRoutes: { method: string; path: string }[];

  before(async () => {
    t = await createTestApp('sqlite');
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    port = (t.app.server.address() as AddressInfo).port;
    bodyRoutes = routeTable(t.app).filter(
      (r) => r.path.startsWith('/admin/api/') && !r.path.includes('*') && r.method !== 'GET',
    );
  });
  after(async () => t?.destroy());

  // A route that parsed the body first would answer 400 (not JSON) instead.
  const notJson = (method: string, path: string, headers: Record<string, string>) =>
    t.app.inject({
      method: method as 'POST',
      url: path.replace(/:[a-zA-Z]+/g, '01J000000000000000000000ZZ'),
      headers: { ...headers, 'content-type': 'application/json' },
      payload: '{"not json',
    });

  test('a cross-site request with a body that is not JSON: refused (401/403), never parsed', async () => {
    assert.ok(bodyRoutes.length >= 40, `only ${bodyRoutes.length} routes with a body read`);
    const answers: string[] = [];
    for (const { method, path } of bodyRoutes) {
      const res = await notJson(method, path, { origin: 'https://elsewhere.example' });
      if (res.statusCode !== 401 && res.statusCode !== 403)
        answers.push(`${method} ${path}: ${res.statusCode} ${res.body.slice(0, 120)}`);
    }
    assert.deepEqual(answers, []);
  });

  test('from our own origin without a session: 401 before the body, except on the routes that take none', async () => {
    const parsedFirst: string[] = [];
    for (const { method, path } of bodyRoutes) {
      const res = await notJson(method, path, { origin: adminOrigin });
      if (res.statusCode === 400) parsedFirst.push(`${method} ${path}`);
      else assert.equal(res.statusCode, 401, `${method} ${path}: ${res.body}`);
    }
    assert.deepEqual(parsedFirst.sort(), anonymousRoutes);
  });

  test('with a session but a wrong CSRF token: 403 before the body', async () => {
    const editor = await signInAs(t, 'editor');
    const headers = { origin: adminOrigin, cookie: editor.headers.cookie!, 'x-csrf-token': 'wrong' };
    for (const { method, path } of bodyRoutes) {
      if (anonymousRoutes.includes(`${method} ${path}`)) continue;
      const res = await notJson(method, path, headers);
      assert.equal(res.statusCode, 403, `${method} ${path}: ${res.body}`);
    }
  });

  for (const [method, path] of [
    ['PATCH', '/admin/api/profile'],
    ['POST', '/admin/api/profile/password'],
  ] as const)
    test(
      `${method} ${path} without a session is answered 401 with most of the body unsent`,
      { timeout: 60_000 },
      async (context) => {
        const res = await startBody(port, {
          method,
          path,
          signal: context.signal,
          headers: { origin: adminOrigin, 'content-type': 'application/json' },
          announced: 1024 * 1024 - 1,
        });
        assert.equal(res.status, 401, res.body);
        assert.ok(res.sentBytes < (1024 * 1024) / 4, `only ${res.sentBytes} bytes were sent`);
      },
    );
});
