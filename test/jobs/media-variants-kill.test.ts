import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { importOriginal } from '../../src/domain/media/import-image.js';
import {
  drainMediaVariants,
  pendingVariantsCount,
  releaseVariantClaims,
} from '../../src/domain/media/media-variants.js';
import { aPublishedPost, makeJpeg } from '../helpers/factories.js';
import { bundleChild, type ChildBundle } from '../helpers/child-bundle.js';
import { killSandbox } from '../helpers/kill-sandbox.js';
import { dialects } from '../helpers/sites.js';

/*
 * A real process making imported images' variants is killed with SIGKILL inside the transaction
 * that records one (its files written, nothing committed). The next start carries on: every image
 * gets its variants once, the killed one included, and the post's stored HTML shows them all.
 */

const child = join(import.meta.dirname, 'media-variants-kill-child.ts');
let bundle: ChildBundle | undefined;
before(async () => {
  bundle = await bundleChild(child);
});
after(() => bundle?.remove());
const imagesBeforeHang = 2;

function runUntilHanging(env: Record<string, string>): Promise<number> {
  const proc = spawn(process.execPath, [bundle!.path], {
    env: { ...process.env, ...env, IMAGES_BEFORE_HANG: String(imagesBeforeHang) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  proc.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
  return new Promise((resolve, reject) => {
    let out = '';
    proc.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      if (out.includes('hanging\n')) proc.kill('SIGKILL');
    });
    proc.once('exit', (_code, signal) =>
      signal === 'SIGKILL'
        ? resolve(out.split('image\n').length - 1)
        : reject(new Error(`child ended without hanging: ${stderr}`)),
    );
  });
}

for (const dialect of dialects) {
  describe(`media-variants job killed mid-image on ${dialect.name}`, { skip: dialect.skip }, () => {
    test('the next start gives every image its variants once, the killed one included', async () => {
      const box = await killSandbox(dialect.name, 'media-variants-kill');
      let site = await box.open();
      try {
        const colours = ['#225588', '#882255', '#558822', '#555588'];
        const media = [];
        for (const colour of colours)
          media.push(
            await importOriginal(site.ctx, {
              bytes: await makeJpeg(700, 400, colour),
              originalName: 'a.jpg',
            }),
          );
        const postId = await aPublishedPost(site.ctx, {
          body: {
            type: 'doc',
            content: media.map((m) => ({
              type: 'figure' as const,
              attrs: { src: `media:${m.id}`, alt: '', caption: '', credit: '' },
            })),
          },
        });
        await site.close();

        assert.equal(await runUntilHanging(box.env), imagesBeforeHang);

        site = await box.open();
        assert.equal(
          await pendingVariantsCount(site.ctx),
          colours.length - imagesBeforeHang,
          'the killed image is still due',
        );
        // What `broadsheet start` does first when it is the only process working the queue.
        await releaseVariantClaims(site.ctx);
        assert.deepEqual(await drainMediaVariants(site.ctx, { claimer: 'restarted' }), {
          made: colours.length - imagesBeforeHang,
          failed: 0,
        });
        const post = (await site.ctx.repos.posts.findById(postId))!;
        for (const m of media) {
          const made = (await site.ctx.repos.media.findById(m.id))!;
          assert.equal(made.variantsState, 'done');
          assert.ok(made.variants.some((v) => v.format === 'avif'));
          for (const variant of made.variants)
            assert.ok(await site.blobs.get(variant.key), `${variant.key} is stored`);
          assert.ok(!post.bodyHtml.includes(m.storageKey), 'the post no longer shows the original');
          assert.ok(post.bodyHtml.includes(made.storageKey.replace(/\.jpg$/, '')));
        }
      } finally {
        await site.close();
        await box.destroy();
      }
    });
  });
}
