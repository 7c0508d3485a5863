import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { DomainError } from '../../src/domain/shared/errors.js';
import {
  authenticate,
  changePassword,
  createAccount,
  deleteExpiredSessions,
  endSession,
  sessionLifetimeMs,
  staffForSession,
  startSession,
} from '../../src/domain/staff/accounts.js';
import { passwordProblem } from '../../src/domain/staff/passwords.js';
import { createTestSite, dialects, type TestSite } from '../helpers/sites.js';

const strong = 'correct horse battery staple';

test('weak passwords are refused with the reason', () => {
  const person = { email: 'kari.nordmann@news.example', name: 'Kari Nordmann' };
  assert.match(passwordProblem('short', person)!, /at least 10/);
  assert.match(passwordProblem('aaaaaaaaaaaa', person)!, /different characters/);
  assert.match(passwordProblem('Password123', person)!, /common/);
  assert.match(passwordProblem('kari.nordmann-2026', person)!, /email/);
  assert.match(passwordProblem('nordmann!!2026', person)!, /name/);
  assert.equal(passwordProblem(strong, person), null);
});

for (const dialect of dialects) {
  describe(`staff accounts and sessions on ${dialect.name}`, { skip: dialect.skip }, () => {
    let site: TestSite;
    before(async () => {
      site = await createTestSite(dialect.name);
    });
    after(async () => site?.destroy());

    test('the password is stored as an argon2id hash, and only the right one signs in', async () => {
      const owner = await createAccount(site.ctx, {
        name: 'Olga Owner',
        email: 'olga@news.example',
        role: 'owner',
        password: strong,
      });
      const hash = await site.ctx.repos.staff.passwordHashOf(owner.id);
      assert.match(hash!, /^\$argon2id\$/);
      assert.ok(!hash!.includes(strong));
      assert.equal((await authenticate(site.ctx, 'OLGA@news.example ', strong))?.id, owner.id);
      assert.equal(await authenticate(site.ctx, 'olga@news.example', 'wrong password here'), null);
      assert.equal(await authenticate(site.ctx, 'nobody@news.example', strong), null);
    });

    test('a weak password creates no account', async () => {
      await assert.rejects(
        createAccount(site.ctx, {
          name: 'Wes Weak',
          email: 'wes@news.example',
          role: 'author',
          password: 'password1',
        }),
        (e: DomainError) => e.code === 'VALIDATION' && e.details[0]?.property === 'password',
      );
      assert.equal(await site.ctx.repos.staff.findByEmail('wes@news.example'), undefined);
    });

    test('sessions: only a hash is stored, they expire, logout ends them, suspension shuts them out', async () => {
      const staff = await createAccount(site.ctx, {
        name: 'Sam Session',
        email: 'sam@news.example',
        role: 'author',
        password: strong,
      });
      const token = await startSession(site.ctx, { staffId: staff.id, userAgent: 'test agent' });
      assert.equal((await staffForSession(site.ctx, token))?.id, staff.id);
      const rows = await site.storage.db.selectFrom('staff_sessions').select('id_hash').execute();
      assert.ok(rows.every((r) => r.id_hash !== token));
      const later = { now: () => new Date(Date.now() + sessionLifetimeMs + 1000) };
      assert.equal(await staffForSession({ ...site.ctx, clock: later }, token), null, 'expired');
      assert.equal(await staffForSession(site.ctx, 'not-a-token'), null);
      await site.ctx.repos.staff.update(staff.id, { status: 'suspended' });
      assert.equal(await staffForSession(site.ctx, token), null, 'suspended staff are out');
      await site.ctx.repos.staff.update(staff.id, { status: 'active' });
      await endSession(site.ctx, token);
      assert.equal(await staffForSession(site.ctx, token), null, 'logged out');
    });

    test('the sweep deletes expired sessions and keeps live ones', async () => {
      const staff = await createAccount(site.ctx, {
        name: 'Sid Sweep',
        email: 'sid@news.example',
        role: 'author',
        password: strong,
      });
      const live = await startSession(site.ctx, { staffId: staff.id });
      const past = { now: () => new Date(Date.now() - sessionLifetimeMs - 60_000) };
      await startSession({ ...site.ctx, clock: past }, { staffId: staff.id });
      const count = async () =>
        (
          await site.storage.db
            .selectFrom('staff_sessions')
            .select('id_hash')
            .where('staff_id', '=', staff.id)
            .execute()
        ).length;
      assert.equal(await count(), 2);
      assert.ok((await deleteExpiredSessions(site.ctx)) >= 1);
      assert.equal(await count(), 1);
      assert.equal((await staffForSession(site.ctx, live))?.id, staff.id);
    });

    test('changing the password ends every other session', async () => {
      const staff = await createAccount(site.ctx, {
        name: 'Cleo Change',
        email: 'cleo@news.example',
        role: 'editor',
        password: strong,
      });
      const laptop = await startSession(site.ctx, { staffId: staff.id });
      const phone = await startSession(site.ctx, { staffId: staff.id });
      await assert.rejects(
        changePassword(site.ctx, {
          staffId: staff.id,
          currentPassword: 'not it at all',
          newPassword: 'another fine passphrase',
        }),
        (e: DomainError) => e.code === 'VALIDATION',
      );
      await changePassword(site.ctx, {
        staffId: staff.id,
        currentPassword: strong,
        newPassword: 'another fine passphrase',
        keepSessionToken: laptop,
      });
      assert.equal((await staffForSession(site.ctx, laptop))?.id, staff.id);
      assert.equal(await staffForSession(site.ctx, phone), null);
      assert.ok(await authenticate(site.ctx, 'cleo@news.example', 'another fine passphrase'));
      assert.equal(await authenticate(site.ctx, 'cleo@news.example', strong), null);
    });
  });
}
