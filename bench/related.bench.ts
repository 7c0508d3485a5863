/**
 * `npm run bench:related`: what the "Check Also" job costs per changed post on a large archive. For
 * each database and size it builds an archive (bench/archive-corpus.ts), runs the first full build,
 * then times one job step after each change of a stream (publish new, update published, unpublish,
 * delete) and prints ms per changed post (p50/p95/mean) beside the target, then the growth ratio
 * from the smallest to the largest size.
 *   BENCH_POSTS=1000,10000     archive sizes (default 1000,10000)
 *   BENCH_DATABASES=sqlite     sqlite, postgres or both (default: both when a PostgreSQL URL is set)
 *   BENCH_CHANGES=200          changes in the stream (default 200)
 *   BENCH_PROFILE=1            also prints where a step's time goes, by repository method
 *   DATABASE_URL or BROADSHEET_TEST_POSTGRES_URL   the PostgreSQL to measure (a fresh schema each run)
 * Target at 100,000 posts: ≤ 50 ms per changed post, and flat growth from 1k to 100k.
 */
import { documentFromText } from '../src/domain/posts/editor-document.js';
import { drainRelatedJobs, runRelatedStep } from '../src/domain/posts/related-job.js';
import { createPost, deletePost, updatePost } from '../src/domain/posts/save-post.js';
import { type Site } from '../src/main.js';
import { KyselyRelatedRepository } from '../src/storage/repositories/related.repository.js';
import { buildArchiveCorpus, type ArchiveCorpus } from './archive-corpus.js';
import { openBenchSite, postgresUrl } from './bench-site.js';

const sizes = (process.env.BENCH_POSTS ?? '1000,10000').split(',').map(Number);
const databases = (process.env.BENCH_DATABASES ?? (postgresUrl ? 'sqlite,postgres' : 'sqlite')).split(',');
const changes = Number(process.env.BENCH_CHANGES ?? 200);
const isProfiled = process.env.BENCH_PROFILE === '1';
const target = 50;

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))]!;

/** Time spent in each repository method of the related job, summed over the stream. */
const profile = new Map<string, { ms: number; calls: number }>();
function profileRepository(): void {
  const proto = KyselyRelatedRepository.prototype as unknown as Record<string, unknown>;
  for (const name of Object.getOwnPropertyNames(proto)) {
    const original = proto[name];
    if (name === 'constructor' || typeof original !== 'function') continue;
    proto[name] = async function (this: unknown, ...args: unknown[]) {
      const started = performance.now();
      try {
        return await (original as (...a: unknown[]) => Promise<unknown>).apply(this, args);
      } finally {
        const entry = profile.get(name) ?? { ms: 0, calls: 0 };
        entry.ms += performance.now() - started;
        entry.calls++;
        profile.set(name, entry);
      }
    };
  }
}

/** A seeded PRNG for the stream, so every run makes the same changes. */
function random(seed: number) {
  let a = seed;
  return () => (a = (a * 48271) % 2147483647) / 2147483647;
}

interface Stream {
  site: Site;
  corpus: ArchiveCorpus;
  tagIds: string[];
}

/** One change of the stream: new posts, updates (text and tags), unpublishing, deleting, in turn. */
function changeMaker({ site, corpus, tagIds }: Stream) {
  const rng = random(4242);
  const pick = <T>(items: T[]) => items[Math.floor(rng() * items.length)]!;
  const text = (n: number) =>
    Array.from({ length: n }, () => pick(rng() < 0.7 ? corpus.vocabulary.en : corpus.vocabulary.nb)).join(
      ' ',
    );
  const tags = () => Array.from({ length: 2 + Math.floor(rng() * 3) }, () => pick(tagIds));
  const live = [...corpus.postIds];
  const takeLive = () => live.splice(Math.floor(rng() * live.length), 1)[0]!;
  const kinds = ['publish', 'update', 'update', 'unpublish', 'delete'] as const;
  return async (i: number): Promise<string> => {
    const kind = kinds[i % kinds.length]!;
    if (kind === 'publish')
      live.push(
        await createPost(site.ctx, {
          title: text(8),
          status: 'published',
          tagIds: [...new Set(tags())],
          body: documentFromText(text(400)),
        }),
      );
    else if (kind === 'update') {
      const id = pick(live);
      await updatePost(site.ctx, id, {
        body: documentFromText(text(400)),
        ...(rng() < 0.5 ? { tagIds: [...new Set(tags())] } : {}),
      });
    } else if (kind === 'unpublish') await updatePost(site.ctx, takeLive(), { status: 'draft' });
    else await deletePost(site.ctx, takeLive());
    return kind;
  };
}

async function benchSize(database: string, posts: number): Promise<number> {
  const { site, destroy } = await openBenchSite(database, 'related');
  try {
    const startedBuild = performance.now();
    const corpus = await buildArchiveCorpus(site.storage.db, site.ctx.repos, { posts, isIndexed: false });
    const tagIds = (await site.storage.db.selectFrom('tags').select('id').execute()).map((t) => t.id);
    await site.ctx.repos.related.request(corpus.postIds, new Date().toISOString());
    const built = performance.now();
    await drainRelatedJobs(site.ctx);
    const buildMs = performance.now() - built;
    console.log(
      `${database} ${posts} posts: archive in ${((built - startedBuild) / 1000).toFixed(1)} s, ` +
        `first build of Check Also ${(buildMs / 1000).toFixed(1)} s (${(buildMs / posts).toFixed(2)} ms per post)`,
    );
    const change = changeMaker({ site, corpus, tagIds });
    const times = new Map<string, number[]>();
    profile.clear();
    for (let i = 0; i < changes; i++) {
      const kind = await change(i);
      const started = performance.now();
      const step = await runRelatedStep(site.ctx);
      const ms = performance.now() - started;
      if (step.kind !== 'done') throw new Error(`expected one step, got ${step.kind}`);
      times.set(kind, [...(times.get(kind) ?? []), ms]);
    }
    const all = [...times.values()].flat().sort((a, b) => a - b);
    const mean = all.reduce((s, t) => s + t, 0) / all.length;
    const p95 = percentile(all, 0.95);
    console.log(
      `${p95 <= target ? '✓' : '✗'} ${database} ${posts} posts: Check Also job per changed post ` +
        `p50 ${percentile(all, 0.5).toFixed(1)} ms, p95 ${p95.toFixed(1)} ms, mean ${mean.toFixed(1)} ms ` +
        `(target ≤ ${target} ms at 100,000 posts)`,
    );
    for (const [kind, values] of times) {
      const sorted = [...values].sort((a, b) => a - b);
      console.log(
        `    ${kind}: p50 ${percentile(sorted, 0.5).toFixed(1)} ms, p95 ${percentile(sorted, 0.95).toFixed(1)} ms`,
      );
    }
    if (isProfiled)
      for (const [name, { ms, calls }] of [...profile].sort((a, b) => b[1].ms - a[1].ms))
        console.log(
          `    ${name}: ${(ms / changes).toFixed(2)} ms per step (${(calls / changes).toFixed(1)} calls)`,
        );
    return mean;
  } finally {
    await destroy();
  }
}

if (isProfiled) profileRepository();
for (const database of databases) {
  const means: number[] = [];
  for (const size of sizes) means.push(await benchSize(database, size));
  if (sizes.length > 1)
    console.log(
      `${database}: growth of the mean from ${sizes[0]} to ${sizes.at(-1)} posts: ×${(means.at(-1)! / means[0]!).toFixed(2)} (target: flat)`,
    );
}
