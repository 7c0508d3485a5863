import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createBulkMailer } from '../../src/adapters/mail/bulk-mailer.js';
import { drainAllSends, startSend } from '../../src/domain/newsletters/sending.js';
import type { BulkMailer } from '../../src/domain/ports.js';
import { systemActor } from '../../src/domain/staff/permissions.js';
import { signInAs, type AdminClient } from '../helpers/admin.js';
import { aPublishedPost } from '../helpers/factories.js';
import { createTestApp, type TestApp } from '../helpers/http.js';
import { addMembers, aNewsletter } from '../helpers/members.js';
import { startSmtpServer, type TestSmtpServer } from '../helpers/smtp.js';
import { dialects } from '../helpers/sites.js';

/*
 * Issue 12: a correction of a post that went out as a newsletter can follow it, when an editor asks,
 * to the members the post reached who are still subscribed, through the same sending as the post.
 */

for (const dialect of dialects) {
  describe(`correction sends (${dialect.name})`, { skip: dialect.skip }, () => {
    let t: TestApp;
    let smtp: TestSmtpServer;
    let mailer: BulkMailer;
    let editor: AdminClient;
    const sender = () => ({ mailer, claimer: 'test-process', retryBaseMs: 1, maxAttempts: 3 });
    const corrections = '/admin/api/sends/corrections';
    const delivered = (email: string) => smtp.received.filter((m) => m.envelopeTo.includes(email));

    before(async () => {
      smtp = await startSmtpServer();
      t = await createTestApp(
        dialect.name,
        { BROADSHEET_URL: 'https://news.example' },
        { smtpPort: smtp.port },
      );
      mailer = createBulkMailer({ url: `smtp://127.0.0.1:${smtp.port}`, connections: 2 });
      editor = await signInAs(t, 'editor');
    });
    after(async () => {
      await mailer.close();
      await t.destroy();
      await smtp.close();
    });

    test('the correction reaches those the post reached, once, and nobody else', async () => {
      const { ctx, storage } = t.site;
      const postId = await aPublishedPost(ctx, { title: 'Quota figures', slug: 'quota-figures' });
      const letter = await aNewsletter(storage.db, {});
      const reached = await addMembers(storage.db, letter.id, 3, { prefix: 'reached' });
      await startSend(ctx, { postId, newsletterId: letter.id, actor: systemActor('test') });
      assert.equal(await drainAllSends(ctx, sender()), 0);
      const later = await addMembers(storage.db, letter.id, 1, { prefix: 'later' });
      await storage.db
        .updateTable('members')
        .set({ status: 'unsubscribed' })
        .where('id', '=', reached[2]!.id)
        .execute();

      const notes = `/admin/api/posts/${postId}/notes`;
      const added = await editor.request('POST', notes, {
        kind: 'correction',
        body: 'The quota is 12,000 tonnes, <not> 21,000.',
      });
      assert.equal(added.statusCode, 201, added.body);
      const noteId = added.json().note.id as string;
      assert.ok(
        reached.every((m) => delivered(m.email).length === 1),
        'adding a correction sends nothing by itself',
      );

      const asked = await editor.request('POST', corrections, { postId, noteId });
      assert.equal(asked.statusCode, 201, asked.body);
      const [send] = asked.json().sends;
      assert.equal(send.noteId, noteId);
      assert.equal(send.total, 2, 'the two reached members still subscribed');
      const again = await editor.request('POST', corrections, { postId, noteId });
      assert.equal(again.json().sends[0].id, send.id, 'asking again answers the same send');
      assert.equal(await drainAllSends(ctx, sender()), 0);

      for (const member of reached.slice(0, 2)) {
        const mails = delivered(member.email);
        assert.equal(mails.length, 2, `${member.email}: the post and its correction`);
        const correction = mails[1]!.parsed;
        assert.equal(correction.subject, 'Correction: Quota figures');
        assert.match(String(correction.text), /12,000 tonnes, <not> 21,000/);
        assert.match(String(correction.html), /12,000 tonnes, &lt;not&gt; 21,000/);
        assert.match(String(correction.html), /https:\/\/news\.example\/quota-figures\//);
      }
      assert.equal(delivered(reached[2]!.email).length, 1, 'an unsubscribed member gets no correction');
      assert.equal(delivered(later[0]!.email).length, 0, 'a later subscriber gets neither');
    });

    test('only a correction, only of a post that went out, only by those who may send', async () => {
      const { ctx } = t.site;
      const postId = await aPublishedPost(ctx, { title: 'Never sent' });
      const notes = `/admin/api/posts/${postId}/notes`;
      const correction = (await editor.request('POST', notes, { kind: 'correction', body: 'Fixed.' })).json();
      const update = (await editor.request('POST', notes, { kind: 'update', body: 'More.' })).json();
      const notSent = await editor.request('POST', corrections, { postId, noteId: correction.note.id });
      assert.equal(notSent.statusCode, 422);
      assert.match(notSent.body, /not sent as a newsletter/);
      const send = (noteId: string, client = editor) =>
        client.request('POST', corrections, { postId, noteId });
      assert.equal((await send(update.note.id)).statusCode, 422);
      assert.equal((await send('nope')).statusCode, 422);
      const author = await signInAs(t, 'author');
      assert.equal((await send(correction.note.id, author)).statusCode, 403);
    });
  });
}
