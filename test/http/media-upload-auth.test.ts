import assert from 'node:assert/strict';
import { request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, test } from 'node:test';
import { maxImageBytes } from '../../src/domain/media/import-image.js';
import { adminOrigin, signInAs } from '../helpers/admin.js';
import { createTestApp, type TestApp } from '../helpers/http.js';

/**
 * An upload's body is read only once the caller is known and may upload: the answer to an anonymous
 * or forged upload arrives while the client still holds almost all of the body it announced.
 */

const firstChunk = Buffer.alloc(64 * 1024, 7);

/** Announces a body of nearly 20 MiB, sends 64 KiB of it, and waits for the answer without sending more. */
function startUpload(port: number, headers: Record<string, string>) {
  return new Promise<{ status: number; sentBytes: number; body: string }>((resolve, reject) => {
    let sentBytes = 0;
    const req = httpRequest({
      host: '127.0.0.1',
      port,
      method: 'POST',
      path: '/admin/api/media?filename=bomb.png',
      headers: {
        ...headers,
        'content-type': 'application/octet-stream',
        'content-length': String(maxImageBytes - 1),
      },
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
