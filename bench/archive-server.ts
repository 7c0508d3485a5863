/**
 * The pieces of `npm run bench:archive` that deal with one site: building it (archive-corpus.ts, an
 * empty initialised site, an API token, the first "Check Also" build), starting it as `npm start`
 * does (a child process running bin/broadsheet.mjs), timed HTTP requests, and its size on disk.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { sql } from 'kysely';
import { initializeSite } from '../src/cli/init.js';
import { loadConfig } from '../src/config/config.js';
import { createApiToken } from '../src/domain/integrations/api-tokens.js';
import { drainRelatedJobs } from '../src/domain/posts/related-job.js';
import { openSite, type Site } from '../src/main.js';
import { dropSchema } from '../src/storage/dialects/postgres.js';
import { systemActor } from '../src/domain/staff/permissions.js';
import { buildArchiveCorpus, type ArchiveCorpus } from './archive-corpus.js';
import { openBenchSite } from './bench-site.js';

const root = join(import.meta.dirname, '..');
const bin = join(root, 'bin', 'broadsheet.mjs');

export interface BenchSite {
  database: string;
  posts: number;
  dataDir: string;
  schema: string;
  /** The environment `npm start` would be given for this site. */
  env: Record<string, string>;
  token: string;
  corpus: ArchiveCorpus;
  buildSeconds: number;
  relatedBuildSeconds: number;
  /** The author with the most posts, whose deep pages exist at every size. */
  busiestAuthor: { slug: string; posts: number };
  /** Opens the site in this process (for the "Check Also" job and the database size). */
  open: () => Promise<Site>;
  destroy: () => Promise<void>;
}

function databaseUrl(postgresUrl: string, schema: string): string {
  const url = new URL(postgresUrl);
  url.searchParams.set('options', `-c search_path=${schema}`);
  return url.toString();
}

/**
 * Builds a site of `posts` published posts, ready for `broadsheet start`. With BENCH_KEEP=DIR the
 * archive (the same one bench:search keeps) and its first "Check Also" build are made once and reused.
 */
export async function buildBenchSite(
  database: string,
  posts: number,
  postgresUrl: string | undefined,
  onProgress: (message: string) => void,
): Promise<BenchSite> {
  const bench = await openBenchSite(database, 'archive', `archive_${posts}`);
  const { site, dataDir, schema } = bench;
  const isPostgres = database === 'postgres';
  const env: Record<string, string> = {
    BROADSHEET_DATA_DIR: dataDir,
    LOG_LEVEL: 'silent',
    ...(isPostgres ? { DATABASE_URL: databaseUrl(postgresUrl!, schema) } : {}),
  };
  const open = () => openSite(loadConfig(env), isPostgres ? { postgresSchema: schema } : {});
  const kept = bench.kept<{ corpus: ArchiveCorpus; buildSeconds: number }>();
  let started = performance.now();
  const corpus = kept
    ? { ...kept.corpus, postIds: await publishedIds(site) }
    : await buildArchiveCorpus(site.storage.db, site.ctx.repos, { posts, onProgress });
  const buildSeconds = kept?.buildSeconds ?? (performance.now() - started) / 1000;
  bench.keep({ corpus: { ...corpus, postIds: [] }, buildSeconds });
  await initializeSite(site.ctx, { isEmpty: true });
  const { secret } = await createApiToken(site.ctx, systemActor('bench'), {
    name: 'bench',
    role: 'administrator',
  });
  const relatedMarker = join(dataDir, 'bench-related.json');
  const keptRelated = existsSync(relatedMarker)
    ? (JSON.parse(readFileSync(relatedMarker, 'utf8')) as { relatedBuildSeconds: number })
    : undefined;
  // Every post queued, as migration 012 does for an existing archive: the first start's bulk build.
  // BENCH_RELATED_BUILD=0 skips it (hours at 100,000 posts on a loaded machine); the job's figure
  // then measures changes against lists that were never built.
  started = performance.now();
  if (process.env.BENCH_RELATED_BUILD !== '0' && keptRelated === undefined) {
    onProgress('building Check Also');
    await queueAllForRelated(site);
    await drainRelatedJobs(site.ctx);
    if (bench.isKept)
      writeFileSync(
        relatedMarker,
        JSON.stringify({ relatedBuildSeconds: (performance.now() - started) / 1000 }),
      );
  }
  const relatedBuildSeconds = keptRelated?.relatedBuildSeconds ?? (performance.now() - started) / 1000;
  const busiestAuthor = await busiestAuthorOf(site);
  // What autovacuum does on a live PostgreSQL: statistics and the visibility map (index-only scans).
  if (isPostgres) await sql`vacuum analyze`.execute(site.storage.db);
  await site.close();
  return {
    database,
    posts,
    dataDir,
    schema,
    env,
    token: secret,
    corpus,
    buildSeconds,
    relatedBuildSeconds,
    busiestAuthor,
    open,
    destroy: async () => {
      if (bench.isKept) return;
      if (isPostgres) await dropSchema(postgresUrl!, schema);
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

async function publishedIds(site: Site): Promise<string[]> {
  const rows = await site.storage.db
    .selectFrom('posts')
    .select('id')
    .where('status', '=', 'published')
    .orderBy('id')
    .execute();
  return rows.map((r) => r.id);
}

async function busiestAuthorOf(site: Site): Promise<{ slug: string; posts: number }> {
  const row = await site.storage.db
    .selectFrom('post_authors')
    .innerJoin('staff_users', 'staff_users.id', 'post_authors.staff_id')
    .select((eb) => ['staff_users.slug', eb.fn.countAll().as('posts')])
    .groupBy('staff_users.slug')
    .orderBy('posts', 'desc')
    .limit(1)
    .executeTakeFirstOrThrow();
  return { slug: row.slug, posts: Number(row.posts) };
}

async function queueAllForRelated(site: Site): Promise<void> {
  const at = new Date().toISOString();
  const db = site.storage.db;
  await db
    .insertInto('related_jobs')
    .columns(['post_id', 'version', 'requested_at'])
    .expression(
      db
        .selectFrom('posts')
        .select((eb) => ['id', eb.lit(1).as('version'), sql<string>`cast(${at} as text)`.as('requested_at')])
        .where('status', '=', 'published'),
    )
    .execute();
}

export async function databaseBytes(site: Site, bench: BenchSite): Promise<number> {
  if (bench.database === 'sqlite') {
    await sql`pragma wal_checkpoint(truncate)`.execute(site.storage.db);
    const file = join(bench.dataDir, 'data', 'broadsheet.db');
    return statSync(file).size + (existsSync(`${file}-wal`) ? statSync(`${file}-wal`).size : 0);
  }
  const { rows } = await sql<{
    bytes: string;
  }>`select coalesce(sum(pg_total_relation_size(c.oid)), 0) as bytes
    from pg_class c join pg_namespace n on n.oid = c.relnamespace
    where n.nspname = ${bench.schema} and c.relkind = 'r'`.execute(site.storage.db);
  return Number(rows[0]!.bytes);
}

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

export interface RunningServer {
  base: string;
  child: ChildProcess;
  /** From spawning the process to the first page answered with 200. */
  startMs: number;
  /** The CPU time its main thread had used by then. */
  startCpuMs: number;
  rssMiB: () => number;
  /** CPU time of the server's main thread so far (what a busy machine's queueing leaves out). */
  cpuMs: () => number;
  stop: () => Promise<void>;
}

/** Starts the site the way `npm start` does and waits for its home page (polled, not slept). */
export async function startServer(bench: BenchSite): Promise<RunningServer> {
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const started = performance.now();
  const child = spawn(process.execPath, ['--max-semi-space-size=2', bin, 'start'], {
    env: { ...process.env, ...bench.env, HOST: '127.0.0.1', PORT: String(port) },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the server exited with ${child.exitCode}`);
    try {
      if ((await fetch(`${base}/`)).status === 200) break;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
  }
  const startMs = performance.now() - started;
  const cpuMs = () => Number(readFileSync(`/proc/${child.pid}/schedstat`, 'utf8').split(' ')[0]) / 1e6;
  const startCpuMs = cpuMs();
  const rssMiB = () =>
    Number(/VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'))![1]) / 1024;
  const stop = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null) return resolve();
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
    });
  return { base, child, startMs, startCpuMs, rssMiB, cpuMs, stop };
}

/** One request, timed to the end of its body; refuses an unexpected status. */
export async function timed(
  url: string,
  init: RequestInit = {},
  expected = [200, 201],
): Promise<{ ms: number; body: string }> {
  const started = performance.now();
  const response = await fetch(url, init);
  const body = await response.text();
  const ms = performance.now() - started;
  if (!expected.includes(response.status))
    throw new Error(`${init.method ?? 'GET'} ${url}: ${response.status} ${body.slice(0, 200)}`);
  return { ms, body };
}
