import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { DomainContext } from '../../src/domain/context.js';
import type { MailMessage } from '../../src/domain/ports.js';
import type { DomainError } from '../../src/domain/shared/errors.js';
import {
  changePassword,
  createAccount,
  staffForSession,
  startSession,
} from '../../src/domain/staff/accounts.js';
import { isKnownDevice, rememberDevice } from '../../src/domain/staff/devices.js';
import { completePasswordReset, requestPasswordReset } from '../../src/domain/staff/password-reset.js';
import { sendSignInLink, signInWithLink } from '../../src/domain/staff/sign-in.js';
import { suspendStaff } from '../../src/domain/staff/staff-admin.js';
import { createTestSite, dialects, type TestSite } from '../helpers/sites.js';

/*
 * A new password (changed, or set through a reset link) and a suspension forget everything that
 * lets someone in without the password: the other sessions (all of them on a reset), the remembered
 * devices, the sign-in links and reset links already sent.
 */

const password = 'a sufficiently long passphrase';
const newPassword = 'another fine passphrase';
const linkToken = (mail: MailMessage) => /#\/sign-in-link\/([A-Za-z0-9_-]{43})/.exec(mail.text)![1]!;
const resetToken = (mail: MailMessage) => /#\/reset-password\/([A-Za-z0-9_-]{43})/.exec(mail.text)![1]!;

for (const dialect of dialects) {
  describe(`what a new password forgets on ${dialect.name}`, { skip: dialect.skip }, () => {
    let site: TestSite;
    let ctx: DomainContext;
    const sent: MailMessage[] = [];
    let accounts = 0;
    before(async () => {
      site = await createTestSite(dialect.name);
      ctx = { ...site.ctx, mail: { isConfigured: true, send: async (m) => void sent.push(m) } };
    });
    after(async () => site?.destroy());

    /** An account signed in on two devices, one remembered, with a sign-in link and a reset link out. */
    async function accountInUse() {
      const email = `person${++accounts}@news.example`;
      const staff = await createAccount(ctx, { name: `Person ${accounts}`, email, role: 'editor', password });
      const laptop = await startSession(ctx, { staffId: staff.id });
      const phone = await startSession(ctx, { staffId: staff.id });
      const device = await rememberDevice(ctx, staff.id);
      await sendSignInLink(ctx, email);
      const link = linkToken(sent.at(-1)!);
      await requestPasswordReset(ctx, email);
      const reset = resetToken(sent.at(-1)!);
      assert.equal(await isKnownDevice(ctx, staff.id, device), true, 'the device is remembered before');
      return { staff, laptop, phone, device, link, reset };
    }

    async function assertForgotten(a: Awaited<ReturnType<typeof accountInUse>>) {
      assert.equal(await staffForSession(ctx, a.phone), null, 'the other session ended');
      assert.equal(await isKnownDevice(ctx, a.staff.id, a.device), false, 'the device is forgotten');
      await assert.rejects(
        signInWithLink(ctx, { token: a.link, ip: '192.0.2.1' }),
        (e: DomainError) => e.code === 'UNAUTHENTICATED',
        'the sign-in link no longer works',
      );
    }

    test('changing the password keeps the current session and forgets the rest', async () => {
      const a = await accountInUse();
      await changePassword(ctx, {
        staffId: a.staff.id,
        currentPassword: password,
        newPassword,
        keepSessionToken: a.laptop,
      });
      assert.equal((await staffForSession(ctx, a.laptop))?.id, a.staff.id, 'the current session stays');
      await assertForgotten(a);
      await assert.rejects(
        completePasswordReset(ctx, { token: a.reset, password: 'a third passphrase here' }),
        (e: DomainError) => e.code === 'VALIDATION' && e.details[0]?.property === 'token',
        'the reset link sent before no longer works',
      );
    });

    test('a password reset ends every session and forgets the devices and links', async () => {
      const a = await accountInUse();
      await completePasswordReset(ctx, { token: a.reset, password: newPassword });
      assert.equal(await staffForSession(ctx, a.laptop), null, 'no session stays on a reset');
      await assertForgotten(a);
    });

    test('a suspension forgets the devices and links too', async () => {
      const owner = await createAccount(ctx, {
        name: 'Olav Owner',
        email: 'olav@news.example',
        role: 'owner',
        password,
      });
      const a = await accountInUse();
      await suspendStaff(ctx, { role: 'owner', staffId: owner.id }, a.staff.id);
      assert.equal(await staffForSession(ctx, a.laptop), null);
      await assertForgotten(a);
    });

    test('another account keeps its devices and links', async () => {
      const other = await accountInUse();
      const a = await accountInUse();
      await changePassword(ctx, { staffId: a.staff.id, currentPassword: password, newPassword });
      assert.equal(await isKnownDevice(ctx, other.staff.id, other.device), true);
      assert.ok(await staffForSession(ctx, other.phone));
      assert.equal(
        (await signInWithLink(ctx, { token: other.link, ip: '192.0.2.2' })).staff.id,
        other.staff.id,
      );
    });
  });
}
