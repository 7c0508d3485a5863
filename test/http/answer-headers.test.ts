import assert from 'node:assert/strict';
import type { AddressInfo } from 'node:net';
import { connect } from 'node:net';
import { after, before, describe, test } from 'node:test';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { buildApp, type BuiltApp } from '../../src/http/app.js';
import { hstsHeaderValue, securityHeaders } from '../../src/http/middleware/security-headers.js';
import { adminOrigin, signInAs } from '../helpers/admin.js';
import { createTestApp, type TestApp } from '../helpers/http.js';
import { createTestSite, type TestSite } from '../helpers/sites.js';

/**
 * The headers every answer carries, whoever made it: a route, our error mapping, or Fastify and
 * Node refusing a broken request before any route ran.
 */

type Headers = Record<string, string | string[] | number | undefined>;

function assertSecurityHeaders(headers: Headers, what: string): void {
  for (const [name, value] of Object.entries(securityHeaders))
    assert.equal(headers[name], value, `${what}: ${name}`);
}

/** Sends raw bytes to the app's port and returns the status and headers of the answer. */
function rawRequest(port: number, text: string): Promise<{ status: number; headers: Headers }> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => socket.write(text));
    let received = '';
    socket.on('data', (chunk) => (received += chunk.toString('latin1')));
    socket.on('error', () => undefined);
    socket.on('close', () => {
      const [head] = received.split('\r\n\r\n');
      const [statusLine, ...lines] = (head ?? '').split('\r\n');
      const status = Number(/^HTTP\/1\.1 (\d{3})/.exec(statusLine ?? '')?.[1]);
      if (!status) return reject(new Error(`no answer: ${JSON.stringify(received.slice(0, 200))}`));
      const headers: Headers = {};
      for (const line of lines) {
        const colon = line.indexOf(':');
        headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
      }
      resolve({ status, headers });
    });
  });
}

describe('every answer carries the security headers', () => {
  let site: TestSite;
  let built: BuiltApp;
  let app: FastifyInstance;
  let port: number;

  before(async () => {
    site = await createTestSite('sqlite', { BROADSHEET_URL: 'https://news.example' });
    built = await buildApp(site);
    app = built.app;
    app.get('/test-only/boom', async () => {
      throw new Error('an unexpected failure');
    });
    await app.listen({ port: 0, host: '127.0.0.1' });
    port = (app.server.address() as AddressInfo).port;
  });
  after(async () => {
    await app?.close();
    await site?.destroy();
  });

  const json = { 'content-type': 'application/json', origin: adminOrigin };
  const broken: [string, number, () => Promise<LightMyRequestResponse>][] = [
    [
      'bad JSON',
      400,
      () => app.inject({ method: 'POST', url: '/admin/api/session', headers: json, payload: '{"email":' }),
    ],
    [
      'a content type nobody parses',
      415,
      () =>
        app.inject({
          method: 'POST',
          url: '/admin/api/session',
          headers: { 'content-type': 'application/x-unheard-of', origin: adminOrigin },
          payload: 'email=x',
        }),
    ],
    ['a URL that does not decode', 400, () => app.inject({ method: 'GET', url: '/%E0%A4%A/' })],
    ['an unknown page', 404, () => app.inject({ method: 'GET', url: '/no-such-page-here/' })],
    ['an unknown Admin API path', 404, () => app.inject({ method: 'GET', url: '/admin/api/no-such' })],
    [
      'a body over the limit',
      413,
      () =>
        app.inject({
          method: 'POST',
          url: '/admin/api/session',
          headers: json,
          payload: JSON.stringify({ email: 'x'.repeat(1_100_000) }),
        }),
    ],
    ['an unexpected error', 500, () => app.inject({ method: 'GET', url: '/test-only/boom' })],
    ['no session', 401, () => app.inject({ method: 'GET', url: '/admin/api/session' })],
  ];
  for (const [what, status, send] of broken)
    test(`${what} (${status})`, async () => {
      const res = await send();
      assert.equal(res.statusCode, status, `${what}: ${res.body.slice(0, 200)}`);
      assertSecurityHeaders(res.headers, what);
      assert.equal(res.headers['strict-transport-security'], hstsHeaderValue, `${what}: HSTS`);
    });

  test('headers too large for Node (431), answered before Fastify sees the request', async () => {
    const res = await rawRequest(
      port,
      `GET / HTTP/1.1\r\nHost: news.example\r\nX-Filler: ${'a'.repeat(20_000)}\r\n\r\n`,
    );
    assert.equal(res.status, 431);
    assertSecurityHeaders(res.headers, '431');
    assert.equal(res.headers['strict-transport-security'], hstsHeaderValue);
  });

  test('a request line Node cannot parse (400)', async () => {
    const res = await rawRequest(port, 'GET / HTTP/1.1\r\nHost news.example\r\n\r\n');
    assert.equal(res.status, 400);
    assertSecurityHeaders(res.headers, 'broken request');
  });

  test('a page served from the page cache over the port', async () => {
    const first = await app.inject({ method: 'GET', url: '/' });
    assert.equal(first.statusCode, 200);
    const res = await rawRequest(port, 'GET / HTTP/1.1\r\nHost: news.example\r\nConnection: close\r\n\r\n');
    assert.equal(res.status, 200);
    assertSecurityHeaders(res.headers, 'cached page');
    assert.equal(res.headers['strict-transport-security'], hstsHeaderValue);
  });
});

describe('Admin API answers are never cached', () => {
  let t: TestApp;
  let routes: { method: string; url: string }[];

  before(async () => {
    const site = await createTestSite('sqlite', { BROADSHEET_URL: 'https://news.example' });
    const built = await buildApp(site);
    await built.app.ready();
    routes = built.routes.filter((r) => r.url.startsWith('/admin/api/') && r.method !== 'HEAD');
    t = {
      site,
      app: built.app,
      cache: built.cache,
      lifecycle: built.lifecycle,
      get: (path) => built.app.inject({ method: 'GET', url: path }),
      async destroy() {
        await built.app.close();
        await site.destroy();
      },
    };
  });
  after(async () => t?.destroy());

  const concrete = (url: string) => url.replace(/:[A-Za-z]+/g, 'no-such-id').replace('*', 'anything');

  test('every route in the route table, signed out and signed in, answers with no-store', async () => {
    assert.ok(routes.length > 40, `the route table lists the Admin API (${routes.length})`);
    const owner = await signInAs(t, 'owner');
    for (const route of routes) {
      const method = route.method as 'GET' | 'POST' | 'PATCH' | 'DELETE';
      const url = concrete(route.url);
      if (url === '/admin/api/session' && method === 'DELETE') continue; // would sign the owner out
      for (const headers of [{ origin: adminOrigin }, owner.headers]) {
        const res = await t.app.inject({
          method,
          url,
          headers,
          ...(method === 'GET' || method === 'DELETE' ? {} : { payload: {} }),
        });
        const what = `${method} ${route.url} (${res.statusCode})`;
        assert.equal(res.headers['cache-control'], 'no-store', what);
        assert.equal(res.headers.pragma, 'no-cache', what);
      }
    }
  });

  test('GET /admin/api/session in particular', async () => {
    const editor = await signInAs(t, 'editor');
    const res = await editor.request('GET', '/admin/api/session');
    assert.equal(res.statusCode, 200);
    assert.equal(res.headers['cache-control'], 'no-store');
  });
});

describe('HSTS', () => {
  test('is sent when the site address is https://, on pages and API answers alike', async () => {
    const t = await createTestApp('sqlite', { BROADSHEET_URL: 'https://news.example' });
    try {
      for (const url of ['/', '/admin/api/setup', '/admin/', '/no-such-page/'])
        assert.equal((await t.get(url)).headers['strict-transport-security'], hstsHeaderValue, url);
      const viaPlainProxy = await t.get('/', { 'x-forwarded-proto': 'http' });
      assert.equal(viaPlainProxy.headers['strict-transport-security'], undefined, 'never over plain HTTP');
    } finally {
      await t.destroy();
    }
  });

  test('is never sent over plain HTTP to an http:// site', async () => {
    const t = await createTestApp('sqlite', { BROADSHEET_URL: 'http://news.example' });
    try {
      for (const url of ['/', '/', '/admin/api/setup', '/no-such-page/']) {
        const res = await t.get(url);
        assert.equal(res.headers['strict-transport-security'], undefined, url);
      }
      const claimed = await t.get('/', { 'x-forwarded-proto': 'https' });
      assert.equal(claimed.headers['strict-transport-security'], undefined, 'a client that is no proxy');
    } finally {
      await t.destroy();
    }
  });

  test('is sent when a trusted proxy says the request came over HTTPS', async () => {
    const t = await createTestApp('sqlite', {
      BROADSHEET_URL: 'http://news.example',
      BROADSHEET_TRUSTED_PROXIES: '10.0.0.0/8',
    });
    try {
      const viaProxy = await t.app.inject({
        method: 'GET',
        url: '/',
        remoteAddress: '10.1.2.3',
        headers: { 'x-forwarded-proto': 'https' },
      });
      assert.equal(viaProxy.statusCode, 200);
      assert.equal(viaProxy.headers['strict-transport-security'], hstsHeaderValue);
      const untrusted = await t.app.inject({
        method: 'GET',
        url: '/',
        remoteAddress: '198.51.100.7',
        headers: { 'x-forwarded-proto': 'https' },
      });
      assert.equal(untrusted.headers['strict-transport-security'], undefined);
    } finally {
      await t.destroy();
    }
  });
});
