import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createAccount } from '../../src/domain/staff/accounts.js';
import { knownDeviceCookie } from '../helpers/admin.js';
import { createTestApp, type TestApp } from '../helpers/http.js';
import { dialects } from '../helpers/sites.js';

const password = 'a sufficiently long passphrase';
const origin = 'https://news.example';

for (const dialect of dialects) {
  describe(`admin sign-in on ${dialect.name}`, { skip: dialect.skip }, () => {
    let t: TestApp;
    let device: string;
    before(async () => {
      t = await createTestApp(dialect.name);
      const erik = await createAccount(t.site.ctx, {
        name: 'Erik Editor',
        email: 'erik@news.example',
        role: 'editor',
        password,
      });
      // Erik signs in on a device he has used before: no second step (see admin-sign-in-steps.test.ts).
      device = await knownDeviceCookie(t, erik.id);
    });
    after(async () => t?.destroy());

    const login = (email: string, pass: string, headers: Record<string, string> = { origin }) =>
      t.app.inject({
        method: 'POST',
        url: '/admin/api/session',
        headers: { cookie: device, ...headers },
        payload: { email, password: pass },
      });
    const cookieOf = (res: { headers: Record<string, unknown> }) =>
      String(res.headers['set-cookie']).split(';')[0]!;

    test('a wrong password and an unknown address get the same answer', async () => {
      const wrong = await login('erik@news.example', 'not the password at all');
      const unknown = await login('nobody@news.example', password);
      assert.equal(wrong.statusCode, 401);
      assert.deepEqual(wrong.json(), unknown.json());
      assert.equal(wrong.json().errors[0].code, 'UNAUTHENTICATED');
    });

    test('signing in sets a strict cookie, a new one each time, and never shows the hash', async () => {
      const first = await login('erik@news.example', password);
      assert.equal(first.statusCode, 201);
      const setCookie = String(first.headers['set-cookie']);
      assert.match(setCookie, /^__Host-broadsheet_session=/);
      for (const flag of ['HttpOnly', 'SameSite=Lax', 'Secure', 'Path=/'])
        assert.ok(setCookie.includes(flag), flag);
      assert.deepEqual(Object.keys(first.json().staff).sort(), [
        'bio',
        'contact',
        'email',
        'expertise',
        'fediverse',
        'id',
        'jobTitle',
        'locale',
        'name',
        'profileLinks',
        'role',
        'slug',
        'status',
      ]);
      const second = await login('erik@news.example', password);
      assert.notEqual(cookieOf(second), cookieOf(first), 'the session id is new at every sign-in');
      const me = await t.app.inject({
        method: 'GET',
        url: '/admin/api/session',
        headers: { cookie: cookieOf(first) },
      });
      assert.equal(me.statusCode, 200);
      assert.equal(me.json().staff.email, 'erik@news.example');
      assert.doesNotMatch(me.body, /argon2/);
    });

    test('signing out needs the CSRF token and our origin', async () => {
      const res = await login('erik@news.example', password);
      const cookie = cookieOf(res);
      const csrf = res.json().csrfToken as string;
      const signOut = (headers: Record<string, string>) =>
        t.app.inject({ method: 'DELETE', url: '/admin/api/session', headers: { cookie, ...headers } });
      assert.equal((await signOut({ origin })).statusCode, 403, 'no token');
      assert.equal((await signOut({ origin, 'x-csrf-token': 'forged' })).statusCode, 403, 'wrong token');
      assert.equal(
        (await signOut({ origin: 'https://evil.example', 'x-csrf-token': csrf })).statusCode,
        403,
        'other site',
      );
      assert.equal((await signOut({ origin, 'x-csrf-token': csrf })).statusCode, 204);
      const after = await t.app.inject({ method: 'GET', url: '/admin/api/session', headers: { cookie } });
      assert.equal(after.statusCode, 401);
    });

    test('a sign-in from another site is refused, and bad bodies get clear errors', async () => {
      assert.equal(
        (await login('erik@news.example', password, { origin: 'https://evil.example' })).statusCode,
        403,
      );
      const notJson = await t.app.inject({
        method: 'POST',
        url: '/admin/api/session',
        headers: { origin, 'content-type': 'application/json' },
        payload: '{"email": ',
      });
      assert.equal(notJson.statusCode, 400);
      assert.ok(Array.isArray(notJson.json().errors));
      const empty = await t.app.inject({
        method: 'POST',
        url: '/admin/api/session',
        headers: { origin },
        payload: {},
      });
      assert.equal(empty.statusCode, 422);
      assert.deepEqual(
        empty
          .json()
          .errors.map((e: { property: string }) => e.property)
          .sort(),
        ['email', 'password'],
      );
    });

    test('guessing one account from one address is stopped after five tries', async () => {
      await createAccount(t.site.ctx, {
        name: 'Gina Guarded',
        email: 'gina@news.example',
        role: 'author',
        password,
      });
      for (let i = 0; i < 5; i++)
        assert.equal((await login('gina@news.example', `guess number ${i}!`)).statusCode, 401);
      const blocked = await login('gina@news.example', password);
      assert.equal(blocked.statusCode, 429);
      assert.equal(blocked.json().errors[0].code, 'RATE_LIMITED');
      assert.ok(Number(blocked.headers['retry-after']) > 0);
    });
  });
}

describe('first-run setup', () => {
  test('with no owner the setup creates one and signs them in; afterwards it is refused', async () => {
    const t = await createTestApp('sqlite');
    try {
      assert.deepEqual((await t.get('/admin/api/setup')).json(), { isSetupNeeded: true });
      const body = { siteTitle: 'Fjord Post', name: 'Olav Owner', email: 'olav@news.example', password };
      const weak = await t.app.inject({
        method: 'POST',
        url: '/admin/api/setup',
        headers: { origin },
        payload: { ...body, password: 'weak' },
      });
      assert.equal(weak.statusCode, 422);
      assert.deepEqual(
        (await t.get('/admin/api/setup')).json(),
        { isSetupNeeded: true },
        'a failed setup leaves nothing',
      );
      const [a, b] = await Promise.all([
        t.app.inject({ method: 'POST', url: '/admin/api/setup', headers: { origin }, payload: body }),
        t.app.inject({
          method: 'POST',
          url: '/admin/api/setup',
          headers: { origin },
          payload: { ...body, email: 'mallory@news.example' },
        }),
      ]);
      assert.deepEqual([a.statusCode, b.statusCode].sort(), [201, 409], 'only one of two racing setups wins');
      assert.equal(await t.site.ctx.repos.staff.countByRole('owner'), 1);
      assert.match(String(a.headers['set-cookie'] ?? b.headers['set-cookie']), /__Host-broadsheet_session=/);
      assert.deepEqual((await t.get('/admin/api/setup')).json(), { isSetupNeeded: false });
      assert.match((await t.get('/')).body, /<title>Fjord Post<\/title>/);
    } finally {
      await t.destroy();
    }
  });
});
