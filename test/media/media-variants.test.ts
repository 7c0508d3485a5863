import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import sharp from 'sharp';
import { importOriginal } from '../../src/domain/media/import-image.js';
import {
  drainMediaVariants,
  makeNextVariants,
  pendingVariantsCount,
  releaseVariantClaims,
} from '../../src/domain/media/media-variants.js';
import type { MediaRecord } from '../../src/domain/ports.js';
import type { Site } from '../../src/main.js';
import { aPublishedPost, makeJpeg } from '../helpers/factories.js';
import { createTestSite, dialects, type TestSite } from '../helpers/sites.js';

/*
 * The media-variants job on both databases: an imported original is served as it is (one
 * rendition, the post's stored HTML showing it) until the job has made its variants; then the
 * record and the post's HTML show them. A claim is held by one process at a time, a dead process's
 * claim comes free, and an image that cannot be made is given up on with its original kept.
 */

const inAMinute = (site: Site) => new Date(site.ctx.clock.now().getTime() + 60_000).toISOString();
const now = (site: Site) => site.ctx.clock.now().toISOString();

async function anOriginal(site: TestSite, bytes?: Buffer): Promise<MediaRecord> {
  return importOriginal(site.ctx, {
    bytes: bytes ?? (await makeJpeg(1200, 800, '#225588')),
    originalName: 'harbour.jpg',
    caption: 'The harbour',
    credit: 'Kari Berg',
  });
}

const figureBody = (mediaId: string) => ({
  type: 'doc' as const,
  content: [
    { type: 'paragraph' as const, content: [{ type: 'text' as const, text: 'Morning at the harbour.' }] },
    { type: 'figure' as const, attrs: { src: `media:${mediaId}`, alt: 'Boats', caption: '', credit: '' } },
  ],
});

for (const dialect of dialects) {
  describe(`the media-variants job on ${dialect.name}`, { skip: dialect.skip }, () => {
    let site: TestSite;
    before(async () => {
      site = await createTestSite(dialect.name);
    });
    after(async () => site?.destroy());

    test('an original is served as it is until its variants exist; then the post shows them', async () => {
      const jpeg = await makeJpeg(1200, 800, '#225588');
      const media = await anOriginal(site, jpeg);
      assert.equal(media.variantsState, 'pending');
      assert.deepEqual(
        media.variants.map((v) => v.key),
        [media.storageKey],
        'one rendition: the original',
      );
      assert.deepEqual(await site.blobs.get(media.storageKey), jpeg, 'stored as it came');
      const postId = await aPublishedPost(site.ctx, { body: figureBody(media.id) });
      const before = (await site.ctx.repos.posts.findById(postId))!;
      assert.ok(
        before.bodyHtml.includes(site.blobs.publicPath(media.storageKey)),
        'the page shows the original',
      );
      assert.equal(await pendingVariantsCount(site.ctx), 1);

      assert.deepEqual(await drainMediaVariants(site.ctx, { claimer: 'test' }), { made: 1, failed: 0 });
      const made = (await site.ctx.repos.media.findById(media.id))!;
      assert.equal(made.variantsState, 'done');
      assert.deepEqual(new Set(made.variants.map((v) => v.format)), new Set(['avif', 'webp', 'jpeg']));
      assert.notEqual(made.storageKey, media.storageKey);
      assert.equal(made.originalKey, media.storageKey);
      assert.equal(made.caption, 'The harbour');
      assert.equal(made.credit, 'Kari Berg');
      const master = await sharp((await site.blobs.get(made.storageKey))!).metadata();
      assert.equal(master.exif, undefined, 'the re-encoded master carries no metadata');
      assert.ok(await site.blobs.get(media.storageKey), 'the original stays for pages cached meanwhile');
      const after = (await site.ctx.repos.posts.findById(postId))!;
      const avif = made.variants.find((v) => v.format === 'avif')!;
      assert.ok(
        after.bodyHtml.includes(site.blobs.publicPath(avif.key)),
        'the stored HTML shows the variants',
      );
      assert.ok(!after.bodyHtml.includes(site.blobs.publicPath(media.storageKey)));
      assert.equal(after.updatedAt, before.updatedAt, 'no edit: the post keeps its time');
      assert.equal(await pendingVariantsCount(site.ctx), 0);
      assert.deepEqual(await drainMediaVariants(site.ctx, { claimer: 'test' }), { made: 0, failed: 0 });
    });

    test("a claim is held by one process; a dead process's claim comes free at the next start", async () => {
      const media = await anOriginal(site);
      const [held] = await site.ctx.repos.media.claimPendingVariants({
        claimer: 'dead process',
        now: now(site),
        until: inAMinute(site),
        limit: 10,
      });
      assert.equal(held?.media.id, media.id);
      assert.equal(await makeNextVariants(site.ctx, { claimer: 'other' }), 'none', 'held by its claimer');
      await releaseVariantClaims(site.ctx);
      assert.equal(await makeNextVariants(site.ctx, { claimer: 'other' }), 'made');
      const made = (await site.ctx.repos.media.findById(media.id))!;
      assert.equal(made.variantsState, 'done');
      assert.equal(
        await site.ctx.repos.media.finishVariants(media.id, 'dead process', made, now(site)),
        false,
        'the claim was lost: what it made is not recorded',
      );
    });

    test('processes claiming at once never take the same image', async () => {
      const twin = await site.openTwin();
      try {
        const ids = new Set([(await anOriginal(site)).id, (await anOriginal(site)).id]);
        const claim = (where: Site, claimer: string) =>
          where.ctx.repos.media.claimPendingVariants({
            claimer,
            now: now(site),
            until: inAMinute(site),
            limit: 1,
          });
        const [mine, theirs] = await Promise.all([claim(site, 'one'), claim(twin, 'two')]);
        const claimed = [...mine, ...theirs].map((c) => c.media.id);
        assert.equal(new Set(claimed).size, claimed.length, 'no image claimed twice');
        for (const id of claimed) assert.ok(ids.has(id));
        await releaseVariantClaims(site.ctx);
        assert.equal((await drainMediaVariants(twin.ctx, { claimer: 'two' })).made, 2);
      } finally {
        await twin.close();
      }
    });

    test('an image that cannot be decoded is given up on, its original still shown', async () => {
      const jpeg = await makeJpeg(1200, 800, '#884422');
      const damaged = Buffer.concat([jpeg.subarray(0, Math.floor(jpeg.length / 3)), Buffer.alloc(64)]);
      const media = await anOriginal(site, damaged);
      assert.equal(media.variantsState, 'pending', 'the header is whole: the import takes it');
      assert.deepEqual(await drainMediaVariants(site.ctx, { claimer: 'test' }), { made: 0, failed: 1 });
      const failed = (await site.ctx.repos.media.findById(media.id))!;
      assert.equal(failed.variantsState, 'failed');
      assert.deepEqual(
        failed.variants.map((v) => v.key),
        [media.storageKey],
      );
    });

    test('an image whose claims never finished three times is given up on', async () => {
      const media = await anOriginal(site);
      for (let attempt = 0; attempt < 3; attempt++) {
        await site.ctx.repos.media.claimPendingVariants({
          claimer: `crashed ${attempt}`,
          now: now(site),
          until: now(site),
          limit: 10,
        });
        await releaseVariantClaims(site.ctx);
      }
      assert.equal(await makeNextVariants(site.ctx, { claimer: 'test' }), 'failed');
      assert.equal((await site.ctx.repos.media.findById(media.id))!.variantsState, 'failed');
    });
  });
}
