import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createBulkMailer } from '../../src/adapters/mail/bulk-mailer.js';
import { drainAllSends, getSend, startSend } from '../../src/domain/newsletters/sending.js';
import type { BulkMailer } from '../../src/domain/ports.js';
import { systemActor } from '../../src/domain/staff/permissions.js';
import { startNewsletterSending } from '../../src/jobs/newsletter-sending.js';
import { aPublishedPost } from '../helpers/factories.js';
import { addMembers, aNewsletter } from '../helpers/members.js';
import { startSmtpServer, type TestSmtpServer } from '../helpers/smtp.js';
import { createTestSite, dialects, type TestSite } from '../helpers/sites.js';

/** The real pooled mailer, holding every message at a gate until `open()`; `waiting(n)` resolves when n are held. */
function gatedMailer(real: BulkMailer) {
  let open!: () => void;
  const gate = new Promise<void>((resolve) => (open = resolve));
  const watchers: { n: number; resolve: () => void }[] = [];
  let held = 0;
  const mailer: BulkMailer = {
    connections: real.connections,
    async send(message) {
      held++;
      for (const w of watchers.filter((w) => held >= w.n)) w.resolve();
      await gate;
      return real.send(message);
    },
    close: () => real.close(),
  };
  const waiting = (n: number) =>
    held >= n ? Promise.resolve() : new Promise<void>((resolve) => watchers.push({ n, resolve }));
  return { mailer, open: () => open(), waiting, held: () => held };
}

for (const dialect of dialects) {
  describe(
    `a newsletter job stopping hands its claims back (${dialect.name})`,
    { skip: dialect.skip },
    () => {
      let site: TestSite;
      let smtp: TestSmtpServer;
      let real: BulkMailer;
      before(async () => {
        smtp = await startSmtpServer();
        site = await createTestSite(dialect.name, {}, { smtpPort: smtp.port });
        real = createBulkMailer({ url: `smtp://127.0.0.1:${smtp.port}`, connections: 2 });
      });
      after(async () => {
        await real.close();
        await site.destroy();
        await smtp.close();
      });

      test('the messages out finish, the rest go back to pending at once, the lease is gone', async () => {
        const { ctx, storage } = site;
        const post = { id: await aPublishedPost(ctx) };
        const letter = await aNewsletter(storage.db);
        const members = await addMembers(storage.db, letter.id, 20);
        const send = await startSend(ctx, {
          postId: post.id,
          newsletterId: letter.id,
          actor: systemActor('test'),
        });
        const gated = gatedMailer(real);
        const job = startNewsletterSending(
          ctx,
          // A lease of an hour: without the hand-back, nobody could take these claims for an hour.
          { mailer: gated.mailer, isShared: true, leaseMs: 3_600_000, intervalMs: 60_000 },
          (error) => assert.fail(String(error)),
        );
        await gated.waiting(2);
        const claimedBefore = await storage.db
          .selectFrom('send_recipients')
          .select('member_id')
          .where('send_id', '=', send.id)
          .where('claimed_by', 'is not', null)
          .execute();
        assert.equal(claimedBefore.length, 20, 'the job had claimed the whole batch');
        job.stop();
        gated.open();
        await job.handBack();
        assert.equal(gated.held(), 2, 'no message was handed over after the stop');
        const rows = await storage.db
          .selectFrom('send_recipients')
          .select(['state', 'claimed_by', 'is_possibly_duplicated'])
          .where('send_id', '=', send.id)
          .execute();
        assert.equal(rows.filter((r) => r.state === 'sent').length, 2, 'the two messages out were recorded');
        const pending = rows.filter((r) => r.state === 'pending');
        assert.equal(pending.length, 18);
        assert.ok(pending.every((r) => r.claimed_by === null && r.is_possibly_duplicated === 0));
        const leases = await storage.db.selectFrom('newsletter_leases').select('claimer').execute();
        assert.deepEqual(leases, [], 'its lease is forgotten');

        // Another process takes over at once: every member gets exactly one copy.
        await drainAllSends(ctx, { mailer: real, claimer: 'next-process' });
        const { send: done } = await getSend(ctx, systemActor('test'), send.id);
        assert.deepEqual([done.status, done.sent, done.possiblyDuplicated], ['done', 20, 0]);
        for (const m of members)
          assert.equal(smtp.received.filter((r) => r.envelopeTo.includes(m.email)).length, 1, m.email);
      });
    },
  );
}
