/**
 * `npm run bench:search`: builds archives of 1k, 10k and 100k published posts (bench/archive-corpus.ts)
 * and prints search p50/p95 over 100 realistic queries beside the targets, and the database size.
 * Targets at 100k posts: p95 ≤ 20 ms on SQLite, ≤ 30 ms on PostgreSQL.
 *   BENCH_POSTS=1000,10000   the archive sizes (default 1000,10000,100000)
 *   BENCH_DATABASES=sqlite    sqlite, postgres or both (default: both when a PostgreSQL URL is set)
 *   DATABASE_URL or BROADSHEET_TEST_POSTGRES_URL   the PostgreSQL to measure (a fresh schema each run)
 *   BENCH_KEEP=DIR            build each archive once into DIR and reuse it (bench/bench-site.ts)
 */
import { statSync, existsSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { visitor } from '../src/domain/posts/post.types.js';
import { searchPosts } from '../src/domain/search/search-posts.js';
import { type Site } from '../src/main.js';
import { buildArchiveCorpus, realisticQueries, type ArchiveCorpus } from './archive-corpus.js';
import { openBenchSite, postgresUrl } from './bench-site.js';

const sizes = (process.env.BENCH_POSTS ?? '1000,10000,100000').split(',').map(Number);
const databases = (process.env.BENCH_DATABASES ?? (postgresUrl ? 'sqlite,postgres' : 'sqlite')).split(',');
const targets: Record<string, number> = { sqlite: 20, postgres: 30 };

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))]!;

async function databaseSize(site: Site, database: string, dataDir: string, schema: string): Promise<number> {
  if (database === 'sqlite') {
    await sql`pragma wal_checkpoint(truncate)`.execute(site.storage.db);
    const file = join(dataDir, 'data', 'broadsheet.db');
    return statSync(file).size + (existsSync(`${file}-wal`) ? statSync(`${file}-wal`).size : 0);
  }
  const { rows } = await sql<{
    bytes: string;
  }>`select coalesce(sum(pg_total_relation_size(c.oid)), 0) as bytes
    from pg_class c join pg_namespace n on n.oid = c.relnamespace where n.nspname = ${schema} and c.relkind = 'r'`.execute(
    site.storage.db,
  );
  return Number(rows[0]!.bytes);
}

async function measure(site: Site, queries: string[]) {
  for (const q of queries.slice(0, 10)) await searchPosts(site.ctx, { viewer: visitor, q });
  const times: number[] = [];
  const cpuTimes: number[] = [];
  let found = 0;
  for (let round = 0; round < 3; round++)
    for (const q of queries) {
      const started = performance.now();
      const cpuBefore = process.cpuUsage();
      const outcome = await searchPosts(site.ctx, { viewer: visitor, q });
      times.push(performance.now() - started);
      const cpu = process.cpuUsage(cpuBefore);
      cpuTimes.push((cpu.user + cpu.system) / 1000);
      if (round === 0 && outcome.total > 0) found++;
    }
  times.sort((a, b) => a - b);
  cpuTimes.sort((a, b) => a - b);
  return {
    p50: percentile(times, 0.5),
    p95: percentile(times, 0.95),
    max: times.at(-1)!,
    // This process's CPU time per search (SQLite runs in it; PostgreSQL's own work is not counted):
    // what a busy machine's queueing leaves out of the wall time.
    cpuP95: percentile(cpuTimes, 0.95),
    found,
  };
}

/** p95 per database and archive size, for the growth line. */
const p95s = new Map<string, Map<number, number>>();

async function run(database: string, posts: number) {
  const bench = await openBenchSite(database, 'search', `archive_${posts}`);
  const { site, dataDir, schema, destroy } = bench;
  try {
    const started = performance.now();
    const kept = bench.kept<{ corpus: ArchiveCorpus; buildSeconds: number }>();
    const corpus =
      kept?.corpus ??
      (await buildArchiveCorpus(site.storage.db, site.ctx.repos, {
        posts,
        onProgress: (m) => process.stderr.write(`  ${database} ${posts}: ${m}\r`),
      }));
    const buildSeconds = kept?.buildSeconds ?? (performance.now() - started) / 1000;
    bench.keep({ corpus: { ...corpus, postIds: [] }, buildSeconds });
    const queries = realisticQueries(corpus);
    const result = await measure(site, queries);
    const size = await databaseSize(site, database, dataDir, schema);
    const target = targets[database]!;
    const verdict = posts >= 100_000 ? (result.p95 <= target ? 'meets' : 'MISSES') : 'target is for 100k';
    process.stderr.write('\n');
    p95s.set(database, (p95s.get(database) ?? new Map<number, number>()).set(posts, result.p95));
    console.log(
      `${database.padEnd(8)} ${String(posts).padStart(7)} posts  p50 ${result.p50.toFixed(1).padStart(6)} ms  p95 ${result.p95
        .toFixed(1)
        .padStart(
          6,
        )} ms  (target p95 ≤ ${target} ms at 100k: ${verdict})  max ${result.max.toFixed(0)} ms  ` +
        `cpu p95 ${result.cpuP95.toFixed(1)} ms  load ${loadavg()[0]!.toFixed(1)}  ${result.found}/100 queries find something  database ${(size / 1024 / 1024).toFixed(0)} MB  built in ${buildSeconds.toFixed(0)} s${kept ? ' (kept)' : ''}`,
    );
  } finally {
    await destroy();
  }
}

/** How p95 grows from the smallest archive to the largest (the target: it must not grow with the archive). */
function printGrowth(database: string) {
  const bySize = [...(p95s.get(database) ?? [])].sort((a, b) => a[0] - b[0]);
  if (bySize.length < 2) return;
  const [smallest, smallP95] = bySize[0]!;
  const [largest, largeP95] = bySize.at(-1)!;
  console.log(
    `${database.padEnd(8)} p95 growth ${smallest} → ${largest} posts: ×${(largeP95 / smallP95).toFixed(2)} ` +
      `(${bySize.map(([n, p]) => `${n}: ${p.toFixed(1)} ms`).join(', ')})`,
  );
}

for (const database of databases) {
  for (const posts of sizes) await run(database, posts);
  printGrowth(database);
}
