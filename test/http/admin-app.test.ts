// The admin app as the server hands it out: its page and files, their security headers, and an
// index.html without inline code (the CSP would block it anyway, so a regression fails loudly here).
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import Fastify from 'fastify';
import { registerAdminAppRoutes } from '../../src/http/admin-app/admin-app.routes.js';
import {
  adminContentSecurityPolicy,
  registerSecurityHeaders,
  siteContentSecurityPolicy,
} from '../../src/http/middleware/security-headers.js';
import { adminDist, ensureAdminBuilt } from '../helpers/admin-build.js';
import { createTestApp, type TestApp } from '../helpers/http.js';

const expectedCsp =
  "default-src 'none'; script-src 'self'; style-src 'self'; style-src-attr 'unsafe-inline'; " +
  "img-src 'self' data: blob: https:; " +
  "connect-src 'self'; font-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

function assertAdminHeaders(headers: Record<string, unknown>, where: string) {
  assert.equal(headers['content-security-policy'], expectedCsp, `CSP of ${where}`);
  assert.equal(headers['x-frame-options'], 'DENY', `X-Frame-Options of ${where}`);
  assert.equal(headers['referrer-policy'], 'same-origin', `Referrer-Policy of ${where}`);
  assert.equal(headers['x-content-type-options'], 'nosniff', `nosniff on ${where}`);
}

describe('the admin app (built, served in-process)', () => {
  let t: TestApp;
  let html: string;
  before(async () => {
    await ensureAdminBuilt();
    t = await createTestApp('sqlite');
    html = readFileSync(join(adminDist(), 'index.html'), 'utf8');
  });
  after(async () => t?.destroy());

  test('the policy in the code is the one the brief asks for', () => {
    assert.equal(adminContentSecurityPolicy, expectedCsp);
  });

  test('/admin redirects to /admin/, keeping the query', async () => {
    const bare = await t.get('/admin');
    assert.equal(bare.statusCode, 301);
    assert.equal(bare.headers.location, '/admin/');
    const withQuery = await t.get('/admin?x=1');
    assert.equal(withQuery.headers.location, '/admin/?x=1');
  });

  test('/admin/ is the built page, never cached, with the strict headers', async () => {
    const res = await t.get('/admin/');
    assert.equal(res.statusCode, 200);
    assert.match(String(res.headers['content-type']), /^text\/html; charset=utf-8/);
    assert.equal(res.headers['cache-control'], 'no-store');
    assertAdminHeaders(res.headers, '/admin/');
    assert.equal(res.body, html);
  });

  test('index.html has no inline script, style or event handler', () => {
    const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)];
    assert.ok(scripts.length > 0, 'the page loads its script');
    for (const [, attributes, body] of scripts) {
      assert.match(attributes!, /\bsrc="\/admin\/assets\/[^"]+\.js"/, `a script without src: ${attributes}`);
      assert.equal(body!.trim(), '', 'a script element with inline code');
    }
    assert.doesNotMatch(html, /<style\b/i, 'an inline <style> element');
    assert.doesNotMatch(html, /\sstyle\s*=/i, 'an inline style attribute');
    assert.doesNotMatch(html, /\son[a-z]+\s*=/i, 'an inline event handler');
    assert.doesNotMatch(html, /javascript:/i);
    assert.match(html, /<link rel="stylesheet"[^>]*href="\/admin\/assets\/[^"]+\.css"/);
  });

  test('every file the page names answers with immutable caching and the same headers', async () => {
    const paths = [...html.matchAll(/(?:src|href)="(\/admin\/assets\/[^"]+)"/g)].map((m) => m[1]!);
    assert.ok(paths.length >= 2, `script and stylesheet expected, found ${paths.join(', ')}`);
    for (const path of paths) {
      const res = await t.get(path, { 'accept-encoding': 'br, gzip' });
      assert.equal(res.statusCode, 200, path);
      assert.equal(res.headers['cache-control'], 'public, max-age=31536000, immutable', path);
      assert.match(
        String(res.headers['content-type']),
        path.endsWith('.js') ? /^text\/javascript/ : /^text\/css/,
      );
      assert.equal(res.headers['content-encoding'], 'br', `${path} is sent compressed`);
      assertAdminHeaders(res.headers, path);
      const again = await t.get(path, {
        'accept-encoding': 'br, gzip',
        'if-none-match': String(res.headers.etag),
      });
      assert.equal(again.statusCode, 304, `${path} answers a conditional GET`);
    }
  });

  test('unknown and hostile asset names are a plain 404 with the admin headers', async () => {
    for (const path of [
      '/admin/assets/nothing-here.js',
      '/admin/assets/..%2f..%2fpackage.json',
      '/admin/assets/.hidden.js',
      '/admin/assets/index.html',
    ]) {
      const res = await t.get(path);
      assert.equal(res.statusCode, 404, path);
      assert.doesNotMatch(res.body, /"name": "broadsheet"/);
      assertAdminHeaders(res.headers, path);
    }
  });

  test('the site and the Admin API keep the site policy', async () => {
    const home = await t.get('/');
    assert.equal(home.headers['content-security-policy'], siteContentSecurityPolicy);
    const api = await t.get('/admin/api/setup');
    assert.equal(api.headers['content-security-policy'], siteContentSecurityPolicy);
    assert.equal(api.headers['x-frame-options'], undefined);
  });
});

describe('the admin app before it is built', () => {
  test('/admin/ answers 503 with a page that says what to do', async () => {
    const app = Fastify();
    registerSecurityHeaders(app);
    registerAdminAppRoutes(app, { distDir: mkdtempSync(join(tmpdir(), 'broadsheet-no-admin-')) });
    try {
      const res = await app.inject({ method: 'GET', url: '/admin/' });
      assert.equal(res.statusCode, 503);
      assert.match(String(res.headers['content-type']), /^text\/plain/);
      assert.match(res.body, /npm run build/);
      assert.equal(res.headers['cache-control'], 'no-store');
      assertAdminHeaders(res.headers, '/admin/ (not built)');
      assert.equal((await app.inject({ method: 'GET', url: '/admin/assets/index-x.js' })).statusCode, 404);
    } finally {
      await app.close();
    }
  });
});
