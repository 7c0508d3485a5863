import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import sharp from 'sharp';
import {
  DecodeQueue,
  imageDecodeConcurrency,
  imageDecodeQueue,
} from '../../src/adapters/images/decode-queue.js';
import { maxDecodedBytes, sharpImageProcessor } from '../../src/adapters/images/sharp-image-processor.js';
import type { DomainError } from '../../src/domain/shared/errors.js';
import { signInAs, type AdminClient } from '../helpers/admin.js';
import { makeJpeg } from '../helpers/factories.js';
import { createTestApp, type TestApp } from '../helpers/http.js';

/**
 * Image bombs: small files that decode to huge pixel buffers. They are refused from their header,
 * before any decoding; and however many uploads arrive at once, decodes run one queue's worth at a time.
 */

/** A solid 7000×7000 PNG: 49 megapixels (under the 50-megapixel cap), a few hundred KB on disk. */
const bomb = (background: string) =>
  sharp({ create: { width: 7000, height: 7000, channels: 3, background } })
    .png({ compressionLevel: 9 })
    .toBuffer();

function upload(t: TestApp, client: AdminClient, bytes: Buffer, filename: string) {
  return t.app.inject({
    method: 'POST',
    url: `/admin/api/media?filename=${filename}`,
    headers: { ...client.headers, 'content-type': 'application/octet-stream' },
    payload: bytes,
  });
}

describe('the decode queue', () => {
  test('never runs more tasks at once than its bound, and runs them all in arrival order', async () => {
    const queue = new DecodeQueue(2);
    const gates: (() => void)[] = [];
    const started: number[] = [];
    const runs = [0, 1, 2, 3, 4].map((i) =>
      queue.run(async () => {
        started.push(i);
        await new Promise<void>((resolve) => gates.push(resolve));
        return i;
      }),
    );
    await new Promise((resolve) => setImmediate(resolve));
    assert.deepEqual(started, [0, 1], 'two run, three wait');
    // Release one at a time; a newcomer arriving as a slot frees must still wait its turn.
    while (gates.length > 0) {
      gates.shift()!();
      void queue.run(async () => started.push(99));
      await new Promise((resolve) => setImmediate(resolve));
    }
    assert.deepEqual(await Promise.all(runs), [0, 1, 2, 3, 4]);
    assert.equal(queue.stats.maxActive, 2);
    assert.deepEqual(started.slice(0, 5), [0, 1, 2, 3, 4]);
  });
});

describe('image bombs', () => {
  let t: TestApp;
  let editor: AdminClient;
  let bombs: Buffer[];

  before(async () => {
    t = await createTestApp('sqlite');
    editor = await signInAs(t, 'editor');
    bombs = await Promise.all(['#000000', '#ffffff', '#ff0000', '#0000ff'].map(bomb));
  });
  after(async () => t?.destroy());

  test('a bomb is refused from its header, without being decoded', async () => {
    imageDecodeQueue.resetStats();
    await assert.rejects(
      sharpImageProcessor.process(bombs[0]!),
      (e: DomainError) =>
        e.code === 'PAYLOAD_TOO_LARGE' &&
        e.details[0]?.property === 'file' &&
        e.message.includes(`limit is ${maxDecodedBytes / 1024 / 1024} MiB`),
    );
    assert.equal(imageDecodeQueue.stats.started, 0, 'nothing was decoded');
  });

  test('four bombs posted at once are all refused with 413 naming the limit, none decoded', async () => {
    imageDecodeQueue.resetStats();
    const answers = await Promise.all(bombs.map((b, i) => upload(t, editor, b, `bomb-${i}.png`)));
    for (const res of answers) {
      assert.equal(res.statusCode, 413, res.body);
      const [error] = res.json().errors;
      assert.equal(error.code, 'PAYLOAD_TOO_LARGE');
      assert.equal(error.property, 'file');
      assert.match(error.message, /limit is 128 MiB/);
    }
    assert.equal(imageDecodeQueue.stats.started, 0, 'nothing was decoded');
    const library = await editor.request('GET', '/admin/api/media');
    assert.equal(library.json().meta.total, 0, 'nothing was stored');
  });

  test('four ordinary images posted at once are decoded one queue slot at a time', async () => {
    const images = await Promise.all(
      ['#336699', '#996633', '#339966', '#663399'].map((c) => makeJpeg(900, 600, c)),
    );
    imageDecodeQueue.resetStats();
    const answers = await Promise.all(images.map((b, i) => upload(t, editor, b, `photo-${i}.jpg`)));
    for (const res of answers) assert.equal(res.statusCode, 201, res.body);
    assert.equal(imageDecodeQueue.stats.started, 4);
    assert.equal(imageDecodeQueue.stats.maxActive, imageDecodeConcurrency);
  });
});
