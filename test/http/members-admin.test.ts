import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { parseCsv } from '../../src/domain/members/csv.js';
import { startMemberImports } from '../../src/jobs/member-import.js';
import { signInAs, type AdminClient } from '../helpers/admin.js';
import { createTestApp, type TestApp } from '../helpers/http.js';
import { awaitImport, postImport } from '../helpers/members.js';
import { dialects } from '../helpers/sites.js';

interface NewsletterJson {
  id: string;
  slug: string;
  name: string;
  memberCount: number;
}
interface MemberJson {
  id: string;
  email: string;
  name: string;
  status: string;
  newsletterIds: string[];
  consentSource: string;
  consentAt: string | null;
}

for (const dialect of dialects) {
  describe(`members and newsletters in the Admin API on ${dialect.name}`, { skip: dialect.skip }, () => {
    let t: TestApp;
    let admin: AdminClient;
    let editor: AdminClient;
    let daily: NewsletterJson;
    let weekly: NewsletterJson;

    let job: ReturnType<typeof startMemberImports>;

    before(async () => {
      t = await createTestApp(dialect.name);
      admin = await signInAs(t, 'administrator');
      editor = await signInAs(t, 'editor');
      job = startMemberImports(t.site.ctx, (error) => console.error(error), 50);
    });
    after(async () => {
      job?.stop();
      await job?.idle();
      await t?.destroy();
    });

    const importCsv = (csv: string, client = admin) => postImport(t, client, csv);
    /** Posts the file (202 at once) and waits for the job's report. */
    const importReport = async (app: TestApp, client: AdminClient, csv: string) => {
      const posted = await postImport(app, client, csv);
      assert.equal(posted.statusCode, 202, posted.body);
      const { imported, updated, skipped, errors } = await awaitImport(app, client, posted.json().import.id);
      return { imported, updated, skipped, errors };
    };
    const list = async (query = '') => {
      const res = await admin.request('GET', `/admin/api/members${query}`);
      assert.equal(res.statusCode, 200, res.body);
      return res.json() as { members: MemberJson[]; meta: { page: number; limit: number; total: number } };
    };

    test('newsletters: create, validate, update, list', async () => {
      const res = await admin.request('POST', '/admin/api/newsletters', {
        name: 'The Daily',
        language: 'en',
        senderName: 'Fjord Post',
        senderEmail: 'news@news.example',
      });
      assert.equal(res.statusCode, 201, res.body);
      daily = res.json().newsletter;
      assert.equal(daily.slug, 'the-daily');
      assert.equal(daily.memberCount, 0);
      weekly = (
        await admin.request('POST', '/admin/api/newsletters', { name: 'Weekly', sortOrder: 2 })
      ).json().newsletter;
      for (const senderEmail of ['a@b.example\r\nBcc: c@d.example', 'a@b.example, c@d.example', 'nope']) {
        const bad = await admin.request('POST', '/admin/api/newsletters', { name: 'Bad', senderEmail });
        assert.equal(bad.statusCode, 422, senderEmail);
      }
      assert.equal(
        (await admin.request('POST', '/admin/api/newsletters', { name: 'Bad', language: 'English' }))
          .statusCode,
        422,
      );
      const patched = await admin.request('PATCH', `/admin/api/newsletters/${weekly.id}`, {
        name: 'The Weekly',
      });
      assert.equal(patched.json().newsletter.name, 'The Weekly');
      const all = (await admin.request('GET', '/admin/api/newsletters')).json()
        .newsletters as NewsletterJson[];
      assert.deepEqual(
        all.map((n) => n.name),
        ['The Daily', 'The Weekly'],
      );
    });

    test('members: add, search, filter, page, update, delete; counts per newsletter', async () => {
      const add = (email: string, name: string, newsletterIds: string[]) =>
        admin.request('POST', '/admin/api/members', { email, name, newsletterIds });
      const first = await add('Ann@Example.org', 'Ann Arbor', [daily.id]);
      assert.equal(first.statusCode, 201, first.body);
      const ann = first.json().member as MemberJson;
      assert.equal(ann.email, 'ann@example.org');
      assert.equal(ann.status, 'active');
      assert.equal(ann.consentSource, 'admin');
      assert.ok(ann.consentAt);
      assert.equal((await add('ann@example.org', 'Again', [])).statusCode, 409);
      assert.equal((await add('bad address@example.org', 'X', [])).statusCode, 422);
      assert.equal((await add('x@example.org', 'X', ['no-such-newsletter'])).statusCode, 422);
      await add('bob@example.org', 'Bob 100% _real_', [daily.id, weekly.id]);
      await add('cyd@example.org', 'Cyd', [weekly.id]);

      assert.equal((await list()).meta.total, 3);
      assert.deepEqual(
        (await list('?q=ARBOR')).members.map((m) => m.email),
        ['ann@example.org'],
      );
      assert.deepEqual(
        (await list('?q=100%25')).members.map((m) => m.email),
        ['bob@example.org'],
        'a % is searched for, not a wildcard',
      );
      assert.equal((await list('?q=_')).members.length, 1, 'an _ is searched for, not a wildcard');
      assert.deepEqual((await list(`?newsletterId=${weekly.id}`)).members.map((m) => m.email).sort(), [
        'bob@example.org',
        'cyd@example.org',
      ]);
      const paged = await list('?limit=2&page=2');
      assert.equal(paged.members.length, 1);
      assert.deepEqual(paged.meta, { page: 2, limit: 2, total: 3 });

      const updated = await admin.request('PATCH', `/admin/api/members/${ann.id}`, {
        name: 'Ann B.',
        status: 'unsubscribed',
        newsletterIds: [weekly.id],
      });
      assert.equal(updated.statusCode, 200, updated.body);
      assert.equal(updated.json().member.status, 'unsubscribed');
      assert.deepEqual(updated.json().member.newsletterIds, [weekly.id]);
      assert.deepEqual(
        (await list('?status=unsubscribed')).members.map((m) => m.email),
        ['ann@example.org'],
      );

      const counts = Object.fromEntries(
        ((await admin.request('GET', '/admin/api/newsletters')).json().newsletters as NewsletterJson[]).map(
          (n) => [n.slug, n.memberCount],
        ),
      );
      assert.deepEqual(counts, { 'the-daily': 1, weekly: 2 }, 'active members only');

      assert.equal((await admin.request('DELETE', `/admin/api/members/${ann.id}`)).statusCode, 204);
      assert.equal((await admin.request('DELETE', `/admin/api/members/${ann.id}`)).statusCode, 404);
      assert.equal((await list()).meta.total, 2);
    });

    test('CSV export and import round trip: quotes, commas, line breaks, formula cells', async () => {
      const tricky = [
        ['quote@example.org', 'Say "hi", please'],
        ['lines@example.org', 'Line one\nLine two'],
        ['formula@example.org', '=HYPERLINK("http://evil.example")'],
        ['plus@example.org', '+1 555'],
        ['at@example.org', '@SUM(A1)'],
        ['minus@example.org', '-2+3'],
      ];
      for (const [email, name] of tricky)
        assert.equal(
          (await admin.request('POST', '/admin/api/members', { email, name, newsletterIds: [daily.id] }))
            .statusCode,
          201,
        );
      const res = await admin.request('GET', '/admin/api/members/export');
      assert.equal(res.statusCode, 200);
      assert.match(String(res.headers['content-type']), /^text\/csv/);
      assert.match(String(res.headers['content-disposition']), /^attachment; filename="members-.*\.csv"$/);
      const records = parseCsv(res.body);
      assert.deepEqual(records[0]!.cells, [
        'email',
        'name',
        'status',
        'newsletters',
        'consent_source',
        'consent_at',
        'created_at',
      ]);
      for (const record of records.slice(1))
        for (const cell of record.cells) assert.doesNotMatch(cell, /^[=+\-@]/, `formula-safe: ${cell}`);
      assert.match(res.body, /"'=HYPERLINK\(""http:\/\/evil\.example""\)"/);
      assert.match(res.body, /"Say ""hi"", please"/);
      assert.match(res.body, /"Line one\nLine two"/);
      assert.match(res.body, /bob@example\.org,Bob 100% _real_,active,the-daily;weekly,admin,/);

      // Into an empty site with the same newsletters: the same members come back.
      const other = await createTestApp(dialect.name);
      const otherJob = startMemberImports(other.site.ctx, (error) => console.error(error), 50);
      try {
        const otherAdmin = await signInAs(other, 'owner');
        for (const name of ['The Daily', 'Weekly'])
          await otherAdmin.request('POST', '/admin/api/newsletters', { name });
        assert.deepEqual(await importReport(other, otherAdmin, res.body), {
          imported: 8,
          updated: 0,
          skipped: 0,
          errors: [],
        });
        const back = (await otherAdmin.request('GET', '/admin/api/members?limit=100')).json()
          .members as MemberJson[];
        const names = Object.fromEntries(back.map((m) => [m.email, m.name]));
        for (const [email, name] of tricky) assert.equal(names[email!], name);
        const bob = back.find((m) => m.email === 'bob@example.org')!;
        assert.equal(bob.newsletterIds.length, 2);
        assert.equal(bob.consentSource, 'import');
        assert.deepEqual(await importReport(other, otherAdmin, res.body), {
          imported: 0,
          updated: 8,
          skipped: 0,
          errors: [],
        });
      } finally {
        otherJob.stop();
        await otherJob.idle();
        await other.destroy();
      }
    });

    test('import reports errors per line and never stores half a line', async () => {
      const csv = [
        'email,name,newsletters,status',
        'new1@example.org,New One,the-daily,active',
        'not an address,Bad,,',
        '"multi@example.org","Two\nlines",weekly,',
        'new2@example.org,Unknown newsletter,no-such,',
        'a@b.example\r',
        'new3@example.org,Bad status,,maybe',
        'new1@example.org,Twice,,',
        'évil@example.org,Non-ASCII,,',
        'new4@example.org,"=1+1",the-daily;weekly,unsubscribed',
        '',
      ].join('\n');
      const report = await importReport(t, admin, csv);
      assert.equal(report.imported, 3);
      assert.deepEqual(
        report.errors.map((e) => [e.line, e.email]),
        [
          [3, 'not an address'],
          [6, 'new2@example.org'],
          [7, 'a@b.example'],
          [8, 'new3@example.org'],
          [9, 'new1@example.org'],
          [10, 'évil@example.org'],
        ],
        'each bad line with its number and address',
      );
      assert.equal(report.skipped, 6);
      assert.match(report.errors[1]!.message, /no newsletter "no-such"/);
      const emails = (await list('?limit=100')).members.map((m) => m.email);
      assert.ok(!emails.includes('new2@example.org'), 'a line with an error stores nothing');
      assert.ok(emails.includes('multi@example.org'));
      const new4 = (await list('?q=new4')).members[0]!;
      assert.equal(new4.name, '=1+1');
      assert.equal(new4.status, 'unsubscribed');
      assert.equal(new4.newsletterIds.length, 2);

      assert.equal((await importCsv('name\nNo email column\n')).statusCode, 422);
      assert.equal((await importCsv('email\nnul\u0000@example.org\n')).statusCode, 422, 'NUL bytes');
      assert.equal((await importCsv('email\n"never closed\n')).statusCode, 422);
      const json = await admin.request('POST', '/admin/api/members/import', { email: 'x@example.org' });
      assert.equal(json.statusCode, 415);
      const huge = await importCsv('email\n' + 'x'.repeat(5 * 1024 * 1024 + 10));
      assert.equal(huge.statusCode, 413);
    });

    test('roles: an editor gets 403 on members and may only read newsletters', async () => {
      for (const [method, url] of [
        ['GET', '/admin/api/members'],
        ['POST', '/admin/api/members'],
        ['PATCH', '/admin/api/members/x'],
        ['DELETE', '/admin/api/members/x'],
        ['GET', '/admin/api/members/export'],
        ['POST', '/admin/api/newsletters'],
        ['PATCH', `/admin/api/newsletters/${daily.id}`],
        ['DELETE', `/admin/api/newsletters/${daily.id}`],
      ] as const) {
        // A valid body: input is parsed before the operation checks the role (issue 9's order).
        const body =
          url === '/admin/api/members'
            ? { email: 'editor-made@example.org' }
            : url === '/admin/api/newsletters'
              ? { name: 'Editor made' }
              : {};
        const res = await editor.request(
          method,
          url,
          method === 'GET' || method === 'DELETE' ? undefined : body,
        );
        assert.equal(res.statusCode, 403, `${method} ${url}`);
      }
      assert.equal((await importCsv('email\nx@example.org\n', editor)).statusCode, 403);
      assert.equal((await editor.request('GET', '/admin/api/newsletters')).statusCode, 200);
      assert.equal((await t.get('/admin/api/members')).statusCode, 401);
    });

    test('deleting a newsletter keeps its members', async () => {
      assert.equal((await admin.request('DELETE', `/admin/api/newsletters/${weekly.id}`)).statusCode, 204);
      const cyd = (await list('?q=cyd')).members[0]!;
      assert.deepEqual(cyd.newsletterIds, []);
    });
  });
}
