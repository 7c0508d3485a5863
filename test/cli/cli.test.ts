import assert from 'node:assert/strict';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { loadConfig } from '../../src/config/config.js';
import { buildApp } from '../../src/http/app.js';
import { openSite } from '../../src/main.js';
import { createSchema, dropSchema } from '../../src/storage/dialects/postgres.js';
import { dialects, postgresUrl } from '../helpers/sites.js';

const postgres = dialects.find((d) => d.name === 'postgres')!;

const root = join(import.meta.dirname, '..', '..');
const bin = join(root, 'bin', 'broadsheet.mjs');

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

function runCli(args: string[], env: Record<string, string> = {}, input?: string) {
  return spawnSync(process.execPath, [bin, ...args], {
    env: { ...process.env, ...env },
    encoding: 'utf8',
    timeout: 60_000,
    ...(input === undefined ? {} : { input }),
  });
}

/**
 * Waits for the server's first 200, failing at once if it exits. The bound is only a backstop for a
 * hung server: a first start encodes the demo's images, which takes minutes on a loaded 2-core machine.
 */
const startBound = 600_000;

async function waitForOk(url: string, child: ChildProcess, timeoutMs = startBound): Promise<Response> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}`);
    try {
      const res = await fetch(url);
      if (res.ok) return res;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`no 200 from ${url} within ${timeoutMs} ms`);
}

function stop(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null) return resolve();
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}

describe('the broadsheet command', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'broadsheet-cli-'));
  after(() => rmSync(dataDir, { recursive: true, force: true }));

  test('--help lists the commands', () => {
    const result = runCli(['--help']);
    assert.equal(result.status, 0);
    for (const command of ['start', 'init', 'migrate'])
      assert.match(result.stdout, new RegExp(`^  ${command}`, 'm'));
  });

  test('--help after a command shows the usage; an unknown option is one clear line', () => {
    const help = runCli(['start', '--help']);
    assert.equal(help.status, 0);
    assert.match(help.stdout, /^Usage: broadsheet/);
    const bad = runCli(['init', '--bogus']);
    assert.equal(bad.status, 2);
    assert.match(bad.stderr, /^Unknown option '--bogus'/);
    assert.doesNotMatch(bad.stderr, /\s+at /, 'no stack trace');
  });

  test('a port in use is explained, without a stack trace', async () => {
    const blocker = createServer().listen(0, '127.0.0.1');
    await new Promise((r) => blocker.once('listening', r));
    const { port } = blocker.address() as { port: number };
    try {
      const result = runCli(['start'], {
        BROADSHEET_DATA_DIR: dataDir,
        PORT: String(port),
        LOG_LEVEL: 'silent',
      });
      assert.equal(result.status, 1);
      assert.match(result.stderr, new RegExp(`Port ${port} on 127.0.0.1 is already in use`));
      assert.doesNotMatch(result.stderr, /\s+at /);
    } finally {
      blocker.close();
    }
  });

  test('token create prints a working API token; list shows it; revoke ends it', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'broadsheet-token-'));
    const env = { BROADSHEET_DATA_DIR: folder, LOG_LEVEL: 'silent' };
    try {
      const created = runCli(['token', 'create', '--name', 'Wire desk', '--role', 'editor'], env);
      assert.equal(created.status, 0, created.stderr);
      const secret = created.stdout.trim();
      assert.match(secret, /^bst_[A-Za-z0-9_-]{40,}$/);
      const listed = runCli(['token', 'list'], env);
      assert.match(listed.stdout, /editor\s+last used never\s+Wire desk/);
      assert.ok(!listed.stdout.includes(secret), 'the secret is never shown again');
      const id = listed.stdout.split(/\s+/)[0]!;
      const site = await openSite(loadConfig(env));
      const { app } = await buildApp(site);
      const call = () =>
        app.inject({
          method: 'GET',
          url: '/admin/api/posts',
          headers: { authorization: `Bearer ${secret}` },
        });
      try {
        assert.equal((await call()).statusCode, 200);
        assert.equal(runCli(['token', 'revoke', '--id', id], env).status, 0);
        assert.equal((await call()).statusCode, 401);
      } finally {
        await app.close();
        await site.close();
      }
      const owner = runCli(['token', 'create', '--name', 'x', '--role', 'owner'], env);
      assert.equal(owner.status, 1);
      assert.match(owner.stderr, /role: must be one of administrator, editor, author, contributor/);
      assert.equal(runCli(['token', 'create', '--name', 'x'], env).status, 2);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });

  test('token create --content prints a Content API key that reads; revoke ends it', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'broadsheet-content-key-'));
    const env = { BROADSHEET_DATA_DIR: folder, LOG_LEVEL: 'silent' };
    try {
      const created = runCli(['token', 'create', '--content', '--name', 'Front end'], env);
      assert.equal(created.status, 0, created.stderr);
      const key = created.stdout.trim();
      assert.match(key, /^[0-9a-f]{26}$/);
      const listed = runCli(['token', 'list'], env);
      assert.match(listed.stdout, /content\s+last used never\s+Front end/);
      assert.ok(!listed.stdout.includes(key), 'the key is never shown again');
      const id = listed.stdout.trim().split('\n').at(-1)!.split(/\s+/)[0]!;
      const site = await openSite(loadConfig(env));
      const { app } = await buildApp(site);
      const call = () => app.inject({ method: 'GET', url: `/ghost/api/content/settings/?key=${key}` });
      try {
        assert.equal((await call()).statusCode, 200);
        assert.equal(runCli(['token', 'revoke', '--id', id], env).status, 0);
        assert.equal((await call()).statusCode, 401);
      } finally {
        await app.close();
        await site.close();
      }
      assert.equal(
        runCli(['token', 'create', '--content', '--name', 'x', '--role', 'editor'], env).status,
        2,
      );
      assert.equal(runCli(['token', 'create', '--content'], env).status, 2);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });

  test('user create makes a staff account from the shell, the password from standard input', () => {
    const folder = mkdtempSync(join(tmpdir(), 'broadsheet-user-'));
    try {
      const args = [
        'user',
        'create',
        '--email',
        'owner@news.example',
        '--name',
        'Oda Owner',
        '--role',
        'owner',
        '--password-stdin',
      ];
      const created = runCli(args, { BROADSHEET_DATA_DIR: folder }, 'a long enough passphrase\n');
      assert.equal(created.status, 0, created.stderr);
      assert.match(created.stdout, /Created owner Oda Owner <owner@news.example>/);
      const again = runCli(args, { BROADSHEET_DATA_DIR: folder }, 'a long enough passphrase\n');
      assert.equal(again.status, 1);
      assert.match(again.stderr, /email: A staff member with that email exists/);
      const weak = runCli(
        [...args.slice(0, 3), 'w@news.example', ...args.slice(4)],
        { BROADSHEET_DATA_DIR: folder },
        'short\n',
      );
      assert.equal(weak.status, 1);
      assert.match(weak.stderr, /password: must be at least 10 characters/);
      const noStdin = runCli(
        ['user', 'create', '--email', 'x@news.example', '--role', 'king'],
        { BROADSHEET_DATA_DIR: folder },
        '',
      );
      assert.equal(noStdin.status, 2);
      assert.match(noStdin.stderr, /Missing: --name, --password-stdin/);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });

  test('an unknown command fails with the usage', () => {
    const result = runCli(['frobnicate']);
    assert.equal(result.status, 2);
    assert.match(result.stderr, /Unknown command: frobnicate/);
  });

  test('config errors are listed all at once and the exit code is non-zero', () => {
    const result = runCli(['migrate'], {
      PORT: 'abc',
      DATABASE_URL: 'mysql://x',
      LOG_LEVEL: 'loud',
      BROADSHEET_URL: 'ftp://x',
    });
    assert.notEqual(result.status, 0);
    for (const name of ['PORT', 'DATABASE_URL', 'LOG_LEVEL', 'BROADSHEET_URL'])
      assert.match(result.stderr, new RegExp(`- ${name}:`), name);
  });

  test(
    'start on an empty data folder creates the demo site; a later start keeps it',
    { timeout: 2 * startBound + 60_000 },
    async () => {
      const port = await freePort();
      const env = { ...process.env, BROADSHEET_DATA_DIR: dataDir, PORT: String(port), LOG_LEVEL: 'warn' };
      const first = spawn(process.execPath, [bin, 'start'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
      let output = '';
      first.stdout!.on('data', (d) => (output += d));
      first.stderr!.on('data', (d) => (output += d));
      try {
        const home = await waitForOk(`http://127.0.0.1:${port}/`, first);
        assert.match(await home.text(), /The Skerry Review/);
        assert.match(output, /loading the demo site/);
        // Every long step says what it is doing, so the first start is never silent for long.
        const images = [
          ...output.matchAll(/Creating the demo site: (?:storing|encoding) (\d+) images \((\d+)\/\1\)…/g),
        ];
        assert.ok(images.length >= 2, `image progress on the console:\n${output}`);
        assert.equal(images.at(-1)![2], images.at(-1)![1], 'counted to the last image');
        assert.match(
          output,
          /Creating the demo site: writing (\d+) posts and finding related posts \(\1\/\1\)…/,
        );
        assert.match(output, /Creating the demo site: promotions and newsletters…/);
      } finally {
        await stop(first);
      }
      assert.equal(
        runCli(['init'], { BROADSHEET_DATA_DIR: dataDir }).status,
        1,
        'init refuses an existing site',
      );
      const second = spawn(process.execPath, [bin, 'start'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
      let secondOutput = '';
      second.stdout!.on('data', (d) => (secondOutput += d));
      try {
        const article = await waitForOk(
          `http://127.0.0.1:${port}/brenna-valley-abuses-kessan-forces/`,
          second,
        );
        assert.equal(article.status, 200);
        assert.doesNotMatch(secondOutput, /loading the demo site/);
      } finally {
        await stop(second);
      }
    },
  );

  test(
    'DATABASE_URL runs the same site on PostgreSQL',
    { skip: postgres.skip, timeout: startBound + 60_000 },
    async () => {
      if (!postgresUrl) throw new Error('CI must run the PostgreSQL tests: set BROADSHEET_TEST_POSTGRES_URL');
      const schema = `t_cli_${process.pid}`;
      await createSchema(postgresUrl, schema);
      const url = new URL(postgresUrl);
      url.searchParams.set('options', `-c search_path=${schema}`);
      const port = await freePort();
      const empty = mkdtempSync(join(tmpdir(), 'broadsheet-pg-'));
      const env = {
        ...process.env,
        BROADSHEET_DATA_DIR: empty,
        DATABASE_URL: url.toString(),
        PORT: String(port),
        LOG_LEVEL: 'warn',
      };
      const server = spawn(process.execPath, [bin, 'start'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
      let output = '';
      server.stdout!.on('data', (d) => (output += d));
      try {
        const article = await waitForOk(
          `http://127.0.0.1:${port}/brenna-valley-abuses-kessan-forces/`,
          server,
        );
        assert.match(await article.text(), /Brenna Valley/);
        assert.match(output, /\(postgres, /);
      } finally {
        await stop(server);
        await dropSchema(postgresUrl, schema);
        rmSync(empty, { recursive: true, force: true });
      }
    },
  );

  test('migrate on a new folder creates the schema; init --empty makes an empty site', () => {
    const empty = mkdtempSync(join(tmpdir(), 'broadsheet-empty-'));
    try {
      const migrate = runCli(['migrate'], { BROADSHEET_DATA_DIR: empty });
      assert.equal(migrate.status, 0, migrate.stderr);
      assert.match(migrate.stdout, /Applied: 001-initial/);
      assert.match(runCli(['migrate'], { BROADSHEET_DATA_DIR: empty }).stdout, /up to date/);
      const init = runCli(['init', '--empty'], { BROADSHEET_DATA_DIR: empty });
      assert.equal(init.status, 0, init.stderr);
      assert.match(init.stdout, /empty site/);
    } finally {
      rmSync(empty, { recursive: true, force: true });
    }
  });
});
