import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { documentFromText } from '../../src/domain/posts/editor-document.js';
import { drainRelatedJobs } from '../../src/domain/posts/related-job.js';
import { createPost } from '../../src/domain/posts/save-post.js';
import { createTag } from '../../src/domain/taxonomy/tags.js';
import { fullRecompute, storedLists } from '../helpers/related.js';
import { dialects } from '../helpers/sites.js';
import { testAdministrator } from '../helpers/actors.js';
import { bundleChild, type ChildBundle } from '../helpers/child-bundle.js';
import { killSandbox } from '../helpers/kill-sandbox.js';

/*
 * A real process working the related-posts queue is killed with SIGKILL in the middle of a step (its
 * writes made, not committed). The next start finishes the queue, and the lists are those of a full
 * recompute: the killed step left nothing half-done and lost no job.
 */

const child = join(import.meta.dirname, 'related-kill-child.ts');
// Bundled once for the file: each start of the child then costs no TypeScript compilation.
let bundle: ChildBundle | undefined;
before(async () => {
  bundle = await bundleChild(child);
});
after(() => bundle?.remove());
const words = 'harbour quota trawler election budget glacier ferry strike salmon tunnel council bridge'.split(
  ' ',
);
const stepsBeforeHang = 5;

function runUntilHanging(env: Record<string, string>): Promise<number> {
  const proc = spawn(process.execPath, [bundle!.path], {
    env: { ...process.env, ...env, STEPS_BEFORE_HANG: String(stepsBeforeHang) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  proc.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
  return new Promise((resolve, reject) => {
    let steps = 0;
    let out = '';
    proc.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      steps = out.split('step\n').length - 1;
      if (out.includes('hanging\n')) proc.kill('SIGKILL');
    });
    proc.once('exit', (_code, signal) =>
      signal === 'SIGKILL' ? resolve(steps) : reject(new Error(`child ended without hanging: ${stderr}`)),
    );
  });
}

for (const dialect of dialects) {
  describe(`related posts job killed mid-step on ${dialect.name}`, { skip: dialect.skip }, () => {
    test('a restart finishes the queue with the lists of a full recompute', async () => {
      const box = await killSandbox(dialect.name, 'related-kill');
      const { env, open } = box;
      let site = await open();
      try {
        const tag = await createTag(site.ctx, testAdministrator, { name: 'Coast', kind: 'topic' });
        for (let i = 0; i < 20; i++)
          await createPost(site.ctx, {
            title: `${words[i % 12]} ${words[(i * 5) % 12]}`,
            status: 'published',
            tagIds: i % 3 === 0 ? [tag.id] : [],
            body: documentFromText(`${words[(i * 7) % 12]} ${words[(i + 3) % 12]} ${words[i % 12]}`),
          });
        assert.equal(await site.ctx.repos.related.pendingCount(), 20);
        await site.close();

        assert.equal(await runUntilHanging(env), stepsBeforeHang);

        site = await open();
        assert.equal(
          await site.ctx.repos.related.pendingCount(),
          20 - stepsBeforeHang,
          'the killed step kept its job',
        );
        await drainRelatedJobs(site.ctx);
        assert.equal(await site.ctx.repos.related.pendingCount(), 0);
        const lists = await storedLists(site.storage);
        assert.ok(Object.keys(lists).length > 10);
        assert.deepEqual(lists, await fullRecompute(site.ctx));
      } finally {
        await site.close();
        await box.destroy();
      }
    });
  });
}
