import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import type { ImportReport } from '../../src/domain/import/import-report.js';

/*
 * `broadsheet import wordpress` as a child process on SQLite (the domain and HTTP suites cover
 * PostgreSQL): a dry run writes nothing but the plan, the import prints and saves its report, a
 * re-run creates nothing, and a broken file is refused with its reason and exit code 1.
 */

const root = join(import.meta.dirname, '..', '..');
const bin = join(root, 'bin', 'broadsheet.mjs');
const fixture = join(root, 'test/fixtures/wxr/theme-test-data/themeunittestdata.wordpress.xml');

describe('broadsheet import wordpress', () => {
  const work = mkdtempSync(join(tmpdir(), 'broadsheet-import-cli-'));
  const dataDir = join(work, 'content');
  const env = { ...process.env, BROADSHEET_DATA_DIR: dataDir, LOG_LEVEL: 'silent' };
  const cli = (...args: string[]) =>
    spawnSync(process.execPath, [bin, ...args], { env, encoding: 'utf8', timeout: 120_000 });
  const reports = () => readdirSync(work).filter((f) => f.startsWith('import-wordpress-'));
  after(() => rmSync(work, { recursive: true, force: true }));

  test('a dry run prints the plan, saves it, and writes nothing', () => {
    assert.equal(cli('init', '--empty').status, 0);
    const plan = cli('import', 'wordpress', fixture, '--dry-run');
    assert.equal(plan.status, 0, plan.stderr);
    assert.match(plan.stdout, /Plan \(dry run: nothing was written\)/);
    assert.match(plan.stdout, /posts +58 created, 0 updated, 0 skipped/);
    assert.deepEqual(reports().length, 1);
    const again = cli('import', 'wordpress', fixture, '--dry-run');
    assert.match(again.stdout, /posts +58 created/, 'the first dry run wrote nothing');
  });

  test('the import prints its counts and saves the report beside the data folder; a re-run creates nothing', () => {
    const first = cli('import', 'wordpress', fixture);
    assert.equal(first.status, 0, first.stderr);
    assert.match(first.stdout, /posts +58 created/);
    assert.match(first.stdout, /pages +21 created/);
    assert.match(first.stdout, /comments not imported: 33/);
    const saved = reports().find((f) => !f.endsWith('-plan.json'))!;
    const report = JSON.parse(readFileSync(join(work, saved), 'utf8')) as ImportReport;
    assert.equal(report.posts.created, 58);
    assert.ok(report.notes.some((n) => /password-protected/.test(n.note)));
    const second = cli('import', 'wordpress', fixture);
    assert.match(second.stdout, /posts +0 created, 58 updated/);
    assert.match(second.stdout, /tags +0 created/);
  });

  test('a broken file is refused with its reason; a missing file or folder is a usage error', () => {
    const broken = join(work, 'broken.xml');
    writeFileSync(broken, readFileSync(fixture, 'utf8').slice(0, 200_000));
    const refused = cli('import', 'wordpress', broken);
    assert.equal(refused.status, 1);
    assert.match(refused.stderr, /refused; nothing was changed\.\n.*not well-formed XML/);
    assert.equal(cli('import', 'wordpress', join(work, 'nope.xml')).status, 2);
    mkdirSync(join(work, 'empty'));
    assert.equal(cli('import', 'wordpress', fixture, '--uploads', join(work, 'missing')).status, 2);
    assert.equal(cli('import', 'joomla', fixture).status, 2);
  });
});
