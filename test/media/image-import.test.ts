import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import sharp from 'sharp';
import { importImage } from '../../src/domain/media/import-image.js';
import type { MediaRecord } from '../../src/domain/ports.js';
import { DomainError } from '../../src/domain/shared/errors.js';
import { createTestSite, type TestSite } from '../helpers/sites.js';

const refusalCodes: string[] = ['VALIDATION', 'UNSUPPORTED_MEDIA_TYPE', 'PAYLOAD_TOO_LARGE'];
const fixtures = join(import.meta.dirname, '..', 'fixtures', 'images');
const files = (folder: string) => readdirSync(join(fixtures, folder)).filter((f) => !f.endsWith('.md'));
const payloadMarkers = ['<script', 'passwd', 'system(', 'onload', 'alert(', 'exiftool', '<?php'];

async function publicFiles(site: TestSite, media: MediaRecord): Promise<Buffer[]> {
  const keys = [media.storageKey, ...media.variants.map((v) => v.key)];
  return Promise.all(keys.map(async (key) => (await site.blobs.get(key))!));
}

async function assertClean(bytes: Buffer, label: string): Promise<void> {
  const meta = await sharp(bytes).metadata();
  assert.equal(meta.exif, undefined, `${label}: EXIF removed`);
  assert.equal(meta.xmp, undefined, `${label}: XMP removed`);
  assert.equal(meta.iptc, undefined, `${label}: IPTC removed`);
  assert.equal((meta as { comments?: unknown[] }).comments, undefined, `${label}: comments removed`);
  const text = bytes.toString('latin1').toLowerCase();
  for (const marker of payloadMarkers)
    assert.ok(!text.includes(marker), `${label}: no "${marker}" left in the bytes`);
}

describe('importing images', () => {
  let site: TestSite;
  before(async () => {
    site = await createTestSite('sqlite');
  });
  after(async () => site?.destroy());

  test('GPS and camera EXIF are gone from every public file, the largest included', async () => {
    const withGps = await sharp({ create: { width: 1200, height: 800, channels: 3, background: '#884422' } })
      .jpeg()
      .withExif({
        IFD0: { Make: 'SpyCam', Model: 'Tracker 9000' },
        IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '59/1 54/1 0/1' },
      })
      .toBuffer();
    assert.ok((await sharp(withGps).metadata()).exif, 'the input really carries EXIF');
    const media = await importImage(site.ctx, {
      bytes: withGps,
      originalName: 'holiday.jpg',
      alt: 'a',
      credit: 'Photo: Me',
    });
    assert.deepEqual([...new Set(media.variants.map((v) => v.format))].sort(), ['avif', 'jpeg', 'webp']);
    assert.ok(media.variants.some((v) => v.width === 480) && media.variants.some((v) => v.width === 1200));
    for (const bytes of await publicFiles(site, media)) {
      await assertClean(bytes, 'gps photo');
      assert.ok(!bytes.includes(Buffer.from('SpyCam')));
    }
  });

  test('EXIF orientation is applied before the metadata goes', async () => {
    const rotated = await sharp({ create: { width: 300, height: 100, channels: 3, background: '#000' } })
      .jpeg()
      .withMetadata({ orientation: 6 })
      .toBuffer();
    const media = await importImage(site.ctx, { bytes: rotated, originalName: 'rotated.jpg' });
    assert.deepEqual([media.width, media.height], [100, 300]);
  });

  test('hostile images are refused or re-encoded without their payloads', async () => {
    for (const name of files('hostile')) {
      const bytes = readFileSync(join(fixtures, 'hostile', name));
      try {
        const media = await importImage(site.ctx, { bytes, originalName: name });
        for (const file of await publicFiles(site, media)) await assertClean(file, name);
      } catch (error) {
        assert.ok(
          error instanceof DomainError && refusalCodes.includes(error.code),
          `${name}: ${String(error)}`,
        );
      }
    }
  });

  test('SVG, SVGZ, XHTML and XML are refused with a clear error', async () => {
    for (const name of files('svg')) {
      const bytes = readFileSync(join(fixtures, 'svg', name));
      await assert.rejects(
        importImage(site.ctx, { bytes, originalName: name.replace(/\.\w+$/, '.png') }),
        (e: DomainError) => e.code === 'UNSUPPORTED_MEDIA_TYPE' && /not|accepted|read/.test(e.message),
        name,
      );
    }
  });

  test('raster formats we publish are accepted; others are refused, never stored half-way', async () => {
    const accepted = new Set(['gif', 'jpg', 'png', 'tiff', 'webp']);
    for (const name of files('seeds')) {
      const bytes = readFileSync(join(fixtures, 'seeds', name));
      const extension = name.split('.').pop()!;
      const before = (await site.ctx.repos.media.list({ offset: 0, limit: 1000 })).length;
      if (accepted.has(extension)) {
        const media = await importImage(site.ctx, { bytes, originalName: name });
        assert.ok(media.width > 0, name);
      } else {
        await assert.rejects(
          importImage(site.ctx, { bytes, originalName: name }),
          (e: DomainError) => e.code === 'UNSUPPORTED_MEDIA_TYPE',
          name,
        );
        assert.equal(
          (await site.ctx.repos.media.list({ offset: 0, limit: 1000 })).length,
          before,
          `${name}: nothing stored`,
        );
      }
    }
  });

  test('empty, truncated and absurd inputs give clear errors', async () => {
    await assert.rejects(
      importImage(site.ctx, { bytes: Buffer.alloc(0), originalName: 'x.jpg' }),
      (e: DomainError) => e.code === 'VALIDATION',
    );
    const jpeg = readFileSync(join(fixtures, 'seeds', 'not_kitty.jpg'));
    await assert.rejects(
      importImage(site.ctx, { bytes: jpeg.subarray(0, 40), originalName: 'cut.jpg' }),
      (e: DomainError) => refusalCodes.includes(e.code),
    );
    await assert.rejects(
      importImage(site.ctx, {
        bytes: Buffer.from('<html><script>alert(1)</script></html>'),
        originalName: 'x.jpg',
      }),
      (e: DomainError) => e.code === 'UNSUPPORTED_MEDIA_TYPE',
    );
    const huge = await sharp({ create: { width: 10, height: 10, channels: 3, background: '#fff' } })
      .png()
      .toBuffer();
    // A PNG header claiming 100000 x 100000 pixels: refused before it is decoded.
    const bomb = Buffer.from(huge);
    bomb.writeUInt32BE(100_000, 16);
    bomb.writeUInt32BE(100_000, 20);
    await assert.rejects(
      importImage(site.ctx, { bytes: bomb, originalName: 'bomb.png' }),
      (e: DomainError) => e.code === 'PAYLOAD_TOO_LARGE' || e.code === 'UNSUPPORTED_MEDIA_TYPE',
    );
  });

  test('file names cannot steer where files are written', async () => {
    const bytes = readFileSync(join(fixtures, 'seeds', 'not_kitty.png'));
    const media = await importImage(site.ctx, { bytes, originalName: '../../../etc/passwd\u0000.png' });
    assert.match(media.storageKey, /^\d{4}\/\d\d\/[a-z0-9-]+\.(png|jpg)$/);
  });
});
