import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { startMemberImports } from '../../src/jobs/member-import.js';
import { signInAs, type AdminClient } from '../helpers/admin.js';
import { createTestApp, type TestApp } from '../helpers/http.js';
import { hostileMemberCsv } from '../helpers/member-csv.js';
import { addMembers, aNewsletter, awaitImport, postImport, type ImportJson } from '../helpers/members.js';
import { dialects } from '../helpers/sites.js';

/*
 * Issue 16: a 20,000-line member import is a job. The POST stores the file and answers 202 before a
 * line is imported (the job is not even running then); the job imports it in batches, with the same
 * per-line report (line, address, what went wrong) for the hostile and broken lines.
 */

const lines = 20_000;

async function memberEmails(t: TestApp): Promise<string[]> {
  const rows = await t.site.storage.db.selectFrom('members').select('email').execute();
  return rows.map((r) => r.email);
}

for (const dialect of dialects) {
  describe(`member import as a job (${dialect.name})`, { skip: dialect.skip, timeout: 900_000 }, () => {
    let t: TestApp;
    let admin: AdminClient;
    before(async () => {
      t = await createTestApp(dialect.name);
      admin = await signInAs(t, 'administrator');
    });
    after(async () => t?.destroy());

    test('20,000 lines: 202 at once, then the job gives the right counts and per-line report', async () => {
      const letter = await aNewsletter(t.site.storage.db, { slug: 'daily' });
      const existing = await addMembers(t.site.storage.db, letter.id, 300, { prefix: 'old' });
      const file = hostileMemberCsv({ lines, existing: existing.map((m) => m.email), newsletter: 'daily' });
      const before = (await memberEmails(t)).length;

      const posted = await postImport(t, admin, file.csv);
      assert.equal(posted.statusCode, 202, posted.body);
      const queued = posted.json().import;
      assert.deepEqual(
        [queued.status, queued.totalLines, queued.linesDone, queued.imported],
        ['queued', lines, 0, 0],
      );
      assert.equal((await memberEmails(t)).length, before, 'the request imported nothing itself');

      const job = startMemberImports(t.site.ctx, (error) => assert.fail(error as Error), 50);
      let report: ImportJson;
      try {
        report = await awaitImport(t, admin, queued.id);
      } finally {
        job.stop();
        await job.idle();
      }
      assert.deepEqual(
        [report.linesDone, report.imported, report.updated, report.skipped],
        [lines, file.imported, file.updated, file.errors.length],
      );
      assert.equal(report.errors.length, file.errors.length, 'one report line per bad line');
      for (const [i, expected] of file.errors.entries()) {
        const got = report.errors[i]!;
        assert.deepEqual([got.line, got.email], [expected.line, expected.email], `report entry ${i}`);
        assert.match(got.message, expected.message, `line ${expected.line}`);
      }
      const stored = new Set(await memberEmails(t));
      assert.equal(stored.size, before + file.imported, 'each new address stored once');
      for (const email of file.emails) assert.ok(stored.has(email), email);
      const subscribed = await t.site.storage.db
        .selectFrom('member_newsletters')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('newsletter_id', '=', letter.id)
        .executeTakeFirstOrThrow();
      assert.ok(Number(subscribed.n) > existing.length, 'the lines naming the newsletter subscribed');
      const csvLeft = await t.site.storage.db
        .selectFrom('member_imports')
        .select('csv')
        .where('id', '=', queued.id)
        .executeTakeFirstOrThrow();
      assert.equal(csvLeft.csv, '', 'a finished import keeps its report, not the file');
    });

    test('progress is for those who may import; an unknown import is 404', async () => {
      const editor = await signInAs(t, 'editor');
      const imports = await t.site.storage.db.selectFrom('member_imports').select('id').execute();
      const res = await editor.request('GET', `/admin/api/members/imports/${imports[0]!.id}`);
      assert.equal(res.statusCode, 403);
      assert.equal((await admin.request('GET', '/admin/api/members/imports/nope')).statusCode, 404);
    });
  });
}
