import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import type { ImportReport } from '../../src/domain/import/import-report.js';
import { makeJpeg } from '../helpers/factories.js';

/*
 * `broadsheet import wordpress` as a child process on SQLite (the domain and HTTP suites cover
 * PostgreSQL): a dry run writes nothing but the plan, the import prints and saves its report, a
 * re-run creates nothing, a broken file is refused with its reason and exit code 1, and images get
 * their variants after the import, with a fetch the production policy refuses reported as missing.
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

  test('images from the folder get their variants after the import; a fetch the production policy refuses is reported', async () => {
    const uploads = join(work, 'uploads');
    mkdirSync(join(uploads, '2024/05'), { recursive: true });
    writeFileSync(join(uploads, '2024/05/harbour.jpg'), await makeJpeg(900, 600, '#225588'));
    const file = join(work, 'media.xml');
    writeFileSync(file, mediaExport());
    const run = cli('import', 'wordpress', file, '--uploads', uploads, '--fetch-media');
    assert.equal(run.status, 0, run.stderr);
    assert.match(run.stdout, /media +1 created, 0 updated, 0 skipped, 1 missing/);
    assert.match(
      run.stdout,
      /missing media: http:\/\/127\.0\.0\.1\/wp-content\/uploads\/2024\/05\/inside\.jpg \(not fetched: .*127\.0\.0\.1 is not a public address\)/,
      'loopback is refused by the fetcher the command uses',
    );
    assert.match(run.stdout, /Making the responsive variants of 1 images/);
    assert.match(run.stdout, /Variants made for 1 images\./);
    const again = cli('import', 'wordpress', file, '--uploads', uploads, '--fetch-media');
    assert.match(again.stdout, /media +0 created, 1 updated/);
    assert.doesNotMatch(again.stdout, /Making the responsive variants/, 'nothing left to make');
  });
});

/** Two attachments of one post: one in the uploads folder, one at a loopback address. */
function mediaExport(): string {
  const attachment = (id: string, url: string) =>
    `<item><title>Image ${id}</title><link>https://fjordpost.example/?attachment_id=${id}</link><wp:post_id>${id}</wp:post_id>
<wp:post_date_gmt>2024-05-02 08:30:00</wp:post_date_gmt><wp:status>inherit</wp:status><wp:post_parent>901</wp:post_parent>
<wp:post_type>attachment</wp:post_type><wp:attachment_url>${url}</wp:attachment_url></item>`;
  return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="http://wordpress.org/export/1.2/">
<channel><title>Fjord Post</title><link>https://fjordpost.example</link><wp:wxr_version>1.2</wp:wxr_version>
<wp:base_blog_url>https://fjordpost.example</wp:base_blog_url>
${attachment('900', 'https://fjordpost.example/wp-content/uploads/2024/05/harbour.jpg')}
${attachment('902', 'http://127.0.0.1/wp-content/uploads/2024/05/inside.jpg')}
<item><title>Harbour story</title><link>https://fjordpost.example/2024/05/harbour-story/</link><dc:creator>kari</dc:creator>
<content:encoded><![CDATA[<p>Morning.</p><img src="http://127.0.0.1/wp-content/uploads/2024/05/inside.jpg" alt="">]]></content:encoded>
<wp:post_id>901</wp:post_id><wp:post_date_gmt>2024-05-02 08:30:00</wp:post_date_gmt><wp:post_name>harbour-story</wp:post_name>
<wp:status>publish</wp:status><wp:post_type>post</wp:post_type>
<wp:postmeta><wp:meta_key>_thumbnail_id</wp:meta_key><wp:meta_value>900</wp:meta_value></wp:postmeta></item>
</channel></rss>`;
}
