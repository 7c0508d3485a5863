import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { startSend } from '../../src/domain/newsletters/sending.js';
import type { RecipientOutcome } from '../../src/domain/ports.js';
import { systemActor } from '../../src/domain/staff/permissions.js';
import { aPublishedPost } from '../helpers/factories.js';
import { addMembers, aNewsletter } from '../helpers/members.js';
import { createTestSite, dialects, type TestSite } from '../helpers/sites.js';

/*
 * Several senders on one database write the same tables at once: their claims, outcome writes,
 * lease renewals and the release of dead processes' claims must never deadlock (PostgreSQL reports
 * a deadlock as error 40P01 and aborts one transaction). Before migration 018, renewing a process's
 * claims updated every row it held while its outcome writes updated the same rows in another order.
 */

const now = () => new Date().toISOString();

for (const dialect of dialects) {
  describe(`newsletter claims with concurrent senders (${dialect.name})`, { skip: dialect.skip }, () => {
    let site: TestSite;
    before(async () => {
      site = await createTestSite(dialect.name);
    });
    after(() => site.destroy());

    test('claiming, writing outcomes, renewing leases and releasing stale claims at once never deadlock', async () => {
      const { ctx, storage } = site;
      const repo = ctx.repos.newsletterSends;
      const postId = await aPublishedPost(ctx);
      const letter = await aNewsletter(storage.db);
      await addMembers(storage.db, letter.id, 3000);
      const send = await startSend(ctx, { postId, newsletterId: letter.id, actor: systemActor('test') });
      let isDone = false;
      /** One sender: claims a batch, starts it in steps of 8, records mixed outcomes, renewing all along. */
      const sender = async (claimer: string) => {
        await repo.renewLease(claimer, now());
        for (;;) {
          const claimed = await repo.claim(send.id, claimer, now(), 200);
          if (claimed.length === 0) return;
          let outcomes: RecipientOutcome[] = [];
          for (let i = 0; i < claimed.length; i += 8) {
            const start = claimed.slice(i, i + 8).map((r) => r.memberId);
            const [started] = await Promise.all([
              repo.advance(send.id, claimer, { outcomes, start, now: now() }),
              repo.renewLease(claimer, now()),
            ]);
            assert.equal(started.size, start.length, 'a live sender keeps its claims');
            outcomes = start.map((memberId, j) =>
              j % 4 === 3
                ? { memberId, state: 'retry', error: '451', nextAttemptAt: now() }
                : { memberId, state: 'sent' },
            );
          }
          await repo.advance(send.id, claimer, { outcomes, start: [], now: now() });
        }
      };
      const reaper = async () => {
        while (!isDone) await repo.releaseStaleClaims(new Date(Date.now() - 60_000).toISOString());
      };
      const reaping = reaper();
      try {
        await Promise.all(['a', 'b', 'c'].map(sender));
      } finally {
        isDone = true;
        await reaping;
      }
      const totals = (await repo.totals([send.id])).get(send.id)!;
      assert.equal(totals.sent + totals.pending, 3000);
      assert.equal(totals.possiblyDuplicated, 0, 'live senders lose nothing to the reaper');
      const held = await storage.db
        .selectFrom('send_recipients')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('state', 'in', ['claimed', 'sending'])
        .executeTakeFirstOrThrow();
      assert.equal(Number(held.n), 0);
    });

    test('a send is not done while another process has a message in flight', async () => {
      const { ctx, storage } = site;
      const repo = ctx.repos.newsletterSends;
      const postId = await aPublishedPost(ctx);
      const letter = await aNewsletter(storage.db);
      const [member] = await addMembers(storage.db, letter.id, 1);
      const send = await startSend(ctx, { postId, newsletterId: letter.id, actor: systemActor('test') });
      await repo.renewLease('b', now());
      await repo.claim(send.id, 'b', now(), 10);
      await repo.advance(send.id, 'b', { outcomes: [], start: [member!.id], now: now() });
      assert.equal(await repo.finishIfDone(send.id, now()), false, 'b is still sending');
      await repo.advance(send.id, 'b', {
        outcomes: [{ memberId: member!.id, state: 'sent' }],
        start: [],
        now: now(),
      });
      assert.equal(await repo.finishIfDone(send.id, now()), true);
    });
  });
}
