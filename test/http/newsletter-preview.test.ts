// The checks before a newsletter goes out: the preview is the members' email, a test reaches only the
// signed-in staff member, and the recipient count counts each active member once.
import assert from 'node:assert/strict';
import { systemActor } from '../../src/domain/staff/permissions.js';
import { after, before, describe, test } from 'node:test';
import { createBulkMailer } from '../../src/adapters/mail/bulk-mailer.js';
import { createApiToken } from '../../src/domain/integrations/api-tokens.js';
import { drainAllSends, startSend } from '../../src/domain/newsletters/sending.js';
import type { BulkMailer } from '../../src/domain/ports.js';
import { testSendsPerStaff } from '../../src/http/admin-api/sends.routes.js';
import { bearerClient, signInAs, type AdminClient } from '../helpers/admin.js';
import { aPublishedPost, anImage, aTag } from '../helpers/factories.js';
import { createTestApp, type TestApp } from '../helpers/http.js';
import { addMembers, aNewsletter } from '../helpers/members.js';
import { startSmtpServer, type TestSmtpServer } from '../helpers/smtp.js';
import { dialects } from '../helpers/sites.js';

interface Preview {
  subject: string;
  html: string;
  text: string;
}

for (const dialect of dialects) {
  describe(
    `newsletter preview, test send and recipient count (${dialect.name})`,
    { skip: dialect.skip },
    () => {
      let t: TestApp;
      let smtp: TestSmtpServer;
      let mailer: BulkMailer;
      let editor: AdminClient;
      let postId: string;
      let letter: { id: string };

      before(async () => {
        smtp = await startSmtpServer();
        t = await createTestApp(dialect.name, {}, { smtpPort: smtp.port });
        mailer = createBulkMailer({ url: `smtp://127.0.0.1:${smtp.port}`, connections: 1 });
        editor = await signInAs(t, 'editor', 'Eva Editor');
        const { ctx, storage } = t.site;
        const image = await anImage(ctx, { caption: 'Boats at dawn', credit: 'Photo: Kari' });
        const tag = await aTag(ctx, 'Harbours');
        postId = await aPublishedPost(ctx, {
          title: 'Harbour <plans> approved',
          slug: 'harbour-plans',
          standfirst: 'The council voted 7–2.',
          featuredImage: { mediaId: image.id },
          tagIds: [tag.id],
          authorIds: [editor.staffId],
        });
        letter = await aNewsletter(storage.db, { name: 'Morning Brief' });
      });
      after(async () => {
        await mailer?.close();
        await t?.destroy();
        await smtp?.close();
      });

      const preview = async (client: AdminClient, newsletterId: string, id: string) =>
        client.request('GET', `/admin/api/newsletters/${newsletterId}/preview?postId=${id}`);

      test('the preview is exactly the email a member gets, with links that work for nobody', async () => {
        const res = await preview(editor, letter.id, postId);
        assert.equal(res.statusCode, 200);
        assert.equal(res.headers['cache-control'], 'no-store');
        const shown = (res.json() as { preview: Preview }).preview;
        assert.equal(shown.subject, 'Harbour <plans> approved');
        assert.ok(shown.html.includes('Morning Brief') && shown.html.includes('Harbours'));
        assert.ok(shown.html.includes('By Eva Editor'));

        const [member] = await addMembers(t.site.storage.db, letter.id, 1);
        await startSend(t.site.ctx, { postId, newsletterId: letter.id, actor: systemActor('test') });
        await drainAllSends(t.site.ctx, { mailer, claimer: 'test' });
        const got = smtp.received.find((m) => m.envelopeTo.includes(member!.email))!;
        const placeholders = (s: string) =>
          s
            .replace(/members\/manage\/\?token=[^"\s]+/g, 'members/manage/?token=preview')
            .replace(/unsubscribe\/\?token=[^"\s]+/g, 'unsubscribe/?token=preview');
        assert.equal(placeholders(String(got.parsed.html)), shown.html, 'the same HTML');
        assert.equal(placeholders(got.parsed.text ?? '').trim(), shown.text.trim(), 'the same text');

        for (const path of ['/members/manage/?token=preview', '/unsubscribe/?token=preview'])
          assert.equal((await t.get(path)).statusCode, 400, `${path} is a bad link`);
        assert.ok(shown.html.includes('https://news.example/members/manage/?token=preview'));
      });

      test('an author previews their own post only; a contributor none', async () => {
        const author = await signInAs(t, 'author', 'Ann Author');
        const own = await aPublishedPost(t.site.ctx, { title: 'Mine', authorIds: [author.staffId] });
        assert.equal((await preview(author, letter.id, own)).statusCode, 200);
        assert.equal((await preview(author, letter.id, postId)).statusCode, 403);
        const contributor = await signInAs(t, 'contributor');
        assert.equal((await preview(contributor, letter.id, own)).statusCode, 403);
        assert.equal((await preview(editor, 'nonexistent', postId)).statusCode, 404);
      });

      test('a test goes to the signed-in staff member only, whatever the request names, and is rate limited', async () => {
        const before = smtp.received.length;
        const addressed = await editor.request('POST', `/admin/api/newsletters/${letter.id}/test-send`, {
          postId,
          to: 'attacker@evil.example',
          email: 'attacker@evil.example',
        });
        assert.equal(addressed.statusCode, 422, 'an address in the request is refused, never used');
        assert.deepEqual(
          addressed.json().errors.map((e: { property: string }) => e.property),
          ['to', 'email'],
        );
        const res = await editor.request('POST', `/admin/api/newsletters/${letter.id}/test-send`, { postId });
        assert.equal(res.statusCode, 200, res.body);
        assert.deepEqual(res.json(), { test: { to: 'eva.editor@news.example', isSent: true, error: '' } });
        const [mail] = (await smtp.waitFor(before + 1)).slice(before);
        assert.deepEqual(mail!.envelopeTo, ['eva.editor@news.example']);
        assert.equal(mail!.parsed.subject, '[Test] Harbour <plans> approved');
        assert.ok(String(mail!.parsed.html).includes('unsubscribe/?token=preview'));
        assert.ok(!mail!.raw.includes('evil.example'));

        const author = await signInAs(t, 'author');
        const refused = await author.request('POST', `/admin/api/newsletters/${letter.id}/test-send`, {
          postId,
        });
        assert.equal(refused.statusCode, 403);
        const { secret } = await createApiToken(t.site.ctx, systemActor('test'), {
          name: 'Sync',
          role: 'editor',
        });
        const byToken = await bearerClient(t, secret)(
          'POST',
          `/admin/api/newsletters/${letter.id}/test-send`,
          {
            postId,
          },
        );
        assert.equal(byToken.statusCode, 403, 'an API token has no address of its own');

        const sender = await signInAs(t, 'editor');
        const codes: number[] = [];
        for (let i = 0; i <= testSendsPerStaff; i++)
          codes.push(
            (await sender.request('POST', `/admin/api/newsletters/${letter.id}/test-send`, { postId }))
              .statusCode,
          );
        assert.deepEqual(codes, [...Array(testSendsPerStaff).fill(200), 429]);
        assert.equal(
          (await smtp.waitFor(before + 1 + testSendsPerStaff)).length,
          before + 1 + testSendsPerStaff,
        );
      });

      test('the recipient count: active members of the chosen newsletters, each once', async () => {
        const db = t.site.storage.db;
        const a = await aNewsletter(db);
        const b = await aNewsletter(db);
        const both = await addMembers(db, a.id, 2);
        const now = new Date().toISOString();
        await db
          .insertInto('member_newsletters')
          .values(both.map((m) => ({ member_id: m.id, newsletter_id: b.id, created_at: now })))
          .execute();
        await addMembers(db, a.id, 3);
        await addMembers(db, b.id, 1);
        await addMembers(db, a.id, 4, { status: 'pending' });
        await addMembers(db, b.id, 5, { status: 'unsubscribed' });
        const count = async (ids: string) =>
          editor.request('GET', `/admin/api/newsletters/recipient-count?newsletterIds=${ids}`);
        assert.deepEqual((await count(`${a.id},${b.id}`)).json(), { newsletterIds: [a.id, b.id], count: 6 });
        assert.equal((await count(a.id)).json().count, 5);
        assert.equal((await count(b.id)).json().count, 3);
        assert.equal((await count(`${a.id},nonexistent`)).statusCode, 422);
        assert.equal((await count('')).statusCode, 422);
        const author = await signInAs(t, 'author');
        assert.equal(
          (await author.request('GET', `/admin/api/newsletters/recipient-count?newsletterIds=${a.id}`))
            .statusCode,
          403,
        );
      });
    },
  );
}
