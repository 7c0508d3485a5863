import assert from 'node:assert/strict';
import { systemActor } from '../../src/domain/staff/permissions.js';
import { after, before, describe, test } from 'node:test';
import { createBulkMailer } from '../../src/adapters/mail/bulk-mailer.js';
import { verifyMemberLinkToken } from '../../src/domain/members/member-links.js';
import { drainAllSends, getSend, startSend } from '../../src/domain/newsletters/sending.js';
import { createApiToken } from '../../src/domain/integrations/api-tokens.js';
import type { BulkMailer } from '../../src/domain/ports.js';
import { startNewsletterSending } from '../../src/jobs/newsletter-sending.js';
import { aPublishedPost as makePost, anImage } from '../helpers/factories.js';
import { createTestApp, type TestApp } from '../helpers/http.js';
import { addMembers, aNewsletter } from '../helpers/members.js';
import { startSmtpServer, type TestSmtpServer } from '../helpers/smtp.js';
import { dialects } from '../helpers/sites.js';

/** A post, as its id. */
const aPublishedPost = async (...args: Parameters<typeof makePost>) => ({ id: await makePost(...args) });

const countBy = (list: string[]) => {
  const map = new Map<string, number>();
  for (const item of list) map.set(item, (map.get(item) ?? 0) + 1);
  return map;
};

for (const dialect of dialects) {
  describe(`newsletter sending (${dialect.name})`, { skip: dialect.skip }, () => {
    let t: TestApp;
    let smtp: TestSmtpServer;
    let mailer: BulkMailer;
    /** Addresses the sink refuses: code per address, used once when `once`. */
    const refusals = new Map<string, { code: number; once: boolean }>();
    const sender = () => ({ mailer, claimer: 'test-process', retryBaseMs: 1, maxAttempts: 3 });
    const delivered = (email: string) => smtp.received.filter((m) => m.envelopeTo.includes(email));

    before(async () => {
      smtp = await startSmtpServer(undefined, {
        answerFor(address) {
          const refusal = refusals.get(address);
          if (!refusal) return undefined;
          if (refusal.once) refusals.delete(address);
          return { code: refusal.code, message: `test refusal ${refusal.code}` };
        },
      });
      t = await createTestApp(
        dialect.name,
        { BROADSHEET_URL: 'https://news.example' },
        { smtpPort: smtp.port },
      );
      mailer = createBulkMailer({ url: `smtp://127.0.0.1:${smtp.port}`, connections: 4 });
    });
    after(async () => {
      await mailer.close();
      await t.destroy();
      await smtp.close();
    });

    test('content and headers: links, unsubscribe headers, a stable Message-ID, totals that balance', async () => {
      const { ctx, storage } = t.site;
      const image = await anImage(ctx, { caption: 'Boats at dawn', credit: 'Photo: Kari <Nordmann>' });
      const post = await aPublishedPost(ctx, {
        title: 'Harbour <plans> approved',
        slug: 'harbour-plans',
        standfirst: 'The council voted 7–2.',
        text: 'The harbour will be rebuilt.',
        featuredImage: { mediaId: image.id },
        sources: [{ publisher: 'Council minutes', title: 'Meeting 12', url: 'https://council.example/12' }],
      });
      const letter = await aNewsletter(storage.db, {
        replyTo: 'letters@news.example',
        footer: 'Footer text here.',
      });
      const members = await addMembers(storage.db, letter.id, 3);
      await addMembers(storage.db, letter.id, 1, { status: 'pending' });
      await addMembers(storage.db, letter.id, 1, { status: 'unsubscribed' });
      await addMembers(storage.db, letter.id, 1, { isSubscribed: false });

      const send = await startSend(ctx, {
        postId: post.id,
        newsletterId: letter.id,
        actor: systemActor('test'),
      });
      assert.equal(send.total, 3);
      assert.equal(send.status, 'sending');
      const again = await startSend(ctx, {
        postId: post.id,
        newsletterId: letter.id,
        actor: systemActor('test'),
      });
      assert.equal(again.id, send.id, 'one send per post and newsletter');
      assert.equal(await drainAllSends(ctx, sender()), 0);

      const { send: done, report } = await getSend(ctx, systemActor('test'), send.id);
      assert.equal(done.status, 'done');
      assert.deepEqual([done.total, done.sent, done.failed, done.skipped, done.pending], [3, 3, 0, 0, 0]);
      assert.deepEqual(report, { failures: [], possiblyDuplicated: [] });

      for (const member of members) {
        const [mail] = delivered(member.email);
        assert.ok(mail, `${member.email} got the email`);
        const p = mail.parsed;
        assert.equal(p.subject, 'Harbour <plans> approved');
        assert.equal(p.messageId, `<${send.id}.${member.id}@news.example>`);
        assert.equal(p.from?.value[0]?.address, 'brief@news.example');
        assert.equal(p.from?.value[0]?.name, 'Fjord Post');
        assert.equal(p.replyTo?.value[0]?.address, 'letters@news.example');
        const headers = mail.raw.split(/\r?\n\r?\n/)[0]!.replace(/\r?\n[ \t]+/g, ' ');
        assert.match(headers, /^List-Unsubscribe-Post: List-Unsubscribe=One-Click\r?$/m);
        const listUnsubscribe = /^<https:\/\/news\.example\/unsubscribe\/\?token=([^>]+)>$/.exec(
          headers.match(/^List-Unsubscribe: (.*)$/m)![1]!.trim(),
        );
        assert.ok(listUnsubscribe, 'List-Unsubscribe is one https URL in angle brackets');
        const token = decodeURIComponent(listUnsubscribe[1]!);
        assert.equal(await verifyMemberLinkToken(ctx, token, 'unsubscribe'), member.id);
        const htmlBody = String(p.html);
        assert.ok(htmlBody.includes('Harbour &lt;plans&gt; approved'), 'the title is escaped');
        assert.ok(htmlBody.includes('Boats at dawn') && htmlBody.includes('Photo: Kari &lt;Nordmann&gt;'));
        assert.ok(htmlBody.includes('According to <a href="https://council.example/12"'));
        assert.ok(htmlBody.includes('href="https://news.example/harbour-plans/"'), 'web version link');
        assert.ok(htmlBody.includes('Footer text here.'));
        assert.match(htmlBody, /href="https:\/\/news\.example\/members\/manage\/\?token=[^"]+"/);
        assert.doesNotMatch(htmlBody, /(src|href)="\/(?!\/)/, 'no relative URLs');
        assert.match(htmlBody, /<img src="https:\/\/news\.example\/media\//);
        const text = p.text ?? '';
        for (const part of [
          'Harbour <plans> approved',
          'The council voted 7–2.',
          'The harbour will be rebuilt.',
          'According to Council minutes: Meeting 12.',
          'Read on the web: https://news.example/harbour-plans/',
          'Footer text here.',
          'Manage your subscriptions: https://news.example/members/manage/?token=',
        ])
          assert.ok(text.includes(part), `text part has ${part}`);
      }

      // RFC 8058: a POST to the List-Unsubscribe URL, with no cookie, unsubscribes without a redirect.
      const [first] = members;
      const header = delivered(first!.email)[0]!.raw.replace(/\r?\n[ \t]+/g, ' ');
      const url = new URL(/^List-Unsubscribe: <([^>]+)>/m.exec(header)![1]!);
      const peek = await t.app.inject({ method: 'GET', url: url.pathname + url.search });
      assert.equal(peek.statusCode, 200);
      assert.equal(
        (
          await storage.db
            .selectFrom('members')
            .select('status')
            .where('id', '=', first!.id)
            .executeTakeFirst()
        )?.status,
        'active',
        'a GET changes nothing',
      );
      const oneClick = await t.app.inject({
        method: 'POST',
        url: url.pathname + url.search,
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        payload: 'List-Unsubscribe=One-Click',
      });
      assert.equal(oneClick.statusCode, 200);
      assert.equal(oneClick.headers.location, undefined);
      assert.equal(
        (
          await storage.db
            .selectFrom('members')
            .select('status')
            .where('id', '=', first!.id)
            .executeTakeFirst()
        )?.status,
        'unsubscribed',
      );
    });

    test('a member who unsubscribes after the snapshot is skipped; totals still balance', async () => {
      const { ctx, storage } = t.site;
      const post = await aPublishedPost(ctx);
      const letter = await aNewsletter(storage.db);
      const members = await addMembers(storage.db, letter.id, 4);
      const send = await startSend(ctx, {
        postId: post.id,
        newsletterId: letter.id,
        actor: systemActor('test'),
      });
      await storage.db
        .updateTable('members')
        .set({ status: 'unsubscribed' })
        .where('id', '=', members[0]!.id)
        .execute();
      await storage.db.deleteFrom('members').where('id', '=', members[1]!.id).execute();
      await drainAllSends(ctx, sender());
      const { send: done } = await getSend(ctx, systemActor('test'), send.id);
      assert.deepEqual([done.total, done.sent, done.skipped, done.failed, done.pending], [4, 2, 2, 0, 0]);
      assert.equal(delivered(members[0]!.email).length, 0);
      assert.equal(delivered(members[1]!.email).length, 0);
    });

    test('a temporary failure is retried and delivered; a permanent one is recorded', async () => {
      const { ctx, storage } = t.site;
      const post = await aPublishedPost(ctx);
      const letter = await aNewsletter(storage.db);
      const [flaky, bad, fine] = await addMembers(storage.db, letter.id, 3);
      refusals.set(flaky!.email, { code: 451, once: true });
      refusals.set(bad!.email, { code: 550, once: false });
      const send = await startSend(ctx, {
        postId: post.id,
        newsletterId: letter.id,
        actor: systemActor('test'),
      });
      for (let i = 0; i < 20 && (await drainAllSends(ctx, sender())) > 0; i++)
        await new Promise((r) => setTimeout(r, 20));
      const { send: done, report } = await getSend(ctx, systemActor('test'), send.id);
      assert.equal(done.status, 'done');
      assert.deepEqual([done.total, done.sent, done.failed, done.skipped], [3, 2, 1, 0]);
      assert.equal(delivered(flaky!.email).length, 1);
      assert.equal(delivered(fine!.email).length, 1);
      assert.equal(report.failures.length, 1);
      assert.equal(report.failures[0]!.email, bad!.email);
      assert.match(report.failures[0]!.error, /550/);
      refusals.clear();
    });

    test('temporary failures give up after the last attempt', async () => {
      const { ctx, storage } = t.site;
      const post = await aPublishedPost(ctx);
      const letter = await aNewsletter(storage.db);
      const [member] = await addMembers(storage.db, letter.id, 1);
      refusals.set(member!.email, { code: 421, once: false });
      const send = await startSend(ctx, {
        postId: post.id,
        newsletterId: letter.id,
        actor: systemActor('test'),
      });
      for (let i = 0; i < 30 && (await drainAllSends(ctx, sender())) > 0; i++)
        await new Promise((r) => setTimeout(r, 20));
      const { send: done, report } = await getSend(ctx, systemActor('test'), send.id);
      assert.deepEqual([done.status, done.failed], ['done', 1]);
      assert.match(report.failures[0]!.error, /421/);
      refusals.clear();
    });

    test('a dead process: what it had handed to SMTP is sent again and listed, what it only claimed is not', async () => {
      const { ctx, storage } = t.site;
      const repo = ctx.repos.newsletterSends;
      const post = await aPublishedPost(ctx);
      const letter = await aNewsletter(storage.db);
      const members = await addMembers(storage.db, letter.id, 10);
      const send = await startSend(ctx, {
        postId: post.id,
        newsletterId: letter.id,
        actor: systemActor('test'),
      });
      const now = new Date().toISOString();
      // The dead process claimed five, and had handed three of them to SMTP connections.
      await repo.renewLease('dead-process', new Date(Date.now() - 3600_000).toISOString());
      const claimed = await repo.claim(send.id, 'dead-process', now, 5);
      const handed = claimed.slice(0, 3).map((r) => r.memberId);
      const started = await repo.advance(send.id, 'dead-process', { outcomes: [], start: handed, now });
      assert.deepEqual([...started].sort(), [...handed].sort());
      const job = startNewsletterSending(
        ctx,
        { mailer, isShared: storage.capabilities.isShared, leaseMs: 60_000, intervalMs: 50 },
        (error) => assert.fail(String(error)),
      );
      try {
        for (let i = 0; i < 100; i++) {
          if ((await getSend(ctx, systemActor('test'), send.id)).send.status === 'done') break;
          await new Promise((r) => setTimeout(r, 50));
        }
      } finally {
        job.stop();
        await job.idle();
      }
      const { send: done, report } = await getSend(ctx, systemActor('test'), send.id);
      assert.deepEqual([done.status, done.sent, done.possiblyDuplicated], ['done', 10, 3]);
      assert.deepEqual(
        report.possiblyDuplicated,
        claimed
          .slice(0, 3)
          .map((r) => r.email)
          .sort(),
      );
      for (const m of members) assert.equal(delivered(m.email).length, 1);
      const rows = await storage.db
        .selectFrom('send_recipients')
        .select(['member_id', 'attempts'])
        .where('send_id', '=', send.id)
        .execute();
      for (const r of rows)
        assert.equal(
          r.attempts,
          handed.includes(r.member_id) ? 2 : 1,
          `attempts of ${r.member_id}: a claim is no attempt`,
        );
    });

    test('several workers share one send and never send a recipient twice', async () => {
      const { ctx, storage } = t.site;
      const post = await aPublishedPost(ctx);
      const letter = await aNewsletter(storage.db);
      const members = await addMembers(storage.db, letter.id, 600);
      const send = await startSend(ctx, {
        postId: post.id,
        newsletterId: letter.id,
        actor: systemActor('test'),
      });
      const before = smtp.received.length;
      await Promise.all(
        ['w1', 'w2', 'w3'].map((claimer) => drainAllSends(ctx, { mailer, claimer, batchSize: 25 })),
      );
      const { send: done } = await getSend(ctx, systemActor('test'), send.id);
      assert.deepEqual([done.status, done.sent, done.possiblyDuplicated], ['done', 600, 0]);
      const ours = new Set(members.map((m) => m.email));
      const counts = countBy(
        smtp.received
          .slice(before)
          .flatMap((m) => m.envelopeTo)
          .filter((e) => ours.has(e)),
      );
      assert.equal(counts.size, 600);
      for (const m of members) assert.equal(counts.get(m.email), 1, m.email);
    });

    test('Admin API: start a send, list and read it; publish with newsletterIds sends once', async () => {
      const { ctx, storage } = t.site;
      const { secret } = await createApiToken(ctx, systemActor('test'), { name: 'Desk', role: 'editor' });
      const { secret: authorSecret } = await createApiToken(ctx, systemActor('test'), {
        name: 'Wire',
        role: 'author',
      });
      const auth = (s: string) => ({ authorization: `Bearer ${s}` });
      const post = await aPublishedPost(ctx);
      const letter = await aNewsletter(storage.db);
      await addMembers(storage.db, letter.id, 2);
      const forbidden = await t.app.inject({
        method: 'POST',
        url: `/admin/api/newsletters/${letter.id}/sends`,
        headers: auth(authorSecret),
        payload: { postId: post.id },
      });
      assert.equal(forbidden.statusCode, 403);
      const created = await t.app.inject({
        method: 'POST',
        url: `/admin/api/newsletters/${letter.id}/sends`,
        headers: auth(secret),
        payload: { postId: post.id },
      });
      assert.equal(created.statusCode, 201, created.body);
      const { send } = created.json() as { send: { id: string; total: number } };
      assert.equal(send.total, 2);
      const list = await t.app.inject({ url: `/admin/api/sends?postId=${post.id}`, headers: auth(secret) });
      assert.deepEqual(
        (list.json() as { sends: { id: string }[] }).sends.map((s) => s.id),
        [send.id],
      );
      const one = await t.app.inject({ url: `/admin/api/sends/${send.id}`, headers: auth(secret) });
      assert.equal(one.statusCode, 200);
      assert.deepEqual(Object.keys(one.json() as object).sort(), ['report', 'send']);

      const draft = await aPublishedPost(ctx, { status: 'draft' });
      const publish = await t.app.inject({
        method: 'POST',
        url: `/admin/api/posts/${draft.id}/publish`,
        headers: auth(secret),
        payload: { newsletterIds: [letter.id] },
      });
      assert.equal(publish.statusCode, 200, publish.body);
      const sends = await ctx.repos.newsletterSends.listSends({ postId: draft.id });
      assert.equal(sends.length, 1);

      const later = await aPublishedPost(ctx, { status: 'draft' });
      const future = new Date(Date.now() + 3600_000).toISOString();
      const scheduled = await t.app.inject({
        method: 'POST',
        url: `/admin/api/posts/${later.id}/publish`,
        headers: auth(secret),
        payload: { publishedAt: future, newsletterIds: [letter.id] },
      });
      assert.equal(scheduled.statusCode, 200, scheduled.body);
      assert.equal((await ctx.repos.newsletterSends.listSends({ postId: later.id })).length, 0);
      await ctx.repos.posts.update(later.id, { status: 'published' }); // as publishDuePosts does
      const { startRequestedSends } = await import('../../src/domain/newsletters/sending.js');
      assert.equal(await startRequestedSends(ctx, systemActor('test')), 1);
      assert.equal(await startRequestedSends(ctx, systemActor('test')), 0, 'the request is used once');
      assert.equal((await ctx.repos.newsletterSends.listSends({ postId: later.id })).length, 1);
    });
  });
}
