/**
 * `npm run bench:newsletter`: sends one post to 50,000 members through the real `broadsheet newsletter
 * send` process into a local SMTP sink, and prints messages per second, total time and the sender's
 * peak resident memory: on SQLite, then on PostgreSQL when DATABASE_URL (or BROADSHEET_TEST_POSTGRES_URL)
 * names one (postgres://…). The machine's load average is printed beside the figures.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { SMTPServer } from 'smtp-server';
import { loadConfig } from '../src/config/config.js';
import { documentFromText } from '../src/domain/posts/editor-document.js';
import { createPost } from '../src/domain/posts/save-post.js';
import { openSite } from '../src/main.js';
import { createSchema, dropSchema } from '../src/storage/dialects/postgres.js';
import { addMembers, aNewsletter } from '../test/helpers/members.js';

const members = Number(process.env.BENCH_MEMBERS ?? 50_000);
const bin = join(import.meta.dirname, '..', 'bin', 'broadsheet.mjs');

/** An SMTP sink that counts messages and keeps nothing. */
async function startSink() {
  let count = 0;
  let first = 0;
  let last = 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    size: 0,
    maxClients: 200,
    onData(stream, _session, callback) {
      stream.on('data', () => {});
      stream.on('end', () => {
        count++;
        last = performance.now();
        if (count === 1) first = last;
        callback();
      });
    },
  });
  server.on('error', () => {});
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.server.address() as AddressInfo).port,
    stats: () => ({ count, first, last }),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** Peak resident memory of a process so far (VmHWM), in MiB; 0 where /proc is missing. */
function peakRssMiB(pid: number): number {
  try {
    const kb = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
    return kb ? Number(kb) / 1024 : 0;
  } catch {
    return 0;
  }
}

const target = 1000;

async function bench(pgUrl: string | undefined): Promise<boolean> {
  const sink = await startSink();
  const dataDir = mkdtempSync(join(tmpdir(), 'broadsheet-bench-newsletter-'));
  const env: Record<string, string> = {
    BROADSHEET_DATA_DIR: dataDir,
    BROADSHEET_URL: 'https://news.example',
    LOG_LEVEL: 'silent',
    SMTP_URL: `smtp://127.0.0.1:${sink.port}`,
    MAIL_FROM: 'newsroom@news.example',
  };
  const schema = `bench_newsletter_${process.pid}`;
  if (pgUrl) {
    await createSchema(pgUrl, schema);
    const url = new URL(pgUrl);
    url.searchParams.set('options', `-c search_path=${schema}`);
    env.DATABASE_URL = url.toString();
  }
  try {
    const site = await openSite(loadConfig(env), pgUrl ? { postgresSchema: schema } : {});
    await createPost(site.ctx, {
      title: 'Benchmark edition',
      slug: 'benchmark-edition',
      status: 'published',
      body: documentFromText('A paragraph of news. '.repeat(40)),
    });
    const letter = await aNewsletter(site.storage.db, { slug: 'bench' });
    await addMembers(site.storage.db, letter.id, members, { prefix: 'b' });
    await site.close();
    console.log(`${members} members on ${pgUrl ? 'PostgreSQL' : 'SQLite'}; sending…`);

    const childEnv: Record<string, string | undefined> = { ...process.env, ...env };
    if (!pgUrl) delete childEnv.DATABASE_URL;
    const started = performance.now();
    const child = spawn(
      process.execPath,
      [bin, 'newsletter', 'send', '--post', 'benchmark-edition', '--newsletter', 'bench'],
      { env: childEnv, stdio: ['ignore', 'pipe', 'inherit'] },
    );
    child.stdout.resume();
    let peak = 0;
    const sampler = setInterval(() => (peak = Math.max(peak, peakRssMiB(child.pid!))), 100);
    const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
    clearInterval(sampler);
    const total = (performance.now() - started) / 1000;
    const { count, first, last } = sink.stats();
    const rate = count / Math.max(0.001, (last - first) / 1000);
    console.log(`exit code ${code}; ${count} messages received`);
    console.log(`${rate >= target ? '✓' : '✗'} messages per second: ${rate.toFixed(0)} (target ≥ ${target})`);
    console.log(`  total time (process start to exit): ${total.toFixed(1)} s`);
    console.log(
      `${peak > 0 && peak < 300 ? '✓' : peak === 0 ? ' ' : '✗'} peak RSS of the sender: ${peak.toFixed(0)} MiB (target < 300 MiB)`,
    );
    console.log(`  load average during the run: ${loadavg()[0]!.toFixed(1)} on this machine`);
    return count === members;
  } finally {
    await sink.close();
    if (pgUrl) await dropSchema(pgUrl, schema);
    rmSync(dataDir, { recursive: true, force: true });
  }
}

const pgUrl = process.env.DATABASE_URL ?? process.env.BROADSHEET_TEST_POSTGRES_URL;
for (const url of pgUrl ? [undefined, pgUrl] : [undefined]) if (!(await bench(url))) process.exitCode = 1;
