import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createAccount } from '../../src/domain/staff/accounts.js';
import { createStaff } from '../../src/domain/staff/staff.js';
import { adminApi, tokenIn, type Session } from '../helpers/admin-api.js';
import { createTestApp, type TestApp } from '../helpers/http.js';
import { dialects } from '../helpers/sites.js';
import { startSmtpServer, type ReceivedMail, type TestSmtpServer } from '../helpers/smtp.js';

const password = 'a sufficiently long passphrase';
const newPassword = 'another entirely new passphrase';

for (const dialect of dialects) {
  describe(
    `staff invitations and password resets by email on ${dialect.name}`,
    { skip: dialect.skip },
    () => {
      let t: TestApp;
      let smtp: TestSmtpServer;
      let api: ReturnType<typeof adminApi>;
      let owner: Session;
      before(async () => {
        smtp = await startSmtpServer();
        t = await createTestApp(dialect.name, {}, { smtpPort: smtp.port });
        api = adminApi(t);
        await createAccount(t.site.ctx, {
          name: 'Olav Owner',
          email: 'olav@news.example',
          role: 'owner',
          password,
        });
        owner = await api.signIn('olav@news.example', password);
        await t.app.inject({
          method: 'PATCH',
          url: '/admin/api/profile',
          headers: { origin: 'https://news.example', cookie: owner.cookie, 'x-csrf-token': owner.csrf },
          payload: { name: 'Olav Owner' },
        });
      });
      after(async () => {
        await t?.destroy();
        await smtp?.close();
      });

      /** The next email; once a sentinel is taken, `received.length === taken` shows nothing else went out. */
      const nextMail = (): Promise<ReceivedMail> => smtp.next();
      const invite = (email: string, role: string, extra: object = {}) =>
        api.call('POST', '/admin/api/staff/invitations', {
          session: owner,
          payload: { email, role, ...extra },
        });
      const accept = (token: string, name = 'Nina Newcomer', pass = password) =>
        api.call('POST', '/admin/api/invitations/accept', {
          payload: { token, name, password: pass },
          from: '10.1.0.1',
        });
      const requestReset = (email: string, from = '10.2.0.1') =>
        api.call('POST', '/admin/api/password-reset', { payload: { email }, from });

      test('GET /admin/api/mail says mail is configured', async () => {
        const res = await api.call('GET', '/admin/api/mail', { session: owner });
        assert.deepEqual(res.json(), { isConfigured: true });
        assert.equal((await api.call('GET', '/admin/api/mail')).statusCode, 401);
      });

      test('an invitation email carries a link; accepting it creates the account with the invited role', async () => {
        // A field the invitation does not take (a message to the invitee) is refused, and nothing is sent.
        const padded = await invite('Nina@News.Example ', 'editor', {
          name: 'Click https://evil.example now',
        });
        assert.equal(padded.statusCode, 422);
        assert.deepEqual(padded.json().errors, [
          { code: 'VALIDATION', message: 'is not a known field', property: 'name' },
        ]);
        const sent = await invite('Nina@News.Example ', 'editor');
        assert.equal(sent.statusCode, 202);
        assert.deepEqual(sent.json(), {});
        const mail = await nextMail();
        assert.deepEqual(mail.envelopeTo, ['nina@news.example']);
        assert.equal(
          mail.parsed.to && 'text' in mail.parsed.to ? mail.parsed.to.text : '',
          'nina@news.example',
        );
        assert.deepEqual(mail.parsed.from?.value, [{ name: 'Fjord Post', address: 'newsroom@news.example' }]);
        assert.equal(mail.envelopeFrom, 'newsroom@news.example');
        assert.match(mail.parsed.subject!, /invited/);
        assert.doesNotMatch(mail.raw, /evil\.example|Olav/, 'nothing the inviter typed, not even their name');
        const token = tokenIn(mail.parsed.text!, 'invitation');
        assert.ok(
          String(mail.parsed.html).includes(`/admin/#/invitation/${token}`),
          'the HTML part has the link',
        );
        const stored = await t.site.storage.db.selectFrom('staff_invitations').selectAll().execute();
        assert.ok(stored.every((row) => row.token_hash !== token && !JSON.stringify(row).includes(token)));

        const listed = await api.call('GET', '/admin/api/staff/invitations', { session: owner });
        assert.deepEqual(
          listed.json().invitations.map((i: { email: string; role: string }) => [i.email, i.role]),
          [['nina@news.example', 'editor']],
        );
        assert.deepEqual(Object.keys(listed.json().invitations[0]).sort(), [
          'createdAt',
          'email',
          'expiresAt',
          'id',
          'role',
        ]);

        const weak = await accept(token, 'Nina Newcomer', 'weak');
        assert.equal(weak.statusCode, 422);
        const accepted = await accept(token);
        assert.equal(accepted.statusCode, 201, accepted.body);
        assert.equal(accepted.json().staff.role, 'editor');
        assert.equal(accepted.json().staff.email, 'nina@news.example');
        const session = api.sessionOf(accepted);
        assert.ok(await api.isSignedIn(session), 'accepting signs the new member in');
        const again = await api.signIn('nina@news.example', password);
        const me = await api.call('GET', '/admin/api/session', { session: again });
        assert.equal(me.json().staff.role, 'editor');

        const reuse = await accept(token, 'Mallory Again');
        assert.equal(reuse.statusCode, 422);
        assert.equal(reuse.json().errors[0].property, 'token');
        const empty = await api.call('GET', '/admin/api/staff/invitations', { session: owner });
        assert.deepEqual(empty.json().invitations, [], 'an accepted invitation is no longer pending');
      });

      test('expired, withdrawn and replaced invitations are refused', async () => {
        await invite('old@news.example', 'author');
        const expired = tokenIn((await nextMail()).parsed.text!, 'invitation');
        await t.site.storage.db
          .updateTable('staff_invitations')
          .set({ expires_at: new Date(Date.now() - 1000).toISOString() })
          .where('email', '=', 'old@news.example')
          .execute();
        assert.equal((await accept(expired, 'Otto Old')).statusCode, 422, 'expired');

        await invite('wanda@news.example', 'author');
        const withdrawn = tokenIn((await nextMail()).parsed.text!, 'invitation');
        const [pending] = (await api.call('GET', '/admin/api/staff/invitations', { session: owner })).json()
          .invitations as { id: string; email: string }[];
        assert.equal(pending!.email, 'wanda@news.example');
        const del = await api.call('DELETE', `/admin/api/staff/invitations/${pending!.id}`, {
          session: owner,
        });
        assert.equal(del.statusCode, 204);
        assert.equal((await accept(withdrawn, 'Wanda Withdrawn')).statusCode, 422, 'withdrawn');

        await invite('rita@news.example', 'contributor');
        const first = tokenIn((await nextMail()).parsed.text!, 'invitation');
        await invite('rita@news.example', 'author');
        const second = tokenIn((await nextMail()).parsed.text!, 'invitation');
        assert.equal(
          (await accept(first, 'Rita Repeat')).statusCode,
          422,
          'replaced by the second invitation',
        );
        const ok = await accept(second, 'Rita Repeat');
        assert.equal(ok.statusCode, 201);
        assert.equal(ok.json().staff.role, 'author');
        assert.equal((await accept('x'.repeat(43), 'Guess Work')).statusCode, 422, 'a guessed token');
      });

      test('inviting an address that has an account sends nothing but answers the same', async () => {
        const before = smtp.taken;
        const res = await invite('olav@news.example', 'editor');
        assert.equal(res.statusCode, 202);
        assert.deepEqual(res.json(), {});
        await invite('sentinel-1@news.example', 'author');
        const mail = await nextMail();
        assert.equal(smtp.received.length, before + 1);
        assert.deepEqual(mail.envelopeTo, ['sentinel-1@news.example']);
      });

      test('nobody is invited as owner, and an editor invites nobody', async () => {
        const asOwner = await invite('boss@news.example', 'owner');
        assert.equal(asOwner.statusCode, 422);
        assert.equal(asOwner.json().errors[0].property, 'role');
        await createAccount(t.site.ctx, {
          name: 'Eddie Editor',
          email: 'eddie@news.example',
          role: 'editor',
          password,
        });
        const editor = await api.signIn('eddie@news.example', password);
        const res = await api.call('POST', '/admin/api/staff/invitations', {
          session: editor,
          payload: { email: 'friend@news.example', role: 'contributor' },
        });
        assert.equal(res.statusCode, 403);
        assert.equal(
          (await api.call('GET', '/admin/api/staff/invitations', { session: editor })).statusCode,
          403,
        );
      });

      test('a reset email leads to a new password and ends every session', async () => {
        await createAccount(t.site.ctx, {
          name: 'Rolf Reset',
          email: 'rolf@news.example',
          role: 'author',
          password,
        });
        const laptop = await api.signIn('rolf@news.example', password);
        const phone = await api.signIn('rolf@news.example', password);
        const res = await requestReset('ROLF@news.example');
        assert.equal(res.statusCode, 202);
        assert.deepEqual(res.json(), {});
        const mail = await nextMail();
        assert.deepEqual(mail.envelopeTo, ['rolf@news.example']);
        const token = tokenIn(mail.parsed.text!, 'reset-password');
        const complete = (pass: string) =>
          api.call('POST', '/admin/api/password-reset/complete', { payload: { token, password: pass } });
        assert.equal((await complete('rolf reset 2026')).statusCode, 422, 'contains the name');
        assert.ok(await api.isSignedIn(laptop), 'a refused password changes nothing');
        assert.equal((await complete(newPassword)).statusCode, 204);
        assert.equal(await api.isSignedIn(laptop), false);
        assert.equal(await api.isSignedIn(phone), false);
        assert.equal((await complete('yet another passphrase')).statusCode, 422, 'single use');
        await api.signIn('rolf@news.example', newPassword);
        const old = await api.call('POST', '/admin/api/session', {
          payload: { email: 'rolf@news.example', password },
        });
        assert.equal(old.statusCode, 401);
      });

      test('unknown, suspended and account-less addresses get the same 202 and no email', async () => {
        await createStaff(t.site.ctx, { name: 'Paula Profile', email: 'paula@news.example', role: 'author' });
        const suspended = await createAccount(t.site.ctx, {
          name: 'Sven Suspended',
          email: 'sven@news.example',
          role: 'author',
          password,
        });
        await t.site.ctx.repos.staff.update(suspended.id, { status: 'suspended' });
        const before = smtp.taken;
        for (const email of ['nobody@news.example', 'paula@news.example', 'sven@news.example']) {
          const res = await requestReset(email, '10.2.0.2');
          assert.equal(res.statusCode, 202);
          assert.deepEqual(res.json(), {});
        }
        assert.equal((await requestReset('olav@news.example', '10.2.0.2')).statusCode, 202);
        const mail = await nextMail();
        assert.deepEqual(mail.envelopeTo, ['olav@news.example']);
        assert.equal(smtp.received.length, before + 1);
      });

      test('a reset email is in the staff member’s language', async () => {
        await createAccount(t.site.ctx, {
          name: 'Kari Nordmann',
          email: 'kari@news.example',
          role: 'author',
          password,
        });
        const kari = await api.signIn('kari@news.example', password);
        const profile = await api.call('PATCH', '/admin/api/profile', {
          session: kari,
          payload: { locale: 'nb', bio: 'Skriver om fjorder.' },
        });
        assert.equal(profile.statusCode, 200);
        assert.equal(profile.json().staff.locale, 'nb');
        assert.equal(profile.json().staff.bio, 'Skriver om fjorder.');
        const badLocale = await api.call('PATCH', '/admin/api/profile', {
          session: kari,
          payload: { locale: 'de' },
        });
        assert.equal(badLocale.statusCode, 422);
        await requestReset('kari@news.example', '10.2.0.3');
        const mail = await nextMail();
        assert.match(mail.parsed.subject!, /^Nytt passord for /);
        assert.match(mail.parsed.text!, /lenken virker én gang/);
      });

      test('hostile addresses are refused and never add a recipient', async () => {
        const hostile = [
          'a@b.example\r\nBcc: x@y.example',
          'a@b.example\nBcc: x@y.example',
          'a@b.example, x@y.example',
          'a@b.example,x@y.example',
          'A <a@b.example>, x@y.example',
          `${'a'.repeat(290)}@b.example`,
          'kåre@blåbær.example',
          'a@b.example%0d%0aBcc:x@y.example',
        ];
        const before = smtp.taken;
        for (const email of hostile) {
          const invited = await invite(email, 'author');
          assert.equal(invited.statusCode, 422, `invite ${JSON.stringify(email)}`);
          assert.equal(invited.json().errors[0].code, 'VALIDATION');
          const reset = await requestReset(email, '10.2.0.4');
          assert.ok([202, 422].includes(reset.statusCode), `reset ${JSON.stringify(email)}`);
        }
        await invite('sentinel-2@news.example', 'author');
        await nextMail();
        assert.equal(smtp.received.length, before + 1, 'only the sentinel was sent');
        for (const mail of smtp.received) {
          assert.equal(mail.envelopeTo.length, 1);
          assert.doesNotMatch(mail.raw, /x@y\.example|^bcc:/im);
        }
      });

      test('password reset is limited to 3 per account and 10 per address in 15 minutes', async () => {
        for (let i = 0; i < 3; i++)
          assert.equal((await requestReset('limited@news.example', `10.3.0.${i}`)).statusCode, 202);
        const blocked = await requestReset('limited@news.example', '10.3.0.9');
        assert.equal(blocked.statusCode, 429);
        assert.equal(blocked.json().errors[0].code, 'RATE_LIMITED');
        assert.ok(Number(blocked.headers['retry-after']) > 0);
        for (let i = 0; i < 10; i++)
          assert.equal((await requestReset(`someone${i}@news.example`, '10.4.0.1')).statusCode, 202);
        assert.equal((await requestReset('someone-else@news.example', '10.4.0.1')).statusCode, 429);
      });

      test('the unauthenticated POSTs refuse other sites', async () => {
        for (const url of [
          '/admin/api/password-reset',
          '/admin/api/password-reset/complete',
          '/admin/api/invitations/accept',
        ]) {
          const res = await t.app.inject({
            method: 'POST',
            url,
            headers: { origin: 'https://evil.example' },
            payload: { email: 'olav@news.example', token: 'x'.repeat(43), name: 'X', password },
          });
          assert.equal(res.statusCode, 403, url);
        }
      });
    },
  );
}

describe('without SMTP_URL', () => {
  test('emails go to the log, whole, and the mail status says so', async () => {
    const t = await createTestApp('sqlite');
    try {
      const api = adminApi(t);
      await createAccount(t.site.ctx, {
        name: 'Olav Owner',
        email: 'olav@news.example',
        role: 'owner',
        password,
      });
      const owner = await api.signIn('olav@news.example', password);
      assert.deepEqual((await api.call('GET', '/admin/api/mail', { session: owner })).json(), {
        isConfigured: false,
      });
      assert.equal(
        (await api.call('POST', '/admin/api/password-reset', { payload: { email: 'olav@news.example' } }))
          .statusCode,
        202,
      );
      for (let i = 0; i < 100 && t.site.mailLog.length === 0; i++)
        await new Promise((r) => setTimeout(r, 20));
      assert.equal(t.site.mailLog.length, 1);
      const [entry] = t.site.mailLog;
      assert.match(entry!, /^To: olav@news\.example$/m);
      const token = tokenIn(entry!, 'reset-password');
      const done = await api.call('POST', '/admin/api/password-reset/complete', {
        payload: { token, password: newPassword },
      });
      assert.equal(done.statusCode, 204, 'the logged link works');
      assert.equal(await api.isSignedIn(owner), false);
    } finally {
      await t.destroy();
    }
  });
});
