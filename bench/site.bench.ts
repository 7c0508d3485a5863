/**
 * `npm run bench`: starts Broadsheet on a fresh demo site and prints each speed figure of the public
 * site next to its target. Every load goes to 127.0.0.1 only, for a bounded time.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { load } from './load.js';
import { nginxBinary, startNginx } from './nginx.js';
import { measureColdRender } from './cold-render.js';

const root = join(import.meta.dirname, '..');
const bin = join(root, 'bin', 'broadsheet.mjs');
const nodeFlags = ['--max-semi-space-size=2'];
const article = '/brenna-valley-abuses-kessan-forces/';
const seconds = Number(process.env.BENCH_SECONDS ?? 10);
const rows: [string, string, string, boolean | null][] = [];

const report = (name: string, figure: string, target: string, isMet: boolean | null) => {
  rows.push([name, figure, target, isMet]);
  console.log(`${isMet === null ? ' ' : isMet ? '✓' : '✗'} ${name}: ${figure} (target ${target})`);
};

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

async function waitFor200(url: string, child: ChildProcess): Promise<number> {
  const started = performance.now();
  for (;;) {
    if (child.exitCode !== null) throw new Error('server exited');
    try {
      if ((await fetch(url)).status === 200) return performance.now() - started;
    } catch {
      await new Promise((r) => setTimeout(r, 5));
    }
  }
}

/** GET with one retry: a keep-alive connection from before a load run may have been closed meanwhile. */
async function getBytes(url: string): Promise<Buffer> {
  try {
    return Buffer.from(await (await fetch(url)).arrayBuffer());
  } catch {
    return Buffer.from(await (await fetch(url, { headers: { connection: 'close' } })).arrayBuffer());
  }
}

function stopServer(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null) return resolve();
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}

function rssMiB(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+) kB/.exec(status)![1]) / 1024;
}

function reportColdRender(cold: Awaited<ReturnType<typeof measureColdRender>>): void {
  report(
    'rendering the article with every cache cold',
    `${cold.renderMs.toFixed(2)} ms CPU`,
    '< 2 ms',
    cold.renderMs < 2,
  );
  report(
    '  the same as a whole in-process request (inject)',
    `${cold.requestMs.toFixed(2)} ms CPU`,
    'for information',
    null,
  );
  report(
    'a content change shows at once',
    cold.isFreshAfterChange ? 'yes' : 'NO',
    'no stale page',
    cold.isFreshAfterChange,
  );
}

/** Sizes per encoding and the answer to a conditional GET, from the running server's cache. */
async function reportConditionalAndCompressed(url: string): Promise<void> {
  const sizes: string[] = [];
  for (const encoding of ['identity', 'gzip', 'br']) {
    const res = await fetch(url, { headers: { 'accept-encoding': encoding, connection: 'close' } });
    const raw = Number(res.headers.get('content-length'));
    await res.arrayBuffer();
    sizes.push(`${encoding} ${raw} B`);
  }
  report('compression of the cached article', sizes.join(', '), 'gzip and brotli', null);
  const first = await fetch(url, { headers: { connection: 'close' } });
  await first.arrayBuffer();
  const again = await fetch(url, {
    headers: { 'if-none-match': first.headers.get('etag')!, connection: 'close' },
  });
  report('conditional GET with the ETag', String(again.status), '304', again.status === 304);
}

/** Starts `broadsheet start`, waits for the article, runs `work`, stops the server. */
async function withServer<T>(
  env: NodeJS.ProcessEnv,
  url: string,
  work: (server: ChildProcess) => Promise<T>,
): Promise<T> {
  // The same Node flags as `npm start`.
  const server = spawn(process.execPath, [...nodeFlags, bin, 'start'], { env, stdio: 'ignore' });
  try {
    await waitFor200(url, server);
    return await work(server);
  } finally {
    await stopServer(server);
  }
}

async function loadArticle(base: string, label: string): Promise<number> {
  for (let i = 0; i < 200; i++) await getBytes(base + article);
  const result = await load(base + article, seconds);
  if (result.non2xx > 0) throw new Error(`${result.non2xx} non-2xx answers under load`);
  report(
    `article page, cached, ${label} (${result.tool}, ${seconds}s)`,
    `${result.requestsPerSecond.toFixed(0)} req/s`,
    'for information',
    null,
  );
  return result.requestsPerSecond;
}

async function nginxRate(bytes: Buffer): Promise<number | null> {
  const nginx = nginxBinary();
  if (!nginx) {
    report('nginx, same bytes as a static file', 'nginx is not installed (apt-get install nginx)', '-', null);
    return null;
  }
  const staticServer = await startNginx(
    nginx,
    mkdtempSync(join(tmpdir(), 'broadsheet-nginx-')),
    await freePort(),
    bytes,
  );
  try {
    const theirs = await load(staticServer.url, seconds);
    report(
      `nginx, same ${bytes.length} bytes as a static file`,
      `${theirs.requestsPerSecond.toFixed(0)} req/s`,
      'reference',
      null,
    );
    return theirs.requestsPerSecond;
  } finally {
    await staticServer.stop();
  }
}

async function main() {
  spawnSync(process.execPath, [join(root, 'scripts', 'build.mjs')], { stdio: 'inherit' });
  const dataDir = mkdtempSync(join(tmpdir(), 'broadsheet-bench-'));
  const port = await freePort();
  const env = {
    ...process.env,
    BROADSHEET_DATA_DIR: dataDir,
    PORT: String(port),
    LOG_LEVEL: 'warn',
    NODE_ENV: 'production',
  };
  const base = `http://127.0.0.1:${port}`;
  console.log('Preparing the demo site…');
  spawnSync(process.execPath, [bin, 'init'], { env, stdio: 'inherit' });
  // Measured first, while nothing else runs.
  const cold = await measureColdRender(dataDir, article);

  const started = performance.now();
  const single = await withServer(env, base + article, async (server) => {
    report(
      'cold start to first 200 (article)',
      `${(performance.now() - started).toFixed(0)} ms`,
      '< 1000 ms',
      performance.now() - started < 1000,
    );
    for (const path of [
      '/',
      article,
      '/about/',
      '/tag/human-rights/',
      '/author/tomas-alden/',
      '/rss.xml',
      '/sitemap.xml',
    ])
      for (let i = 0; i < 50; i++) await getBytes(base + path);
    await reportConditionalAndCompressed(base + article);
    const rss = rssMiB(server.pid!);
    report('memory (RSS) after start and warm-up', `${rss.toFixed(1)} MiB`, '< 100 MiB', rss < 100);
    return loadArticle(base, '1 process');
  });
  const workers = availableParallelism();
  const clusterEnv = { ...env, BROADSHEET_WORKERS: String(workers) };
  const clustered = await withServer(clusterEnv, base + article, () =>
    loadArticle(base, `${workers} workers`),
  );
  const bytes = await withServer(env, base + article, () => getBytes(base + article));
  const reference = await nginxRate(bytes);
  if (reference) {
    const best = Math.max(single, clustered);
    const ratio = best / reference;
    report('Broadsheet (best of the two) / nginx', `${(ratio * 100).toFixed(0)} %`, '≥ 50 %', ratio >= 0.5);
  }
  reportColdRender(cold);
  rmSync(dataDir, { recursive: true, force: true });
  console.log('\nSummary');
  for (const [name, figure, target, isMet] of rows)
    console.log(`${isMet === null ? '-' : isMet ? 'PASS' : 'FAIL'}\t${figure}\t${target}\t${name}`);
}

await main();
