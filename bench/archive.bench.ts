/**
 * `npm run bench:archive`: a newsroom's archive at 1,000, 10,000 and 100,000 published posts
 * (bench/archive-corpus.ts), served by the real server started as `npm start` starts it, every
 * request figure measured over HTTP on 127.0.0.1. Prints each figure beside its target, and at the
 * end each figure's growth from the smallest to the largest archive as a ratio.
 *   BENCH_POSTS=1000,10000        the archive sizes (default 1000,10000,100000)
 *   BENCH_DATABASES=sqlite        sqlite, postgres or both (default: both when a PostgreSQL URL is set)
 *   BENCH_ROUNDS=7                cold renders of each page (the page cache is emptied before each round)
 *   BENCH_RELATED_BUILD=0         skip the first "Check Also" build of the whole archive (long at 100k)
 *   BENCH_KEEP=DIR                build each archive (and its first Check Also build) once into DIR and reuse it
 *   DATABASE_URL or BROADSHEET_TEST_POSTGRES_URL   the PostgreSQL to measure (a fresh schema each run)
 * Targets are for 100,000 posts on a 2-core machine; below that size they are shown for information.
 */
import { spawnSync } from 'node:child_process';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { documentFromText } from '../src/domain/posts/editor-document.js';
import { drainRelatedJobs } from '../src/domain/posts/related-job.js';
import { updatePost } from '../src/domain/posts/save-post.js';
import { postsPerPage } from '../src/http/site/site-pages.js';
import { realisticQueries } from './archive-corpus.js';
import {
  buildBenchSite,
  databaseBytes,
  startServer,
  timed,
  type BenchSite,
  type RunningServer,
} from './archive-server.js';

const sizes = (process.env.BENCH_POSTS ?? '1000,10000,100000').split(',').map(Number);
const postgresUrl = process.env.DATABASE_URL ?? process.env.BROADSHEET_TEST_POSTGRES_URL;
const databases = (process.env.BENCH_DATABASES ?? (postgresUrl ? 'sqlite,postgres' : 'sqlite')).split(',');
const rounds = Number(process.env.BENCH_ROUNDS ?? 7);
const targetSize = 100_000;

interface Figure {
  name: string;
  value: number;
  unit: string;
  /** The most the figure may be at 100,000 posts; undefined for figures shown for information. */
  target?: number;
  note?: string;
}

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))]!;
};
const median = (values: number[]) => percentile(values, 0.5);

function printFigures(bench: BenchSite, figures: Figure[]): void {
  // A shared machine's load inflates every time; it is printed so figures can be read against it.
  const load = loadavg()
    .map((l) => l.toFixed(1))
    .join(' ');
  console.log(
    `\n${bench.database}, ${bench.posts} posts (load average ${load}; built in ${bench.buildSeconds.toFixed(0)} s, Check Also first build ${bench.relatedBuildSeconds.toFixed(0)} s)`,
  );
  for (const f of figures) {
    const value = `${f.value.toFixed(f.value < 10 ? 2 : 1)} ${f.unit}`.padStart(12);
    const verdict =
      f.target === undefined
        ? ''
        : bench.posts >= targetSize
          ? f.value <= f.target
            ? `✓ target ≤ ${f.target} ${f.unit}`
            : `✗ MISSES target ≤ ${f.target} ${f.unit}`
          : `(target ≤ ${f.target} ${f.unit} at 100k)`;
    console.log(`  ${f.name.padEnd(40)} ${value}  ${verdict}${f.note ? ` (${f.note})` : ''}`);
  }
}

const adminHeaders = (bench: BenchSite) => ({
  authorization: `Bearer ${bench.token}`,
  'content-type': 'application/json',
});

/** A redirect set up in the admin drops every cached page (docs/ARCHITECTURE.md). */
async function emptyPageCache(server: RunningServer, bench: BenchSite, n: number): Promise<void> {
  await timed(`${server.base}/admin/api/redirects`, {
    method: 'POST',
    headers: adminHeaders(bench),
    body: JSON.stringify({ fromPath: `/bench-cache-drop-${n}/`, toUrl: '/' }),
  });
}

async function coldRenders(server: RunningServer, bench: BenchSite): Promise<Figure[]> {
  const lastPage = Math.floor((bench.posts - 2) / postsPerPage) + 1;
  const deepPage = Math.min(500, lastPage);
  const authorPage = Math.max(
    2,
    Math.min(500, Math.floor((bench.busiestAuthor.posts - 1) / postsPerPage) + 1),
  );
  const pages: Record<string, (round: number) => string> = {
    home: () => '/',
    'tag page': (r) => `/tag/bench-tag-${r}/`,
    article: (r) => `/bench-post-${(r * 7919) % bench.posts}/`,
    // Page 500, or the last page of a smaller archive (named alike, so growth is compared).
    'archive page 500': () => `/page/${deepPage}/`,
    "author's page 500": () => `/author/${bench.busiestAuthor.slug}/page/${authorPage}/`,
    'sitemap index': () => '/sitemap.xml',
    'child sitemap (posts 1)': () => '/sitemap-posts-1.xml',
  };
  const times = new Map<string, number[]>(Object.keys(pages).map((k) => [k, []]));
  const cpu = new Map<string, number[]>(Object.keys(pages).map((k) => [k, []]));
  for (let round = 0; round < rounds; round++) {
    await emptyPageCache(server, bench, round);
    for (const [name, path] of Object.entries(pages)) {
      const before = server.cpuMs();
      times.get(name)!.push((await timed(server.base + path(round))).ms);
      cpu.get(name)!.push(server.cpuMs() - before);
    }
  }
  const figures: Figure[] = [...times].map(([name, values]) => ({
    name: `cold ${name}`,
    value: median(values),
    unit: 'ms',
    note: `CPU ${median(cpu.get(name)!).toFixed(1)} ms${name.endsWith(' 500') ? `; page ${name.startsWith('author') ? authorPage : deepPage}` : ''}`,
  }));
  figures.push({
    name: 'archive page 500 ÷ page 1',
    value: median(times.get('archive page 500')!) / median(times.get('home')!),
    unit: '×',
    target: 2,
    note: `by CPU ${(median(cpu.get('archive page 500')!) / median(cpu.get('home')!)).toFixed(2)} ×`,
  });
  return figures;
}

async function searchFigures(server: RunningServer, bench: BenchSite): Promise<Figure[]> {
  const queries = realisticQueries(bench.corpus);
  const url = (q: string) => `${server.base}/search/?q=${encodeURIComponent(q)}`;
  for (const q of queries.slice(0, 10)) await timed(url(q));
  const times: number[] = [];
  for (let round = 0; round < 2; round++) for (const q of queries) times.push((await timed(url(q))).ms);
  const target = bench.database === 'postgres' ? 30 : 20;
  return [
    { name: 'search p50 (100 queries, HTTP)', value: percentile(times, 0.5), unit: 'ms' },
    { name: 'search p95 (100 queries, HTTP)', value: percentile(times, 0.95), unit: 'ms', target },
  ];
}

const words = (bench: BenchSite, n: number, seed: number) =>
  Array.from(
    { length: n },
    (_, i) => bench.corpus.vocabulary.en[(i * 31 + seed * 17) % bench.corpus.vocabulary.en.length],
  ).join(' ');
const articleText = (bench: BenchSite, seed: number) =>
  Array.from({ length: 8 }, (_, p) => words(bench, 100, seed + p)).join('\n\n');

async function createDraft(server: RunningServer, bench: BenchSite, n: number): Promise<string> {
  const { body } = await timed(`${server.base}/admin/api/posts`, {
    method: 'POST',
    headers: adminHeaders(bench),
    body: JSON.stringify({
      title: `Bench draft ${n} ${words(bench, 5, n)}`,
      body: documentFromText(articleText(bench, n)),
      tagIds: [`t${(n % 500).toString(16).padStart(23, '0')}`],
    }),
  });
  return (JSON.parse(body) as { post: { id: string } }).post.id;
}

async function saveFigures(server: RunningServer, bench: BenchSite): Promise<Figure[]> {
  const draft = await createDraft(server, bench, 0);
  const saves: number[] = [];
  const cpuBefore = server.cpuMs();
  for (let i = 0; i < 60; i++)
    saves.push(
      (
        await timed(`${server.base}/admin/api/posts/${draft}`, {
          method: 'PATCH',
          headers: adminHeaders(bench),
          body: JSON.stringify({ body: documentFromText(articleText(bench, i)) }),
        })
      ).ms,
    );
  const saveCpu = (server.cpuMs() - cpuBefore) / saves.length;
  const publishes: number[] = [];
  let publishCpu = 0;
  for (let i = 1; i <= 30; i++) {
    const id = await createDraft(server, bench, i);
    const before = server.cpuMs();
    publishes.push(
      (
        await timed(`${server.base}/admin/api/posts/${id}/publish`, {
          method: 'POST',
          headers: adminHeaders(bench),
          body: '{}',
        })
      ).ms,
    );
    publishCpu += (server.cpuMs() - before) / 30;
  }
  return [
    {
      name: 'draft save p95 (PATCH, HTTP)',
      value: percentile(saves.slice(10), 0.95),
      unit: 'ms',
      target: 30,
      note: `mean main-thread CPU ${saveCpu.toFixed(1)} ms`,
    },
    {
      name: 'publish request p95 (HTTP)',
      value: percentile(publishes, 0.95),
      unit: 'ms',
      target: 100,
      note: `mean main-thread CPU ${publishCpu.toFixed(1)} ms, background jobs included`,
    },
  ];
}

/** "Check Also" after edits of published posts: the job's drain function, per changed post. */
async function relatedFigure(bench: BenchSite): Promise<{ figure: Figure; bytes: number }> {
  const site = await bench.open();
  try {
    await drainRelatedJobs(site.ctx);
    const changed = 20;
    for (let i = 0; i < changed; i++)
      await updatePost(site.ctx, bench.corpus.postIds[(i * 4099) % bench.posts]!, {
        body: documentFromText(articleText(bench, 1000 + i)),
      });
    const started = performance.now();
    const steps = await drainRelatedJobs(site.ctx);
    const perPost = (performance.now() - started) / Math.max(1, steps);
    const bytes = await databaseBytes(site, bench);
    return {
      figure: { name: 'Check Also job per changed post', value: perPost, unit: 'ms', target: 50 },
      bytes,
    };
  } finally {
    await site.close();
  }
}

async function run(database: string, posts: number): Promise<Figure[]> {
  const bench = await buildBenchSite(database, posts, postgresUrl, (m) =>
    process.stderr.write(`  ${database} ${posts}: ${m}          \r`),
  );
  process.stderr.write('\n');
  try {
    const server = await startServer(bench);
    const figures: Figure[] = [
      {
        name: 'start (spawn to first page)',
        value: server.startMs,
        unit: 'ms',
        target: 1000,
        note: `main thread CPU ${server.startCpuMs.toFixed(0)} ms`,
      },
    ];
    try {
      figures.push(...(await coldRenders(server, bench)));
      figures.push(...(await searchFigures(server, bench)));
      figures.push(...(await saveFigures(server, bench)));
      figures.push({ name: 'server RSS after warm-up', value: server.rssMiB(), unit: 'MiB', target: 150 });
    } finally {
      await server.stop();
    }
    const related = await relatedFigure(bench);
    figures.push(related.figure, { name: 'database size', value: related.bytes / 1024 / 1024, unit: 'MiB' });
    printFigures(bench, figures);
    return figures;
  } finally {
    await bench.destroy();
  }
}

function printGrowth(database: string, first: [number, Figure[]], last: [number, Figure[]]): void {
  console.log(`\n${database}: growth from ${first[0]} to ${last[0]} posts`);
  for (const f of last[1]) {
    const before = first[1].find((g) => g.name === f.name);
    if (before && !f.name.includes('÷'))
      console.log(`  ${f.name.padEnd(40)} ×${(f.value / before.value).toFixed(2)}`);
  }
}

spawnSync(process.execPath, [join(import.meta.dirname, '..', 'scripts', 'build.mjs')], { stdio: 'inherit' });
for (const database of databases) {
  const results: [number, Figure[]][] = [];
  for (const posts of sizes) results.push([posts, await run(database, posts)]);
  if (results.length > 1) printGrowth(database, results[0]!, results.at(-1)!);
}
