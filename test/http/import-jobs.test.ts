import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { addImportFile } from '../../src/domain/import/import-jobs.js';
import { maxExportFileBytes } from '../../src/domain/import/import-job-files.js';
import { testAdministrator } from '../helpers/actors.js';
import { signInAs, type AdminClient } from '../helpers/admin.js';
import { makeJpeg } from '../helpers/factories.js';
import { lexicalExport, zipOf } from '../helpers/ghost-import.js';
import { createTestApp, type TestApp } from '../helpers/http.js';
import {
  createImport,
  drainImports,
  importOf,
  imported,
  planned,
  uploadImportFile,
  type ImportJson,
} from '../helpers/import-jobs.js';
import { databaseSnapshot } from '../helpers/route-table.js';
import { dialects } from '../helpers/sites.js';

/*
 * Issue 11: the import from the admin. An owner or administrator starts an import, uploads the export
 * (several WXR files, or a Ghost JSON) with a ZIP of its images, reads the plan the job makes (a dry
 * run: nothing written), and asks for the import, which the job runs in one transaction. Junk and
 * hostile uploads are refused with a 4xx error and nothing stored; other roles are refused.
 */

const wxrFixtures = 'test/fixtures/wxr';
const splitExport = ['posts-only.xml', 'pages-only.xml', 'attachments-only.xml'].map((name) =>
  join(wxrFixtures, 'tryghost-migrate-mg-wp-xml/multiple', name),
);
const base = 'https://fjordpost.example/wp-content/uploads/2024/05';

/** A one-post WXR whose featured image is `2024/05/harbour.jpg` in the uploads. */
const harbourWxr = () =>
  Buffer.from(`<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="http://wordpress.org/export/1.2/">
<channel><title>Fjord Post</title><link>https://fjordpost.example</link><language>nb-NO</language>
<wp:wxr_version>1.2</wp:wxr_version><wp:base_site_url>https://fjordpost.example</wp:base_site_url>
<wp:base_blog_url>https://fjordpost.example</wp:base_blog_url>
<item><title>Harbour</title><link>https://fjordpost.example/harbour/</link><dc:creator>kari</dc:creator>
<content:encoded><![CDATA[]]></content:encoded><excerpt:encoded><![CDATA[Harbour at dawn. Photo: Kari Berg]]></excerpt:encoded>
<wp:post_id>900</wp:post_id><wp:post_date_gmt>2024-05-02 08:30:00</wp:post_date_gmt><wp:post_name>harbour</wp:post_name>
<wp:status>inherit</wp:status><wp:post_parent>901</wp:post_parent><wp:post_type>attachment</wp:post_type>
<wp:attachment_url>${base}/harbour.jpg</wp:attachment_url></item>
<item><title>Harbour story</title><link>https://fjordpost.example/2024/05/harbour-story/</link><dc:creator>kari</dc:creator>
<content:encoded><![CDATA[<p>Morning at the quay.</p>]]></content:encoded><excerpt:encoded><![CDATA[]]></excerpt:encoded>
<wp:post_id>901</wp:post_id><wp:post_date_gmt>2024-05-02 08:30:00</wp:post_date_gmt><wp:post_name>harbour-story</wp:post_name>
<wp:status>publish</wp:status><wp:post_parent>0</wp:post_parent><wp:post_type>post</wp:post_type>
<wp:postmeta><wp:meta_key>_thumbnail_id</wp:meta_key><wp:meta_value><![CDATA[900]]></wp:meta_value></wp:postmeta></item>
</channel></rss>`);

/** Every table an import writes, counted. */
async function footprint(t: TestApp) {
  const { db } = t.site.storage;
  const tables = ['posts', 'tags', 'staff_users', 'redirects', 'media', 'imported_items', 'members'] as const;
  const counts: Record<string, number> = {};
  for (const table of tables)
    counts[table] = Number(
      (
        await db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  return counts;
}

function storedFiles(t: TestApp): string[] {
  const root = join(t.site.config.dataDir, 'private');
  if (!existsSync(root)) return [];
  return readdirSync(root, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name))
    .sort();
}

const errorOf = (answer: { json(): unknown }) =>
  (answer.json() as { errors: { code: string; message: string }[] }).errors[0]!;

for (const dialect of dialects) {
  describe(`imports from the admin (${dialect.name})`, { skip: dialect.skip, timeout: 600_000 }, () => {
    let t: TestApp;
    let admin: AdminClient;
    let editor: AdminClient;
    before(async () => {
      t = await createTestApp(dialect.name);
      admin = await signInAs(t, 'administrator');
      editor = await signInAs(t, 'editor');
    });
    after(async () => t?.destroy());

    test('WordPress, three split files: the plan writes nothing, the import writes what it planned, once', async () => {
      const job = await createImport(admin, 'wordpress');
      for (const file of splitExport) {
        const answer = await uploadImportFile(t, admin, job.id, file.split('/').pop()!, readFileSync(file));
        assert.equal(answer.statusCode, 201, answer.body);
      }
      const before = await footprint(t);
      const plan = await planned(t, admin, job.id);
      assert.equal(plan.status, 'planned', plan.error ?? '');
      assert.ok(plan.plan?.isDryRun);
      assert.deepEqual(plan.plan.files, ['posts-only.xml', 'pages-only.xml', 'attachments-only.xml']);
      assert.ok(plan.plan.posts.created > 0, JSON.stringify(plan.plan.posts));
      assert.deepEqual(await footprint(t), before, 'the plan wrote nothing');
      assert.equal(plan.report, null);

      const done = await imported(t, admin, job.id);
      assert.equal(done.status, 'done', done.error ?? '');
      assert.equal(done.report?.isDryRun, false);
      assert.deepEqual(done.report.posts, plan.plan.posts, 'the import did what the plan said');
      assert.deepEqual(done.report.pages, plan.plan.pages);
      const after = await footprint(t);
      assert.equal(
        after.posts! - before.posts!,
        plan.plan.posts.created + plan.plan.pages.created,
        'each planned post and page once',
      );
      assert.deepEqual(done.files, [], 'a finished import keeps its report, not its files');
      assert.deepEqual(storedFiles(t), [], 'the uploaded files are deleted from the private store');
      assert.equal(done.progress?.phase, 'import');
      assert.equal(done.progress.done, done.progress.total);

      // The same files again: everything is found and updated, nothing doubled.
      const again = await createImport(admin, 'wordpress');
      for (const file of splitExport)
        await uploadImportFile(t, admin, again.id, file.split('/').pop()!, readFileSync(file));
      await planned(t, admin, again.id);
      const rerun = await imported(t, admin, again.id);
      assert.equal(rerun.report?.posts.created, 0);
      assert.equal(rerun.report.posts.updated, plan.plan.posts.created);
      assert.deepEqual(await footprint(t), after, 'a re-run duplicates nothing');
    });

    test('WordPress with a ZIP of wp-content/uploads: the featured image comes from the ZIP', async () => {
      const job = await createImport(admin, 'wordpress');
      const jpeg = await makeJpeg(900, 600, '#225588');
      assert.equal((await uploadImportFile(t, admin, job.id, 'fjordpost.xml', harbourWxr())).statusCode, 201);
      const zip = zipOf({ 'wp-content/uploads/2024/05/harbour.jpg': jpeg });
      const uploaded = await uploadImportFile(t, admin, job.id, 'uploads.zip', zip);
      assert.equal(uploaded.statusCode, 201, uploaded.body);
      const kinds = (uploaded.json() as { import: ImportJson }).import.files.map((f) => f.kind);
      assert.deepEqual(kinds, ['wordpress-export', 'archive']);
      const second = await uploadImportFile(t, admin, job.id, 'again.zip', zip);
      assert.equal(second.statusCode, 422, 'one ZIP per import');
      await planned(t, admin, job.id);
      const done = await imported(t, admin, job.id);
      assert.equal(done.status, 'done', done.error ?? '');
      assert.equal(done.report?.media.created, 1, JSON.stringify(done.report?.media));
      assert.deepEqual(done.report.media.missing, []);
      const postId = await t.site.ctx.repos.importedItems.find('wordpress', 'post fjordpost.example', '901');
      const post = await t.site.ctx.repos.posts.findById(postId!);
      assert.ok(post?.featuredMediaId, 'the featured image was imported from the ZIP');
      assert.equal(post.featuredCredit, 'Kari Berg');
    });

    test('Ghost: the export and a ZIP of content/images, members imported and nobody emailed', async () => {
      const job = await createImport(admin, 'ghost');
      const exported = readFileSync(lexicalExport);
      const wrong = await uploadImportFile(t, admin, job.id, 'site.xml', harbourWxr());
      assert.equal(wrong.statusCode, 422, 'a WordPress export is not taken by a Ghost import');
      assert.match(errorOf(wrong).message, /Ghost import/);
      assert.equal((await uploadImportFile(t, admin, job.id, 'ghost.json', exported)).statusCode, 201);
      const images = zipOf({ 'content/images/2024/05/harbour.jpg': await makeJpeg(1200, 800, '#335577') });
      assert.equal((await uploadImportFile(t, admin, job.id, 'images.zip', images)).statusCode, 201);
      const twice = await uploadImportFile(t, admin, job.id, 'ghost.json', exported);
      assert.equal(twice.statusCode, 422, 'a Ghost import reads one export');
      const plan = await planned(t, admin, job.id);
      assert.equal(plan.status, 'planned', plan.error ?? '');
      const done = await imported(t, admin, job.id);
      assert.equal(done.status, 'done', done.error ?? '');
      assert.ok(done.report!.posts.created > 0);
      assert.ok(done.report!.media.created >= 1, JSON.stringify(done.report!.media));
      assert.deepEqual(done.report!.ghost?.members, plan.plan!.ghost?.members);
      assert.ok(done.report!.ghost!.members.created > 0);
    });

    test('junk and hostile uploads are refused with a clear 4xx error, and nothing is stored', async () => {
      const job = await createImport(admin, 'wordpress');
      const snapshot = await databaseSnapshot(t.site.storage.db);
      const files = storedFiles(t);
      const junk: [string, Buffer, number, RegExp][] = [
        ['empty.xml', Buffer.alloc(0), 422, /required|empty/],
        ['photo.xml', await makeJpeg(64, 64), 415, /JPEG image/],
        ['utf16.xml', Buffer.from('\ufeff<rss>', 'utf16le'), 422, /UTF-16/],
        [
          'laughs.xml',
          Buffer.from(
            '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;">]><rss xmlns:wp="http://wordpress.org/export/1.2/">&lol2;</rss>',
          ),
          422,
          /DTD/,
        ],
        [
          'xxe.xml',
          Buffer.from(
            '<?xml version="1.0"?><!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]><rss>&x;</rss>',
          ),
          422,
          /DTD/,
        ],
        [
          'feed.xml',
          Buffer.from('<?xml version="1.0"?><rss version="2.0"><channel></channel></rss>'),
          415,
          /WordPress export/,
        ],
        [
          'page.html',
          Buffer.from('<html><body><script>alert(1)</script></body></html>'),
          415,
          /WordPress export/,
        ],
        ['nul.xml', Buffer.from('<rss>\u0000\u0000wordpress.org/export/1.2/</rss>'), 422, /NUL/],
        ['other.json', Buffer.from('{"hello": "world"}'), 415, /Ghost export/],
        ['ghost.json', readFileSync(lexicalExport), 422, /Ghost export/],
        [
          'empty.zip',
          Buffer.concat([Buffer.from([0x50, 0x4b, 0x05, 0x06]), Buffer.alloc(18)]),
          422,
          /empty ZIP/,
        ],
        ['doc.pdf', Buffer.from('%PDF-1.7\n'), 415, /PDF document/],
        ['export.xml.gz', Buffer.from([0x1f, 0x8b, 8, 0, 0, 0]), 415, /gzip/],
        ['elf.bin', Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0, 0, 0]), 422, /NUL/],
      ];
      for (const [name, bytes, status, message] of junk) {
        const answer = await uploadImportFile(t, admin, job.id, name, bytes);
        assert.equal(answer.statusCode, status, `${name}: ${answer.body}`);
        assert.match(errorOf(answer).message + JSON.stringify(answer.json()), message, name);
      }
      await assert.rejects(
        addImportFile(t.site.ctx, testAdministrator, job.id, {
          bytes: Buffer.alloc(maxExportFileBytes + 1),
          filename: 'huge.xml',
        }),
        (error: { code?: string }) => error.code === 'PAYLOAD_TOO_LARGE',
      );
      const plan = await admin.request('POST', `/admin/api/imports/${job.id}/plan`);
      assert.equal(plan.statusCode, 422, 'no plan without an export');
      assert.deepEqual(await databaseSnapshot(t.site.storage.db), snapshot, 'nothing was written');
      assert.deepEqual(storedFiles(t), files, 'no file was stored');
      const cancelled = await admin.request('POST', `/admin/api/imports/${job.id}/cancel`);
      assert.equal(cancelled.statusCode, 200, cancelled.body);
    });

    test('a broken export passes the upload and is refused by the plan: the import fails, nothing written', async () => {
      const job = await createImport(admin, 'wordpress');
      const broken = readFileSync(join(wxrFixtures, 'wordpress-importer/phpunit-data/malformed.xml'));
      assert.equal((await uploadImportFile(t, admin, job.id, 'malformed.xml', broken)).statusCode, 201);
      const before = await footprint(t);
      const failed = await planned(t, admin, job.id);
      assert.equal(failed.status, 'failed');
      assert.ok(failed.error && failed.error.length > 10, String(failed.error));
      assert.equal(failed.plan, null);
      assert.deepEqual(await footprint(t), before);
      assert.deepEqual(storedFiles(t), [], 'a failed import keeps no files');
      const run = await admin.request('POST', `/admin/api/imports/${job.id}/run`);
      assert.equal(run.statusCode, 409, 'a failed import cannot be run');
    });

    test('one import at a time; a queued import is cancelled, runs never, and its files are deleted', async () => {
      const job = await createImport(admin, 'wordpress');
      const another = await admin.request('POST', '/admin/api/imports', { source: 'ghost' });
      assert.equal(another.statusCode, 409, another.body);
      await uploadImportFile(t, admin, job.id, 'fjordpost.xml', harbourWxr());
      assert.equal((await planned(t, admin, job.id)).status, 'planned');
      const queued = await admin.request('POST', `/admin/api/imports/${job.id}/run`);
      assert.equal((queued.json() as { import: ImportJson }).import.status, 'queued');
      const before = await footprint(t);
      const cancelled = await admin.request('POST', `/admin/api/imports/${job.id}/cancel`);
      assert.equal(cancelled.statusCode, 200, cancelled.body);
      assert.equal((cancelled.json() as { import: ImportJson }).import.status, 'cancelled');
      await drainImports(t.site);
      assert.deepEqual(await footprint(t), before, 'a cancelled import imports nothing');
      assert.deepEqual(storedFiles(t), []);
      assert.deepEqual((await importOf(admin, job.id)).files, []);
      const again = await admin.request('POST', `/admin/api/imports/${job.id}/cancel`);
      assert.equal(again.statusCode, 409, 'a cancelled import stays cancelled');
      const list = await admin.request('GET', '/admin/api/imports');
      assert.equal((list.json() as { imports: ImportJson[] }).imports[0]!.id, job.id, 'newest first');
    });

    test('a plan whose worker went quiet is taken up again; one whose worker is alive is left to it', async () => {
      const job = await createImport(admin, 'wordpress');
      await uploadImportFile(t, admin, job.id, 'fjordpost.xml', harbourWxr());
      await admin.request('POST', `/admin/api/imports/${job.id}/plan`);
      // Another process took the plan up: its claim, and a heartbeat.
      const jobs = t.site.ctx.repos.importJobs;
      const now = new Date().toISOString();
      const claim = { claim: 'another-process', attempts: 1 };
      assert.ok(await jobs.moveStatus(job.id, { from: ['plan-queued'], to: 'planning', now, change: claim }));
      await jobs.putProgress(job.id, { phase: 'plan', done: 0, total: 0, heartbeatAt: now });
      await drainImports(t.site);
      assert.equal((await importOf(admin, job.id)).status, 'planning', 'a live worker’s plan is left to it');
      // Its heartbeat stopped an hour ago: the process is gone.
      const anHourAgo = new Date(Date.now() - 3_600_000).toISOString();
      await jobs.putProgress(job.id, { phase: 'plan', done: 0, total: 0, heartbeatAt: anHourAgo });
      await drainImports(t.site);
      const taken = await importOf(admin, job.id);
      assert.equal(taken.status, 'planned', taken.error ?? '');
      assert.equal(taken.plan!.posts.created + taken.plan!.posts.updated, 1, 'the plan was made');
      assert.equal((await jobs.findById(job.id))?.attempts, 2);
      await admin.request('POST', `/admin/api/imports/${job.id}/cancel`);
    });

    test('only an owner or administrator imports; an upload is refused before its body is read', async () => {
      const job = await createImport(admin, 'wordpress');
      const snapshot = await databaseSnapshot(t.site.storage.db);
      for (const [method, url, body] of [
        ['GET', '/admin/api/imports', undefined],
        ['POST', '/admin/api/imports', { source: 'wordpress' }],
        ['GET', `/admin/api/imports/${job.id}`, undefined],
        ['POST', `/admin/api/imports/${job.id}/plan`, undefined],
        ['POST', `/admin/api/imports/${job.id}/run`, undefined],
        ['POST', `/admin/api/imports/${job.id}/cancel`, undefined],
      ] as const) {
        const answer = await editor.request(method, url, body);
        assert.equal(answer.statusCode, 403, `${method} ${url}: ${answer.body}`);
      }
      const upload = await uploadImportFile(t, editor, job.id, 'fjordpost.xml', harbourWxr());
      assert.equal(upload.statusCode, 403, upload.body);
      const anonymous = await t.app.inject({ method: 'GET', url: '/admin/api/imports' });
      assert.equal(anonymous.statusCode, 401);
      assert.deepEqual(await databaseSnapshot(t.site.storage.db), snapshot, 'nothing was written');
      const unknown = await admin.request('POST', '/admin/api/imports', { source: 'wordpress', extra: 1 });
      assert.equal(unknown.statusCode, 422, unknown.body);
      const blogger = await admin.request('POST', '/admin/api/imports', { source: 'blogger' });
      assert.equal(blogger.statusCode, 422, blogger.body);
      await admin.request('POST', `/admin/api/imports/${job.id}/cancel`);
    });
  });
}
