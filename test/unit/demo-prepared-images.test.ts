import assert from 'node:assert/strict';
import { test } from 'node:test';
import sharp from 'sharp';
import { demoSite } from '../../src/demo/demo-site.js';
import { readPreparedImage } from '../../src/demo/prepared-images.js';

test('every demo image ships prepared and current (else run `npm run demo:images`)', () => {
  const stale = demoSite.images.filter((image) => !readPreparedImage(image)).map((image) => image.key);
  assert.deepEqual(stale, [], 'missing or stale prepared demo images: run `npm run demo:images`');
});

test('prepared demo files are what they say, in every format, with no metadata', async () => {
  for (const image of demoSite.images) {
    const prepared = readPreparedImage(image)!;
    const files = [
      { ...prepared.master, width: prepared.width, height: prepared.height },
      ...prepared.variants,
    ];
    assert.deepEqual(
      [...new Set(prepared.variants.map((v) => v.format))].sort(),
      ['avif', 'jpeg', 'webp'],
      image.key,
    );
    for (const file of files) {
      const meta = await sharp(file.bytes).metadata();
      const where = `${image.key} ${file.format} ${file.width}`;
      assert.equal(meta.format === 'heif' ? 'avif' : meta.format, file.format, where);
      assert.equal(meta.width, file.width, where);
      assert.equal(meta.height, file.height, where);
      for (const field of ['exif', 'xmp', 'iptc', 'icc'] as const)
        assert.equal(meta[field], undefined, `${where} ${field}`);
    }
  }
});
