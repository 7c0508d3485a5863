import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { DomainContext } from '../../src/domain/context.js';
import type { MailMessage } from '../../src/domain/ports.js';
import { DomainError } from '../../src/domain/shared/errors.js';
import { authenticate, createAccount } from '../../src/domain/staff/accounts.js';
import { acceptInvitation, inviteStaff } from '../../src/domain/staff/invitations.js';
import { completePasswordReset, requestPasswordReset } from '../../src/domain/staff/password-reset.js';
import { invitationEmail, localeFor, passwordResetEmail } from '../../src/domain/staff/staff-emails.js';
import { suspendStaff } from '../../src/domain/staff/staff-admin.js';
import { updateSiteSettings } from '../../src/domain/settings/site-settings.js';
import { createTestSite, dialects, type TestSite } from '../helpers/sites.js';
import { testAdministrator } from '../helpers/actors.js';

const password = 'a sufficiently long passphrase';
const isBadToken = (e: DomainError) => e.code === 'VALIDATION' && e.details[0]?.property === 'token';
const tokenOf = (mail: MailMessage) =>
  /#\/(?:invitation|reset-password)\/([A-Za-z0-9_-]{43})/.exec(mail.text)![1]!;

test('emails: the title is escaped in HTML and kept to one line in the subject; nb when asked', () => {
  const input = {
    to: 'a@news.example',
    siteTitle: 'Fjord <b>Post</b>\r\nBcc: x@y.example',
    siteUrl: 'https://news.example',
    token: 'T'.repeat(43),
  };
  const en = invitationEmail({ ...input, role: 'editor', locale: 'en' });
  assert.doesNotMatch(en.subject, /[\r\n]/);
  assert.match(en.subject, /^You are invited to join Fjord <b>Post<\/b> Bcc: x@y\.example$/);
  assert.ok(!en.html!.includes('<b>'), 'the title is text in the HTML part');
  assert.match(en.text, /as an editor/);
  assert.ok(en.text.includes(`https://news.example/admin/#/invitation/${'T'.repeat(43)}`));
  const nb = passwordResetEmail({ ...input, locale: 'nb' });
  assert.match(nb.subject, /^Nytt passord for/);
  assert.ok(nb.html!.includes(`href="https://news.example/admin/#/reset-password/${'T'.repeat(43)}"`));
  assert.deepEqual(['nb', 'nn', 'no', 'en', 'de', undefined].map(localeFor), [
    'nb',
    'nb',
    'nb',
    'en',
    'en',
    'en',
  ]);
});

for (const dialect of dialects) {
  describe(`invitation and reset tokens on ${dialect.name}`, { skip: dialect.skip }, () => {
    let site: TestSite;
    let ctx: DomainContext;
    const sent: MailMessage[] = [];
    const owner = { role: 'owner' as const, staffId: '' };
    before(async () => {
      site = await createTestSite(dialect.name);
      ctx = { ...site.ctx, mail: { isConfigured: true, send: async (m) => void sent.push(m) } };
      owner.staffId = (
        await createAccount(ctx, { name: 'Olav Owner', email: 'olav@news.example', role: 'owner', password })
      ).id;
    });
    after(async () => site?.destroy());
    const later = (ms: number): DomainContext => ({
      ...ctx,
      clock: { now: () => new Date(Date.now() + ms) },
    });

    test('an invitation is in the site’s language and accepted once, even by two at the same moment', async () => {
      await updateSiteSettings(ctx, testAdministrator, { languages: ['nb', 'en'], defaultLanguage: 'nb' });
      await inviteStaff(ctx, owner, { email: 'twice@news.example', role: 'author' });
      const mail = sent.at(-1)!;
      assert.match(mail.subject, /^Du er invitert til/);
      const token = tokenOf(mail);
      const results = await Promise.allSettled([
        acceptInvitation(ctx, { token, name: 'Tina Twice', password }),
        acceptInvitation(ctx, { token, name: 'Tom Twice', password }),
      ]);
      assert.deepEqual(results.map((r) => r.status).sort(), ['fulfilled', 'rejected']);
      const staff = (await ctx.repos.staff.list()).filter((s) => s.email === 'twice@news.example');
      assert.equal(staff.length, 1);
      await updateSiteSettings(ctx, testAdministrator, { languages: ['en'], defaultLanguage: 'en' });
    });

    test('an invitation lasts 7 days', async () => {
      await inviteStaff(ctx, owner, { email: 'slow@news.example', role: 'author' });
      const token = tokenOf(sent.at(-1)!);
      await assert.rejects(
        acceptInvitation(later(7 * 24 * 3600 * 1000 + 60_000), { token, name: 'Sid Slow', password }),
        isBadToken,
      );
      const staff = await acceptInvitation(later(6 * 24 * 3600 * 1000), {
        token,
        name: 'Sid Slow',
        password,
      });
      assert.equal(staff.role, 'author');
    });

    test('a reset link lasts an hour, and a later one replaces it', async () => {
      await createAccount(ctx, { name: 'Rut Reset', email: 'rut@news.example', role: 'editor', password });
      await requestPasswordReset(ctx, 'rut@news.example');
      const first = tokenOf(sent.at(-1)!);
      await assert.rejects(
        completePasswordReset(later(61 * 60 * 1000), { token: first, password: 'a new passphrase here' }),
        isBadToken,
      );
      await requestPasswordReset(ctx, 'rut@news.example');
      const second = tokenOf(sent.at(-1)!);
      await assert.rejects(
        completePasswordReset(ctx, { token: first, password: 'a new passphrase here' }),
        isBadToken,
      );
      await completePasswordReset(later(59 * 60 * 1000), {
        token: second,
        password: 'a new passphrase here',
      });
      assert.ok(await authenticate(ctx, 'rut@news.example', 'a new passphrase here'));
      const stored = await site.storage.db.selectFrom('password_resets').select('token_hash').execute();
      assert.ok(stored.every((r) => r.token_hash !== second));
    });

    test('a reset link is used once, even by two at the same moment', async () => {
      await createAccount(ctx, { name: 'Dag Double', email: 'dag@news.example', role: 'author', password });
      await requestPasswordReset(ctx, 'dag@news.example');
      const token = tokenOf(sent.at(-1)!);
      const results = await Promise.allSettled([
        completePasswordReset(ctx, { token, password: 'first new passphrase' }),
        completePasswordReset(ctx, { token, password: 'second new passphrase' }),
      ]);
      assert.deepEqual(results.map((r) => r.status).sort(), ['fulfilled', 'rejected']);
    });

    test('suspending someone voids the reset link already sent to them', async () => {
      const sue = await createAccount(ctx, {
        name: 'Sue Suspend',
        email: 'sue@news.example',
        role: 'author',
        password,
      });
      await requestPasswordReset(ctx, 'sue@news.example');
      const token = tokenOf(sent.at(-1)!);
      await suspendStaff(ctx, owner, sue.id);
      await assert.rejects(
        completePasswordReset(ctx, { token, password: 'a new passphrase here' }),
        isBadToken,
      );
      const count = sent.length;
      await requestPasswordReset(ctx, 'sue@news.example');
      assert.equal(sent.length, count, 'nothing is sent to a suspended member');
    });
  });
}
