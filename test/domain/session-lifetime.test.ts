import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import {
  createAccount,
  sessionAbsoluteLifetimeMs,
  sessionLifetimeMs,
  staffForSession,
  startSession,
} from '../../src/domain/staff/accounts.js';
import { createTestSite, dialects, type TestSite } from '../helpers/sites.js';

const day = 24 * 3600 * 1000;

/** A clock the test moves by hand. */
function testClock(start: Date) {
  let now = start.getTime();
  return { now: () => new Date(now), advance: (ms: number) => (now += ms) };
}

for (const dialect of dialects) {
  describe(`session lifetime on ${dialect.name}`, { skip: dialect.skip }, () => {
    let site: TestSite;
    before(async () => {
      site = await createTestSite(dialect.name);
    });
    after(async () => site?.destroy());

    test('a session used every few days still ends 90 days after sign-in', async () => {
      assert.ok(sessionAbsoluteLifetimeMs > sessionLifetimeMs);
      const staff = await createAccount(site.ctx, {
        name: 'Ada Always-On',
        email: `ada.${dialect.name}@news.example`,
        role: 'editor',
        password: 'correct horse battery staple',
      });
      const clock = testClock(new Date('2026-01-01T08:00:00Z'));
      const ctx = { ...site.ctx, clock };
      const token = await startSession(ctx, { staffId: staff.id });
      const expiry = async () =>
        (
          await site.storage.db
            .selectFrom('staff_sessions')
            .select('expires_at')
            .where('staff_id', '=', staff.id)
            .executeTakeFirst()
        )?.expires_at;
      // Used every 20 days: the idle window keeps sliding, which alone would keep it alive for ever.
      for (let used = 20; used < 90; used += 20) {
        clock.advance(20 * day);
        assert.equal((await staffForSession(ctx, token))?.id, staff.id, `day ${used}`);
        assert.ok(
          Date.parse((await expiry())!) <= Date.parse('2026-01-01T08:00:00Z') + sessionAbsoluteLifetimeMs,
        );
      }
      clock.advance(9 * day); // day 89: one day since the last use, still inside both limits
      assert.equal((await staffForSession(ctx, token))?.id, staff.id, 'day 89');
      clock.advance(day + 60_000); // day 90 and a minute
      assert.equal(await staffForSession(ctx, token), null, 'past the absolute lifetime');
      const stored = await expiry();
      assert.ok(!stored || Date.parse(stored) <= Date.parse('2026-04-01T08:00:00Z'), 'stored expiry capped');
    });

    test('an idle session still ends after 30 days without use', async () => {
      const staff = await createAccount(site.ctx, {
        name: 'Ivo Idle',
        email: `ivo.${dialect.name}@news.example`,
        role: 'author',
        password: 'correct horse battery staple',
      });
      const clock = testClock(new Date('2026-03-01T08:00:00Z'));
      const ctx = { ...site.ctx, clock };
      const token = await startSession(ctx, { staffId: staff.id });
      clock.advance(sessionLifetimeMs + 60_000);
      assert.equal(await staffForSession(ctx, token), null);
    });
  });
}
