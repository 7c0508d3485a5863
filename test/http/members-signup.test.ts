import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { LightMyRequestResponse } from 'fastify';
import { deleteOldConfirmations, prepareSignUp, sendConfirmation } from '../../src/domain/members/signup.js';
import { memberLinkToken } from '../../src/domain/members/member-links.js';
import { createPost } from '../../src/domain/posts/save-post.js';
import { createNewsletter } from '../../src/domain/newsletters/newsletters.js';
import type { NewsletterRecord } from '../../src/domain/ports.js';
import { updateSiteSettings } from '../../src/domain/settings/site-settings.js';
import {
  formPageLifeMs,
  formTokenFor,
  formTokenLifeMs,
  signFormToken,
  type FormName,
} from '../../src/http/site/form-token.js';
import { createTestApp, type TestApp } from '../helpers/http.js';
import { dialects } from '../helpers/sites.js';
import { startSmtpServer, type ReceivedMail, type TestSmtpServer } from '../helpers/smtp.js';
import { testAdministrator } from '../helpers/actors.js';

const siteOrigin = 'https://news.example';
const form = (fields: [string, string][]) =>
  fields.map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`).join('&');

/** The confirmation link's token in an email's text. */
function confirmTokenIn(text: string): string {
  const match = /https:\/\/news\.example\/subscribe\/confirm\/\?token=([A-Za-z0-9_-]{43})\b/.exec(text);
  assert.ok(match, `an absolute confirmation link in: ${text}`);
  return match[1]!;
}

const assertMemberPage = (res: LightMyRequestResponse, status: number) => {
  assert.equal(res.statusCode, status, res.body.slice(0, 500));
  assert.equal(res.headers['cache-control'], 'no-store');
  assert.equal(res.headers['referrer-policy'], 'no-referrer');
  assert.match(String(res.headers['content-type']), /^text\/html/);
  assert.match(res.body, /<meta name="robots" content="noindex" \/>/);
  assert.match(res.body, /^<!doctype html>/i);
};

for (const dialect of dialects) {
  describe(`newsletter signup on ${dialect.name}`, { skip: dialect.skip }, () => {
    let t: TestApp;
    let smtp: TestSmtpServer;
    let nowMs = Date.parse('2026-11-24T09:00:00.000Z');
    const clock = { now: () => new Date(nowMs) };
    let morning: NewsletterRecord;
    let evening: NewsletterRecord;
    let ipCounter = 0;
    let sentinels = 0;

    before(async () => {
      smtp = await startSmtpServer();
      t = await createTestApp(dialect.name, {}, { smtpPort: smtp.port, clock });
      await updateSiteSettings(t.site.ctx, testAdministrator, { title: 'Fjord Post' });
      morning = await createNewsletter(t.site.ctx, testAdministrator, {
        name: 'Morning Brief',
        language: 'en',
      });
      evening = await createNewsletter(t.site.ctx, testAdministrator, {
        name: 'Kveldsbrev',
        language: 'nb',
        sortOrder: 1,
      });
    });
    after(async () => {
      await t?.destroy();
      await smtp?.close();
    });

    const signUp = (
      email: string,
      options: {
        newsletters?: string[];
        extra?: [string, string][];
        from?: string;
        headers?: Record<string, string>;
        formToken?: string | null;
      } = {},
    ) =>
      (async () =>
        t.app.inject({
          method: 'POST',
          url: '/subscribe/',
          remoteAddress: options.from ?? `10.20.${Math.floor(++ipCounter / 200)}.${ipCounter % 200}`,
          headers: {
            'content-type': 'application/x-www-form-urlencoded',
            origin: siteOrigin,
            ...options.headers,
          },
          payload: form([
            ...(options.formToken === null
              ? []
              : [
                  ['form_token', options.formToken ?? (await formTokenFor(t.site.ctx, 'subscribe'))] as [
                    string,
                    string,
                  ],
                ]),
            ['language', 'en'],
            ['email', email],
            ...(options.newsletters ?? [morning.id]).map((id): [string, string] => ['newsletters', id]),
            // An extra field of the same name replaces the default.
            ...(options.extra?.some(([k]) => k === 'website') ? [] : [['website', ''] as [string, string]]),
            ...(options.extra ?? []),
          ]),
        }))();
    const formOfUrl = (url: string): FormName =>
      url.startsWith('/subscribe/confirm/')
        ? 'confirm'
        : url.startsWith('/members/')
          ? 'manage'
          : 'unsubscribe';
    /** A form post as the site's own page sends it: with a fresh form token, unless `formToken` says otherwise. */
    const post = async (
      url: string,
      fields: [string, string][],
      headers: Record<string, string> = {},
      formToken?: string | null,
    ) =>
      t.app.inject({
        method: 'POST',
        url,
        headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
        payload: form([
          ...(formToken === null
            ? []
            : [
                ['form_token', formToken ?? (await formTokenFor(t.site.ctx, formOfUrl(url)))] as [
                  string,
                  string,
                ],
              ]),
          ...fields,
        ]),
      });
    const member = (email: string) => t.site.ctx.repos.members.findByEmail(email);
    const newslettersOf = async (id: string) =>
      (await t.site.ctx.repos.members.newsletterIdsFor([id])).get(id) ?? [];

    /** Proves no email went out since the last one taken: a fresh signup's email is the next one. */
    const assertNothingSent = async () => {
      const address = `sentinel-${++sentinels}@example.org`;
      assert.equal((await signUp(address)).statusCode, 303);
      const mail = await smtp.next();
      assert.deepEqual(mail.envelopeTo, [address], 'an email went out that should not have');
    };
    const mailTo = async (address: string): Promise<ReceivedMail> => {
      const mail = await smtp.next();
      assert.deepEqual(mail.envelopeTo, [address]);
      return mail;
    };

    test('the signup box is on the home page and on /subscribe/, with a honeypot field', async () => {
      const home = await t.get('/');
      assert.equal(home.statusCode, 200);
      assert.match(home.body, /<form method="post" action="\/subscribe\/">/);
      await createPost(t.site.ctx, { type: 'post', title: 'Signed up', status: 'published', language: 'nb' });
      const postPage = await t.get('/signed-up/');
      assert.equal(postPage.statusCode, 200);
      assert.match(postPage.body, /<form method="post" action="\/subscribe\/">/);
      assert.match(postPage.body, /Få nyhetsbrevet vårt/, 'in the language of the page');
      assert.match(postPage.body, /<input type="hidden" name="language" value="nb" \/>/);
      const page = await t.get('/subscribe/');
      assertMemberPage(page, 200);
      assert.match(page.body, /name="email"/);
      assert.match(page.body, /name="website"/);
      assert.match(page.body, new RegExp(`name="newsletters" value="${morning.id}"`));
      assert.match(page.body, new RegExp(`name="newsletters" value="${evening.id}"`));
      assert.equal(t.cache.get('/subscribe/'), undefined, 'never in the page cache');
    });

    test('signup → email with only the site title, newsletter names and an absolute link → confirm', async () => {
      // Fields the form does not have are refused by name, and nothing is stored or sent.
      const padded = await signUp('  Reader@Example.ORG ', {
        extra: [
          ['name', 'Click https://evil.example now'],
          ['note', 'Visit evil.example'],
        ],
      });
      assertMemberPage(padded, 422);
      assert.match(padded.body, /name: is not a known field\. note: is not a known field\./);
      assert.doesNotMatch(padded.body, /evil/);
      assert.equal(await member('reader@example.org'), undefined);

      const res = await signUp('  Reader@Example.ORG ');
      assert.equal(res.statusCode, 303);
      assert.equal(res.headers.location, '/subscribe/?sent=1');
      assert.equal(res.headers['cache-control'], 'no-store');
      assertMemberPage(await t.get('/subscribe/?sent=1'), 200);

      const mail = await mailTo('reader@example.org');
      assert.doesNotMatch(mail.raw, /evil|Click/i, 'nothing the visitor typed');
      assert.match(mail.parsed.subject!, /Fjord Post/);
      assert.match(mail.parsed.text!, /Morning Brief/);
      assert.doesNotMatch(mail.parsed.text!, /Kveldsbrev/);
      assert.match(
        String(mail.parsed.html),
        /<a href="https:\/\/news\.example\/subscribe\/confirm\/\?token=/,
      );
      const token = confirmTokenIn(mail.parsed.text!);

      const pending = (await member('reader@example.org'))!;
      assert.equal(pending.status, 'pending');
      assert.equal(pending.consentAt, null);
      assert.deepEqual(await newslettersOf(pending.id), []);

      const page = await t.get(`/subscribe/confirm/?token=${token}`);
      assertMemberPage(page, 200);
      assert.match(page.body, /<form method="post" action="\/subscribe\/confirm\/">/);
      assert.match(page.body, /<button type="submit">/);
      assert.equal((await member('reader@example.org'))!.status, 'pending', 'GET changes nothing');

      const confirmed = await post('/subscribe/confirm/', [['token', token]]);
      assertMemberPage(confirmed, 200);
      assert.match(confirmed.body, /\/members\/manage\/\?token=/);
      const active = (await member('reader@example.org'))!;
      assert.equal(active.status, 'active');
      assert.equal(active.consentSource, 'signup');
      assert.equal(active.consentAt, new Date(nowMs).toISOString());
      assert.deepEqual(await newslettersOf(active.id), [morning.id]);

      assertMemberPage(await post('/subscribe/confirm/', [['token', token]]), 200);
      assert.equal((await member('reader@example.org'))!.status, 'active', 'confirming twice is harmless');
    });

    test('the email is in the newsletter language', async () => {
      await signUp('nordmann@example.no', { newsletters: [evening.id] });
      const mail = await mailTo('nordmann@example.no');
      assert.match(mail.parsed.subject!, /Bekreft/);
      assert.match(mail.parsed.text!, /Kveldsbrev/);
    });

    test('the answer is the same for a new, a pending and an active address', async () => {
      const answers = [];
      for (const address of ['brand-new@example.org', 'nordmann@example.no', 'reader@example.org']) {
        const res = await signUp(address);
        answers.push({ status: res.statusCode, location: res.headers.location, body: res.body });
        await mailTo(address);
      }
      assert.deepEqual(answers[1], answers[0]);
      assert.deepEqual(answers[2], answers[0]);
    });

    test('a filled-in honeypot gets the same answer and sends nothing', async () => {
      const res = await signUp('robot@example.org', { extra: [['website', 'https://spam.example']] });
      assert.equal(res.statusCode, 303);
      assert.equal(res.headers.location, '/subscribe/?sent=1');
      await assertNothingSent();
      assert.equal(await member('robot@example.org'), undefined);
    });

    test('at most 3 confirmation emails to one address in 24 hours', async () => {
      for (let i = 0; i < 3; i++) {
        assert.equal((await signUp('eager@example.org')).statusCode, 303);
        await mailTo('eager@example.org');
      }
      const fourth = await signUp('eager@example.org');
      assert.equal(fourth.statusCode, 303, 'the same answer');
      await assertNothingSent();
      nowMs += 24 * 3600 * 1000 + 1000;
      await signUp('eager@example.org');
      await mailTo('eager@example.org');
    });

    test('an expired link gives a clear page and confirms nothing', async () => {
      await signUp('late@example.org');
      const token = confirmTokenIn((await mailTo('late@example.org')).parsed.text!);
      nowMs += 48 * 3600 * 1000 + 1000;
      const page = await t.get(`/subscribe/confirm/?token=${token}`);
      assertMemberPage(page, 400);
      assert.match(page.body, /expired/);
      assertMemberPage(await post('/subscribe/confirm/', [['token', token]]), 400);
      assertMemberPage(await post('/subscribe/confirm/', [['token', 'x'.repeat(43)]]), 400);
      assert.equal((await member('late@example.org'))!.status, 'pending');
      const late = (await member('late@example.org'))!;
      assert.equal(await deleteOldConfirmations(t.site.ctx), 0, 'kept for a week after expiring');
      nowMs += 7 * 24 * 3600 * 1000 + 1000;
      assert.ok((await deleteOldConfirmations(t.site.ctx)) >= 1);
      assert.equal(await t.site.ctx.repos.members.countConfirmationsSince(late.id, ''), 0);
      assert.equal(await member('late@example.org'), undefined, 'a member who never confirmed is forgotten');
      assert.equal((await member('reader@example.org'))?.status, 'active', 'confirmed members stay');
    });

    test('the per-address cap counts case and +tag variants as one address, atomically', async () => {
      nowMs += 2 * 24 * 3600 * 1000;
      const variants = ['Tagged+1@example.org', 'tagged+2@example.org', 'TAGGED@example.org'];
      for (const address of variants) {
        assert.equal((await signUp(address)).statusCode, 303);
        await mailTo(address.toLowerCase());
      }
      assert.equal((await signUp('tagged+4@example.org')).statusCode, 303, 'the same answer');
      await assertNothingSent();
      assert.ok(await member('tagged+1@example.org'), 'the address is stored as typed (lower-cased)');

      // Two signups at the same instant for an address with 2 of its 3 emails used: one email, not two.
      nowMs += 2 * 24 * 3600 * 1000;
      for (const address of ['race+a@example.org', 'race+b@example.org']) {
        await signUp(address);
        await mailTo(address);
      }
      const racing = await Promise.all([
        sendConfirmation(
          t.site.ctx,
          await prepareSignUp(t.site.ctx, { email: 'race+c@example.org', newsletterIds: [morning.id] }),
        ),
        sendConfirmation(
          t.site.ctx,
          await prepareSignUp(t.site.ctx, { email: 'race+d@example.org', newsletterIds: [morning.id] }),
        ),
      ]);
      assert.equal(racing.length, 2);
      const third = await smtp.next();
      assert.match(third.envelopeTo[0]!, /^race\+[cd]@example\.org$/);
      await assertNothingSent();
    });

    test('bad addresses are refused with a clear page, and no email goes out', async () => {
      const bad = [
        'a@b.example\r\nBcc: x@y.example',
        'a@b.example\nBcc: x@y.example',
        'a@b.example,c@d.example',
        'a@b.example;c@d.example',
        'Someone <a@b.example>',
        `${'a'.repeat(290)}@b.example`,
        'jørgen@example.no',
        '',
        'not-an-address',
        'a@b',
      ];
      for (const address of bad) {
        const res = await signUp(address);
        assertMemberPage(res, 400);
        assert.match(res.body, /The email address/, `a clear message for ${JSON.stringify(address)}`);
        assert.doesNotMatch(res.body, /Bcc: x@y/);
      }
      assert.match((await signUp('jørgen@example.no')).body, /not supported/);
      await assertNothingSent();
      assert.equal(await member('a@b.example'), undefined);
    });

    test('no newsletter chosen (of several) is refused', async () => {
      const res = await signUp('undecided@example.org', { newsletters: [] });
      assertMemberPage(res, 400);
      assert.match(res.body, /choose at least one newsletter/);
    });

    test('a signup from another site is refused', async () => {
      const res = await signUp('csrf@example.org', { headers: { origin: 'https://evil.example' } });
      assertMemberPage(res, 403);
      await assertNothingSent();
    });

    test('a browser post with Origin: null (Referrer-Policy: no-referrer) and a valid form token is accepted', async () => {
      const res = await signUp('nullorigin@example.org', {
        headers: { origin: 'null', 'sec-fetch-site': 'same-origin' },
      });
      assert.equal(res.statusCode, 303, res.body.slice(0, 300));
      await mailTo('nullorigin@example.org');
    });

    test('cross-site posts and missing, forged or expired form tokens are refused with a clear page, nothing stored', async () => {
      const secretless = signFormToken(Buffer.alloc(32), 'subscribe', new Date(nowMs));
      const ofAnotherForm = await formTokenFor(t.site.ctx, 'manage');
      const genuine = await formTokenFor(t.site.ctx, 'subscribe');
      const [issuedAt, signature] = genuine.split('.') as [string, string];
      const expired = await (async () => {
        const saved = nowMs;
        nowMs -= formTokenLifeMs + 1000;
        const token = await formTokenFor(t.site.ctx, 'subscribe');
        nowMs = saved;
        return token;
      })();
      const cases: [string, Parameters<typeof signUp>[1], RegExp][] = [
        [
          'cross-site',
          { headers: { 'sec-fetch-site': 'cross-site', origin: 'null' } },
          /only be sent from this site/,
        ],
        ['same-site', { headers: { 'sec-fetch-site': 'same-site' } }, /only be sent from this site/],
        ['another origin', { headers: { origin: 'https://evil.example' } }, /only be sent from this site/],
        ['missing', { formToken: null }, /send it again/],
        ['empty', { formToken: '' }, /send it again/],
        ['forged', { formToken: secretless }, /send it again/],
        ['of another form', { formToken: ofAnotherForm }, /send it again/],
        ['moved in time', { formToken: `${Number(issuedAt) + 3600}.${signature}` }, /send it again/],
        ['expired', { formToken: expired }, /send it again/],
      ];
      for (const [name, options, message] of cases) {
        const address = `refused-${name.replace(/ /g, '-')}@example.org`;
        const res = await signUp(address, options);
        assertMemberPage(res, 403);
        assert.match(res.body, message, name);
        assert.equal(await member(address), undefined, `${name}: nothing stored`);
        if (message.source === 'send it again')
          assert.match(
            res.body,
            /name="form_token" value="\d+\.[\w-]{43}"/,
            `${name}: a fresh form to send again`,
          );
      }
      await assertNothingSent();
    });

    test('confirm, manage and unsubscribe forms refuse a post without a genuine form token, and change nothing', async () => {
      await signUp('careful@example.org');
      const confirmToken = confirmTokenIn((await mailTo('careful@example.org')).parsed.text!);
      const refusedConfirm = await post('/subscribe/confirm/', [['token', confirmToken]], {}, null);
      assertMemberPage(refusedConfirm, 403);
      assert.match(refusedConfirm.body, /send it again/);
      const crossSite = await post('/subscribe/confirm/', [['token', confirmToken]], {
        'sec-fetch-site': 'cross-site',
      });
      assertMemberPage(crossSite, 403);
      assert.equal((await member('careful@example.org'))!.status, 'pending');
      assertMemberPage(await post('/subscribe/confirm/', [['token', confirmToken]]), 200);
      const careful = (await member('careful@example.org'))!;
      assert.equal(careful.status, 'active');

      const manage = await memberLinkToken(t.site.ctx, careful.id, 'manage');
      const forged = signFormToken(Buffer.alloc(32), 'manage', new Date(nowMs));
      const refusedDelete = await post(
        '/members/manage/',
        [
          ['token', manage],
          ['action', 'delete'],
        ],
        {},
        forged,
      );
      assertMemberPage(refusedDelete, 403);
      assert.match(refusedDelete.body, /\/members\/manage\/\?token=/, 'a way back to the form');
      assert.ok(await member('careful@example.org'), 'nothing deleted');

      const unsubscribe = await memberLinkToken(t.site.ctx, careful.id, 'unsubscribe');
      const page = await t.get(`/unsubscribe/?token=${unsubscribe}`);
      assert.match(page.body, /name="form_token"/);
      assertMemberPage(await post('/unsubscribe/', [['token', unsubscribe]], {}, null), 403);
      assert.equal((await member('careful@example.org'))!.status, 'active');
      assertMemberPage(await post('/unsubscribe/', [['token', unsubscribe]]), 200);
      assert.equal((await member('careful@example.org'))!.status, 'unsubscribed');
    });

    test('a cached page with the signup box is rendered again before its form token expires', async () => {
      const tokenOn = (body: string) => /name="form_token" value="([^"]+)"/.exec(body)?.[1];
      const first = tokenOn((await t.get('/')).body);
      assert.ok(first);
      assert.ok(t.cache.get('/'), 'cached');
      nowMs += 1000;
      assert.equal(tokenOn((await t.get('/')).body), first, 'served from the cache');
      nowMs += formPageLifeMs;
      const second = tokenOn((await t.get('/')).body);
      assert.ok(second && second !== first, 'rendered again with a fresh token');
    });

    test('signups are limited per IP address (5 an hour)', async () => {
      const from = '10.99.0.1';
      for (let i = 0; i < 5; i++)
        assert.equal(
          (await signUp(`ip${i}@example.org`, { from, extra: [['website', 'x']] })).statusCode,
          303,
        );
      const limited = await signUp('ip-last@example.org', { from });
      assertMemberPage(limited, 429);
      assert.ok(Number(limited.headers['retry-after']) > 0);
      assert.equal((await signUp('other-ip@example.org', { from: '10.99.0.2' })).statusCode, 303);
      await mailTo('other-ip@example.org');
    });

    test('the manage link: forged links refused; change newsletters, unsubscribe, delete my data', async () => {
      const reader = (await member('reader@example.org'))!;
      const token = await memberLinkToken(t.site.ctx, reader.id, 'manage');
      const unsubscribeToken = await memberLinkToken(t.site.ctx, reader.id, 'unsubscribe');
      for (const forged of [
        `${reader.id}.manage.${'A'.repeat(43)}`,
        unsubscribeToken,
        '',
        token.slice(0, -1) + (token.endsWith('A') ? 'B' : 'A'),
      ]) {
        assertMemberPage(await t.get(`/members/manage/?token=${encodeURIComponent(forged)}`), 400);
        assertMemberPage(
          await post('/members/manage/', [
            ['token', forged],
            ['action', 'delete'],
          ]),
          400,
        );
      }
      assert.ok(await member('reader@example.org'), 'a forged link deletes nothing');

      const page = await t.get(`/members/manage/?token=${token}`);
      assertMemberPage(page, 200);
      assert.match(page.body, /reader@example\.org/);
      assert.match(page.body, new RegExp(`value="${morning.id}" checked`));

      const saved = await post('/members/manage/', [
        ['token', token],
        ['action', 'update'],
        ['newsletters', evening.id],
      ]);
      assertMemberPage(saved, 200);
      assert.deepEqual(await newslettersOf(reader.id), [evening.id]);

      assertMemberPage(
        await post('/members/manage/', [
          ['token', token],
          ['action', 'unsubscribe'],
        ]),
        200,
      );
      assert.equal((await member('reader@example.org'))!.status, 'unsubscribed');

      assertMemberPage(
        await post('/members/manage/', [
          ['token', token],
          ['action', 'delete'],
        ]),
        200,
      );
      assert.equal(await member('reader@example.org'), undefined);
      assert.equal(await t.site.ctx.repos.members.findById(reader.id), undefined);
      assert.equal(await t.site.ctx.repos.members.countConfirmationsSince(reader.id, ''), 0);
      assert.deepEqual(await newslettersOf(reader.id), []);
      assertMemberPage(await t.get(`/members/manage/?token=${token}`), 400);
    });

    test('one-click unsubscribe: GET shows a button and changes nothing; POST without cookies unsubscribes', async () => {
      // The sweep in an earlier test removed the unconfirmed member: signing up again makes it anew.
      await signUp('nordmann@example.no', { newsletters: [evening.id] });
      await mailTo('nordmann@example.no');
      const nordmann = (await member('nordmann@example.no'))!;
      await t.site.ctx.repos.members.update(nordmann.id, { status: 'active' });
      const token = await memberLinkToken(t.site.ctx, nordmann.id, 'unsubscribe');
      const page = await t.get(`/unsubscribe/?token=${token}`);
      assertMemberPage(page, 200);
      assert.match(page.body, /<button type="submit">/);
      assert.equal((await member('nordmann@example.no'))!.status, 'active', 'GET changes nothing');

      const res = await t.app.inject({
        method: 'POST',
        url: `/unsubscribe/?token=${token}`,
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        payload: 'List-Unsubscribe=One-Click',
      });
      assertMemberPage(res, 200);
      assert.equal(res.headers.location, undefined);
      assert.equal(res.headers['set-cookie'], undefined);
      assert.equal((await member('nordmann@example.no'))!.status, 'unsubscribed');
      const multipart = await t.app.inject({
        method: 'POST',
        url: `/unsubscribe/?token=${token}`,
        headers: { 'content-type': 'multipart/form-data; boundary=b' },
        payload:
          '--b\r\nContent-Disposition: form-data; name="List-Unsubscribe"\r\n\r\nOne-Click\r\n--b--\r\n',
      });
      assertMemberPage(multipart, 200);

      const forged = await t.app.inject({
        method: 'POST',
        url: `/unsubscribe/?token=${nordmann.id}.unsubscribe.${'A'.repeat(43)}`,
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        payload: 'List-Unsubscribe=One-Click',
      });
      assertMemberPage(forged, 400);
      assertMemberPage(await t.get(`/unsubscribe/?token=nonsense`), 400);
    });
  });
}
