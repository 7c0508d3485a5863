import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { LightMyRequestResponse } from 'fastify';
import { createAccount } from '../../src/domain/staff/accounts.js';
import type { Clock } from '../../src/domain/ports.js';
import { totpCodeAt } from '../../src/domain/staff/totp.js';
import { adminOrigin as origin } from '../helpers/admin.js';
import { createTestApp, type TestApp } from '../helpers/http.js';
import { dialects } from '../helpers/sites.js';
import { startSmtpServer, type TestSmtpServer } from '../helpers/smtp.js';

const password = 'a sufficiently long passphrase';
const sessionName = '__Host-broadsheet_session';
const deviceName = '__Host-broadsheet_device';

/** The cookies a response sets, by name. */
function cookiesOf(res: LightMyRequestResponse): Map<string, string> {
  const raw = res.headers['set-cookie'];
  const list = Array.isArray(raw) ? raw : raw ? [String(raw)] : [];
  return new Map(
    list.map((c) => {
      const pair = c.split(';')[0]!;
      return [pair.slice(0, pair.indexOf('=')), pair.slice(pair.indexOf('=') + 1)];
    }),
  );
}

interface Pending {
  cookie: string;
  csrf: string;
}

for (const dialect of dialects) {
  describe(`second step and sign-in links on ${dialect.name}`, { skip: dialect.skip }, () => {
    let t: TestApp;
    let smtp: TestSmtpServer;
    let ip = 0;
    const clock: Clock & { ms: number } = {
      ms: Date.parse('2026-11-02T09:00:10Z'),
      now: () => new Date(clock.ms),
    };

    before(async () => {
      smtp = await startSmtpServer();
      t = await createTestApp(dialect.name, {}, { smtpPort: smtp.port, clock });
      for (const [name, role] of [
        ['Nora Newdevice', 'editor'],
        ['Otto Owner', 'owner'],
        ['Tove Totp', 'author'],
        ['Vera Void', 'author'],
      ] as const)
        await createAccount(t.site.ctx, {
          name,
          role,
          email: `${name.split(' ')[0]!.toLowerCase()}@news.example`,
          password,
        });
    });
    after(async () => {
      await t?.destroy();
      await smtp?.close();
    });

    const post = (
      url: string,
      payload: object,
      options: { cookie?: string; csrf?: string; from?: string } = {},
    ) =>
      t.app.inject({
        method: 'POST',
        url,
        remoteAddress: options.from ?? `198.51.100.${++ip % 250}`,
        headers: {
          origin,
          ...(options.cookie ? { cookie: options.cookie } : {}),
          ...(options.csrf ? { 'x-csrf-token': options.csrf } : {}),
        },
        payload,
      });
    const login = (email: string, options: { cookie?: string; from?: string; pass?: string } = {}) =>
      post('/admin/api/session', { email, password: options.pass ?? password }, options);
    const pendingOf = (res: LightMyRequestResponse): Pending => ({
      cookie: `${sessionName}=${cookiesOf(res).get(sessionName)}`,
      csrf: res.json().csrfToken as string,
    });
    const secondStep = (pending: Pending, code: string) =>
      post('/admin/api/session/second-step', { code }, pending);
    const whoAmI = (cookie: string) =>
      t.app.inject({ method: 'GET', url: '/admin/api/session', headers: { cookie } });
    const codeIn = async (to: string) => {
      const mail = await smtp.next();
      assert.deepEqual(mail.envelopeTo, [to]);
      return /\b(\d{6})\b/.exec(mail.parsed.text ?? '')![1]!;
    };

    test('a new device gets an emailed code; the pending session is refused until it is given', async () => {
      const res = await login('nora@news.example');
      assert.equal(res.statusCode, 202);
      assert.equal(res.json().secondStep, 'email');
      assert.equal(res.json().staff, undefined, 'nothing about the account before the second step');
      const pending = pendingOf(res);
      assert.equal((await whoAmI(pending.cookie)).statusCode, 401);
      const code = await codeIn('nora@news.example');
      const wrong = await secondStep(pending, code === '000000' ? '000001' : '000000');
      assert.equal(wrong.statusCode, 422);
      const done = await secondStep(pending, code);
      assert.equal(done.statusCode, 201, done.body);
      assert.equal(done.json().staff.email, 'nora@news.example');
      const cookies = cookiesOf(done);
      assert.notEqual(cookies.get(sessionName), pending.cookie.split('=')[1], 'a new session token');
      assert.match(
        String(done.headers['set-cookie']),
        /__Host-broadsheet_device=[^;]+; Max-Age=15552000; Path=\/; HttpOnly; SameSite=Strict; Secure/,
      );
      assert.equal((await whoAmI(`${sessionName}=${cookies.get(sessionName)}`)).statusCode, 200);
      assert.equal((await secondStep(pending, code)).statusCode, 401, 'the code is single use');

      // The device is remembered: the next sign-in on it needs no code.
      const again = await login('nora@news.example', { cookie: `${deviceName}=${cookies.get(deviceName)}` });
      assert.equal(again.statusCode, 201);
      // Another account's device cookie is not this account's.
      assert.equal(
        (await login('otto@news.example', { cookie: `${deviceName}=${cookies.get(deviceName)}` })).statusCode,
        202,
      );
      await codeIn('otto@news.example');
    });

    test('five wrong codes make the pending session void', async () => {
      const pending = pendingOf(await login('vera@news.example'));
      const code = await codeIn('vera@news.example');
      const wrong = code === '123456' ? '654321' : '123456';
      for (let i = 0; i < 5; i++) assert.equal((await secondStep(pending, wrong)).statusCode, 422);
      assert.equal((await secondStep(pending, code)).statusCode, 401, 'void after five wrong codes');
    });

    test('a pending session is refused on every authenticated Admin API route', async () => {
      const pending = pendingOf(await login('vera@news.example'));
      await codeIn('vera@news.example');
      const open = new Set([
        'POST /admin/api/session',
        'POST /admin/api/session/second-step',
        'POST /admin/api/session/link',
        'POST /admin/api/session/link/complete',
        'GET /admin/api/setup',
        'POST /admin/api/setup',
        'POST /admin/api/password-reset',
        'POST /admin/api/password-reset/complete',
        'POST /admin/api/invitations/accept',
      ]);
      const routes = adminApiRoutes(t.app.printRoutes({ commonPrefix: false }));
      assert.ok(routes.length > 60, `the route list was read (${routes.length} routes)`);
      for (const { method, url } of routes) {
        if (open.has(`${method} ${url}`) || url.endsWith('*')) continue;
        const res = await t.app.inject({
          method: method as 'GET',
          url: url.replace(/:[A-Za-z]+/g, 'x1'),
          headers: { origin, cookie: pending.cookie, 'x-csrf-token': pending.csrf },
          ...(method === 'GET' || method === 'DELETE' ? {} : { payload: {} }),
        });
        assert.ok([401, 403].includes(res.statusCode), `${method} ${url} answered ${res.statusCode}`);
      }
    });

    test('guessing from one address locks that address only; the owner gets in from another', async () => {
      const attacker = '203.0.113.66';
      for (let i = 0; i < 5; i++)
        assert.equal(
          (await login('otto@news.example', { from: attacker, pass: `guess ${i} wrong!` })).statusCode,
          401,
        );
      assert.equal((await login('otto@news.example', { from: attacker })).statusCode, 429);
      const owner = await login('otto@news.example', { from: '192.0.2.10' });
      assert.equal(owner.statusCode, 202, 'the real owner, elsewhere, is not locked out');
      assert.equal((await secondStep(pendingOf(owner), await codeIn('otto@news.example'))).statusCode, 201);
    });

    test('over the per-account ceiling, a remembered device and a sign-in link still let the owner in', async () => {
      const first = pendingOf(await login('otto@news.example'));
      const device = cookiesOf(await secondStep(first, await codeIn('otto@news.example'))).get(deviceName)!;
      for (let i = 0; i < 60; i++) await login('otto@news.example', { pass: `distributed guess ${i}` });
      const locked = await login('otto@news.example');
      assert.equal(locked.statusCode, 429, 'password guessing from new devices is locked');
      assert.ok(Number(locked.headers['retry-after']) > 0);
      assert.equal((await login('otto@news.example', { cookie: `${deviceName}=${device}` })).statusCode, 201);

      // The sign-in link: the same answer for a known and an unknown address.
      const known = await post('/admin/api/session/link', { email: 'otto@news.example' });
      const unknown = await post('/admin/api/session/link', { email: 'nobody@news.example' });
      assert.equal(known.statusCode, 202);
      assert.deepEqual([unknown.statusCode, unknown.body], [known.statusCode, known.body]);
      const mail = await smtp.next();
      assert.deepEqual(mail.envelopeTo, ['otto@news.example']);
      const token = /#\/sign-in-link\/([A-Za-z0-9_-]{43})/.exec(mail.parsed.text ?? '')![1]!;
      const hash = (
        await t.site.storage.db.selectFrom('staff_sign_in_links').select('token_hash').execute()
      )[0]!;
      assert.notEqual(hash.token_hash, token, 'stored hashed');
      const viaLink = await post('/admin/api/session/link/complete', { token });
      assert.equal(viaLink.statusCode, 202, 'the link stands for the password only');
      assert.equal(viaLink.json().secondStep, 'email');
      assert.equal((await secondStep(pendingOf(viaLink), await codeIn('otto@news.example'))).statusCode, 201);
      assert.equal((await post('/admin/api/session/link/complete', { token })).statusCode, 401, 'single use');
    });

    test('a sign-in link expires after 15 minutes', async () => {
      await post('/admin/api/session/link', { email: 'nora@news.example' });
      const mail = await smtp.next();
      const token = /#\/sign-in-link\/([A-Za-z0-9_-]{43})/.exec(mail.parsed.text ?? '')![1]!;
      clock.ms += 15 * 60_000 + 1000;
      assert.equal((await post('/admin/api/session/link/complete', { token })).statusCode, 401);
    });

    test('TOTP: set up with a first code, asked at sign-in, codes and recovery codes used once, off with password and code', async () => {
      const device = { cookie: '' };
      const first = pendingOf(await login('tove@news.example'));
      const done = await secondStep(first, await codeIn('tove@news.example'));
      device.cookie = `${deviceName}=${cookiesOf(done).get(deviceName)}`;
      const session = {
        cookie: `${sessionName}=${cookiesOf(done).get(sessionName)}`,
        csrf: done.json().csrfToken,
      };
      const setup = await post('/admin/api/profile/totp', {}, session);
      assert.equal(setup.statusCode, 201);
      const { secret, uri, qrSvg } = setup.json() as { secret: string; uri: string; qrSvg: string };
      assert.match(uri, /^otpauth:\/\/totp\/.*secret=/);
      assert.match(qrSvg, /^<svg[^>]*xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
      assert.doesNotMatch(qrSvg, /<script|on\w+=/i);
      const status = () =>
        t.app.inject({ method: 'GET', url: '/admin/api/profile/totp', headers: { cookie: session.cookie } });
      assert.deepEqual(
        (await status()).json(),
        { isEnabled: false, recoveryCodesLeft: 0 },
        'not on before a code',
      );
      assert.equal(
        (await post('/admin/api/profile/totp/confirm', { code: '000000' }, session)).statusCode,
        422,
      );
      const confirmed = await post(
        '/admin/api/profile/totp/confirm',
        { code: totpCodeAt(secret, clock.ms) },
        session,
      );
      assert.equal(confirmed.statusCode, 200, confirmed.body);
      const recoveryCodes = confirmed.json().recoveryCodes as string[];
      assert.equal(new Set(recoveryCodes).size, 10);
      assert.deepEqual((await status()).json(), { isEnabled: true, recoveryCodesLeft: 10 });

      // At sign-in, even on a remembered device: a code after the password.
      const signIn = await login('tove@news.example', { cookie: device.cookie });
      assert.equal(signIn.statusCode, 202);
      assert.equal(signIn.json().secondStep, 'totp');
      assert.equal(
        (await secondStep(pendingOf(signIn), totpCodeAt(secret, clock.ms))).statusCode,
        422,
        'the code that switched it on is used',
      );
      clock.ms += 30_000;
      const code = totpCodeAt(secret, clock.ms);
      assert.equal((await secondStep(pendingOf(signIn), code)).statusCode, 201);
      const replay = pendingOf(await login('tove@news.example', { cookie: device.cookie }));
      assert.equal((await secondStep(replay, code)).statusCode, 422, 'a TOTP code is not accepted twice');
      assert.equal(
        (await secondStep(replay, recoveryCodes[0]!.toUpperCase())).statusCode,
        201,
        'a recovery code',
      );
      const again = pendingOf(await login('tove@news.example', { cookie: device.cookie }));
      assert.equal(
        (await secondStep(again, recoveryCodes[0]!)).statusCode,
        422,
        'recovery codes are single use',
      );
      const stored = await t.site.storage.db.selectFrom('staff_recovery_codes').select('code_hash').execute();
      assert.ok(stored.every((r) => !recoveryCodes.some((c) => r.code_hash.includes(c.replace('-', '')))));

      clock.ms += 30_000;
      const off = (body: object) => post('/admin/api/profile/totp/disable', body, session);
      assert.equal(
        (await off({ password: 'not my password', code: totpCodeAt(secret, clock.ms) })).statusCode,
        422,
      );
      assert.equal((await off({ password, code: '000000' })).statusCode, 422);
      assert.equal((await off({ password, code: recoveryCodes[1]! })).statusCode, 204);
      assert.equal(
        (await login('tove@news.example', { cookie: device.cookie })).statusCode,
        201,
        'off again',
      );
    });
  });
}

/** Every Admin API route as `{ method, url }`, read from Fastify's route tree (HEAD left out). */
function adminApiRoutes(tree: string): { method: string; url: string }[] {
  const routes: { method: string; url: string }[] = [];
  const stack: string[] = [];
  for (const line of tree.split('\n')) {
    const match = /^([│ ├└─]*?)(?:├── |└── )(.+?)(?: \(([^)]+)\))?$/.exec(line);
    if (!match) continue;
    const depth = [...match[1]!].length / 4;
    stack.length = depth;
    stack.push(match[2]!);
    const url = stack.join('');
    if (!match[3] || !url.startsWith('/admin/api/')) continue;
    for (const method of match[3].split(', ')) if (method !== 'HEAD') routes.push({ method, url });
  }
  return routes;
}
