import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import Database from 'better-sqlite3';
import { loadConfig } from '../../src/config/config.js';
import type { ImportReport } from '../../src/domain/import/import-report.js';
import { openSite } from '../../src/main.js';
import { createSchema, dropSchema } from '../../src/storage/dialects/postgres.js';
import { dialects, postgresUrl } from '../helpers/sites.js';

/*
 * `broadsheet import ghost` as a child process on SQLite (the domain and HTTP suites cover
 * PostgreSQL): a dry run writes nothing but the plan, the import prints and saves its report, a
 * re-run creates nothing, a hostile file is refused with exit code 1. On both databases, a process
 * killed with SIGKILL in the middle of its posts leaves nothing, so the next run does the whole work.
 */

const root = join(import.meta.dirname, '..', '..');
const bin = join(root, 'bin', 'broadsheet.mjs');
const fixtures = join(root, 'test/fixtures/ghost-export/broadsheet');
const fixture = join(fixtures, 'ghost-5-lexical.json');

function manyPosts(count: number): string {
  const posts = Array.from({ length: count }, (_, i) => ({
    id: `p${i}`,
    uuid: `kill-test-${i}`,
    title: `Post number ${i}`,
    slug: `post-number-${i}`,
    status: 'published',
    published_at: '2024-05-02T08:30:00.000Z',
    html: `<p>${'Words of a long enough post. '.repeat(40)}</p>`,
  }));
  return JSON.stringify({ db: [{ meta: { version: '5.0.0' }, data: { posts } }] });
}

describe('broadsheet import ghost', () => {
  const work = mkdtempSync(join(tmpdir(), 'broadsheet-ghost-cli-'));
  const dataDir = join(work, 'content');
  const env = { ...process.env, BROADSHEET_DATA_DIR: dataDir, LOG_LEVEL: 'silent' };
  const cli = (...args: string[]) =>
    spawnSync(process.execPath, [bin, ...args], { env, encoding: 'utf8', timeout: 120_000 });
  const reports = () => readdirSync(work).filter((f) => f.startsWith('import-ghost-'));
  const countPosts = () => {
    const db = new Database(join(dataDir, 'data', 'broadsheet.db'), { readonly: true });
    try {
      return (db.prepare('select count(*) as n from posts').get() as { n: number }).n;
    } finally {
      db.close();
    }
  };
  after(() => rmSync(work, { recursive: true, force: true }));

  test('a dry run prints the plan, saves it, and writes nothing', () => {
    assert.equal(cli('init', '--empty').status, 0);
    const plan = cli('import', 'ghost', fixture, '--dry-run');
    assert.equal(plan.status, 0, plan.stderr);
    assert.match(plan.stdout, /Plan \(dry run: nothing was written\)/);
    assert.match(plan.stdout, /posts +6 created, 0 updated, 0 skipped/);
    assert.match(plan.stdout, /members +4 created, 0 updated, 2 skipped \(nobody was emailed\)/);
    assert.equal(reports().length, 1);
    assert.equal(countPosts(), 0);
  });

  test('the import prints its counts and saves the report; a re-run creates nothing', () => {
    const first = cli('import', 'ghost', fixture, '--redirects', join(fixtures, 'redirects.yaml'));
    assert.equal(first.status, 0, first.stderr);
    assert.match(first.stdout, /posts +6 created/);
    assert.match(first.stdout, /newsletters +2 created/);
    assert.match(
      first.stdout,
      /code injection not imported: post "Harbour board votes again": codeinjection_head/,
    );
    assert.match(first.stdout, /unknown cards: mystery-card \(1\)/);
    assert.match(first.stdout, /7 of 7 posts and pages/);
    const saved = reports().find((f) => !f.endsWith('-plan.json'))!;
    const report = JSON.parse(readFileSync(join(work, saved), 'utf8')) as ImportReport;
    assert.equal(report.source, 'ghost');
    assert.equal(report.ghost!.members.created, 4);
    const second = cli('import', 'ghost', fixture);
    assert.match(second.stdout, /posts +0 created, 6 updated/);
    assert.match(second.stdout, /members +0 created, 4 updated/);
  });

  test('a hostile file is refused with its reason; a missing file or images folder is a usage error', () => {
    const hostile = join(work, 'proto.json');
    writeFileSync(hostile, '{"db":[{"meta":{},"data":{"posts":[{"__proto__":{"x":1}}]}}]}');
    const refused = cli('import', 'ghost', hostile);
    assert.equal(refused.status, 1);
    assert.match(refused.stderr, /refused; nothing was changed\.\n.*__proto__/);
    assert.equal(cli('import', 'ghost', join(work, 'nope.json')).status, 2);
    assert.equal(cli('import', 'ghost', fixture, '--images', join(work, 'missing')).status, 2);
    assert.equal(cli('import', 'ghost', fixture, fixture).status, 2, 'one export at a time');
  });
});

for (const dialect of dialects) {
  describe(`broadsheet import ghost killed with SIGKILL on ${dialect.name}`, { skip: dialect.skip }, () => {
    const work = mkdtempSync(join(tmpdir(), 'broadsheet-ghost-kill-'));
    const schema = `t_gkill_${process.pid}_${Date.now().toString(36)}`;
    const env: Record<string, string> = {
      ...(process.env as Record<string, string>),
      BROADSHEET_DATA_DIR: join(work, 'content'),
      LOG_LEVEL: 'silent',
    };
    const options = dialect.name === 'postgres' ? { postgresSchema: schema } : {};
    const countPosts = async () => {
      const site = await openSite(loadConfig(env), options);
      try {
        const row = await site.storage.db
          .selectFrom('posts')
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow();
        return Number(row.n);
      } finally {
        await site.close();
      }
    };
    before(async () => {
      if (dialect.name !== 'postgres') return;
      await createSchema(postgresUrl!, schema);
      const url = new URL(postgresUrl!);
      url.searchParams.set('options', `-c search_path=${schema}`);
      env.DATABASE_URL = url.toString();
    });
    after(async () => {
      if (dialect.name === 'postgres') await dropSchema(postgresUrl!, schema);
      rmSync(work, { recursive: true, force: true });
    });

    test('in the middle of its posts, the import leaves nothing; the next run does it all', async () => {
      const total = 300;
      const big = join(work, 'big.json');
      writeFileSync(big, manyPosts(total));
      const before = await countPosts();
      const child = spawn(process.execPath, [bin, 'import', 'ghost', big], {
        env,
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let output = '';
      const exited = new Promise<NodeJS.Signals | null>((resolve) =>
        child.on('exit', (_code, signal) => resolve(signal)),
      );
      await new Promise<void>((resolve, reject) => {
        child.stdout.on('data', (chunk: Buffer) => {
          output += chunk.toString();
          // Killed on the first progress line: posts are being written inside the open transaction.
          if (new RegExp(`\\d+ of ${total} posts and pages`).test(output)) {
            child.kill('SIGKILL');
            resolve();
          }
        });
        child.on('exit', () => reject(new Error(`the import ended before it was killed:\n${output}`)));
      });
      assert.equal(await exited, 'SIGKILL');
      assert.equal(await countPosts(), before, 'nothing of the killed run is left');
      const again = spawnSync(process.execPath, [bin, 'import', 'ghost', big], {
        env,
        encoding: 'utf8',
        timeout: 300_000,
      });
      assert.equal(again.status, 0, again.stderr);
      assert.match(again.stdout, new RegExp(`posts +${total} created, 0 updated`));
      assert.equal(await countPosts(), before + total);
    });
  });
}
