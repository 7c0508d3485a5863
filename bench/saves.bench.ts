/**
 * `npm run bench:saves`: what a save costs on a large archive. For each size in BENCH_POSTS
 * (default 1000,10000) it builds a SQLite site of that many published posts, then prints beside the
 * targets: the p95 of a draft save, how long a cached page read started with each save waits (the
 * event-loop stall), and the "Check Also" job's time per changed post.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../src/config/config.js';
import { documentFromText } from '../src/domain/posts/editor-document.js';
import { drainRelatedJobs } from '../src/domain/posts/related-job.js';
import { createPost, updatePost } from '../src/domain/posts/save-post.js';
import { createTag } from '../src/domain/taxonomy/tags.js';
import { buildApp } from '../src/http/app.js';
import { openSite } from '../src/main.js';
import { systemActor } from '../src/domain/staff/permissions.js';

const sizes = (process.env.BENCH_POSTS ?? '1000,10000').split(',').map(Number);
const saves = Number(process.env.BENCH_SAVES ?? 200);
const changed = Number(process.env.BENCH_CHANGED ?? 50);

const report = (name: string, figure: number, target: number) =>
  console.log(`${figure <= target ? '✓' : '✗'} ${name}: ${figure.toFixed(1)} ms (target ≤ ${target} ms)`);

const p95 = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length * 0.95)]!;

/** A vocabulary with a long tail, so term counts look like an archive's (a few common, most rare). */
const vocabulary = Array.from({ length: 5000 }, (_, i) => `w${i.toString(36)}x`);
let seed = 1;
const random = () => (seed = (seed * 48271) % 2147483647) / 2147483647;
const word = () => vocabulary[Math.floor(vocabulary.length * random() ** 3)]!;
const text = (n: number) => Array.from({ length: n }, word).join(' ');

async function benchSize(posts: number): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'broadsheet-saves-bench-'));
  const site = await openSite(loadConfig({ BROADSHEET_DATA_DIR: dataDir, LOG_LEVEL: 'silent' }));
  try {
    const tags = await Promise.all(
      Array.from({ length: 30 }, (_, i) => createTag(site.ctx, systemActor('bench'), { name: `Topic ${i}` })),
    );
    const ids: string[] = [];
    for (let i = 0; i < posts; i++)
      ids.push(
        await createPost(site.ctx, {
          title: text(6),
          status: 'published',
          tagIds: [tags[i % tags.length]!.id],
          body: documentFromText(text(300)),
        }),
      );
    const built = performance.now();
    await drainRelatedJobs(site.ctx);
    console.log(
      `${posts} posts: first build of Check Also ${((performance.now() - built) / posts).toFixed(1)} ms per post`,
    );

    const { app } = await buildApp(site);
    await app.ready();
    await app.inject({ url: '/' });
    const draft = await createPost(site.ctx, { title: 'A long read in progress' });
    const times: number[] = [];
    const reads: number[] = [];
    const timed = async (work: () => Promise<unknown>) => {
      const started = performance.now();
      await work();
      return performance.now() - started;
    };
    for (let i = 0; i < saves; i++) {
      // A cached page read started together with the save: how long the save keeps it waiting.
      const [save, read] = await Promise.all([
        timed(() => updatePost(site.ctx, draft, { body: documentFromText(text(400)) })),
        timed(() => app.inject({ url: '/' })),
      ]);
      times.push(save);
      reads.push(read);
    }
    report(`${posts} posts: draft save p95`, p95(times), 30);
    report(`${posts} posts: cached page read during a save, p95 (the event-loop stall)`, p95(reads), 30);

    for (let i = 0; i < changed; i++)
      await updatePost(site.ctx, ids[Math.floor(random() * ids.length)]!, {
        body: documentFromText(text(300)),
      });
    const started = performance.now();
    const steps = await drainRelatedJobs(site.ctx);
    report(
      `${posts} posts: Check Also job per changed post`,
      (performance.now() - started) / Math.max(1, steps),
      50,
    );
    await app.close();
  } finally {
    await site.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

for (const size of sizes) await benchSize(size);
console.log('Targets at 100,000 posts: draft save p95 ≤ 30 ms; Check Also job ≤ 50 ms per changed post.');
