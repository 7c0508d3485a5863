import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createAccount } from '../../src/domain/staff/accounts.js';
import type { StaffRecord } from '../../src/domain/ports.js';
import { createStaff } from '../../src/domain/staff/staff.js';
import { adminApi, type Session } from '../helpers/admin-api.js';
import { createTestApp, type TestApp } from '../helpers/http.js';
import { dialects } from '../helpers/sites.js';

const password = 'a sufficiently long passphrase';
const people = {
  olav: 'owner',
  ada: 'administrator',
  abe: 'administrator',
  erik: 'editor',
  aud: 'author',
  cai: 'contributor',
} as const;
type Person = keyof typeof people;

for (const dialect of dialects) {
  describe(`managing staff on ${dialect.name}`, { skip: dialect.skip }, () => {
    let t: TestApp;
    let api: ReturnType<typeof adminApi>;
    const staff = {} as Record<Person, StaffRecord>;
    const sessions = {} as Record<Person, Session>;
    before(async () => {
      t = await createTestApp(dialect.name);
      api = adminApi(t);
      for (const [name, role] of Object.entries(people) as [Person, (typeof people)[Person]][]) {
        const email = `${name}@news.example`;
        staff[name] = await createAccount(t.site.ctx, { name: `${name} Staff`, email, role, password });
        sessions[name] = await api.signIn(email, password);
      }
    });
    after(async () => t?.destroy());

    const patch = (by: Person, target: Person | string, payload: object) =>
      api.call('PATCH', `/admin/api/staff/${target in staff ? staff[target as Person].id : target}`, {
        session: sessions[by],
        payload,
      });
    const roleOf = async (who: Person) => (await t.site.ctx.repos.staff.findById(staff[who].id))!.role;

    test('everyone sees the staff list; only those who manage staff see addresses', async () => {
      const asEditor = await api.call('GET', '/admin/api/staff', { session: sessions.erik });
      assert.equal(asEditor.statusCode, 200);
      const listed = asEditor.json().staff as Record<string, unknown>[];
      assert.equal(listed.length, 6);
      assert.ok(
        listed.every((s) => !('email' in s)),
        'an editor sees no addresses',
      );
      assert.deepEqual(Object.keys(listed[0]!).sort(), [
        'bio',
        'contact',
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
      const asAdmin = await api.call('GET', '/admin/api/staff', { session: sessions.ada });
      assert.ok(
        (asAdmin.json().staff as { email?: string }[]).every((s) => s.email?.endsWith('@news.example')),
      );
      assert.doesNotMatch(asAdmin.body, /argon2/);
      assert.equal((await api.call('GET', '/admin/api/staff')).statusCode, 401);
    });

    test('nobody changes their own role or suspends themselves', async () => {
      assert.equal((await patch('ada', 'ada', { role: 'editor' })).statusCode, 403);
      assert.equal((await patch('olav', 'olav', { status: 'suspended' })).statusCode, 403);
      assert.equal((await patch('olav', 'olav', { role: 'administrator' })).statusCode, 403);
      assert.equal(await roleOf('olav'), 'owner');
    });

    test('only those who manage staff change anyone, and bad values are refused', async () => {
      const byEditor = await patch('erik', 'aud', { role: 'editor' });
      assert.equal(byEditor.statusCode, 403);
      assert.equal(byEditor.json().errors[0].code, 'FORBIDDEN');
      assert.equal((await patch('ada', 'aud', { role: 'chief' })).statusCode, 422);
      assert.equal((await patch('ada', 'aud', { status: 'banned' })).statusCode, 422);
      assert.equal((await patch('ada', 'no-such-id', { role: 'editor' })).statusCode, 404);
      const noToken = await t.app.inject({
        method: 'PATCH',
        url: `/admin/api/staff/${staff.aud.id}`,
        headers: { origin: 'https://news.example', cookie: sessions.ada.cookie },
        payload: { role: 'editor' },
      });
      assert.equal(noToken.statusCode, 403, 'no CSRF token');
      assert.equal(await roleOf('aud'), 'author');
    });

    test('an administrator manages roles below administrator, but not administrators or the owner', async () => {
      const promoted = await patch('ada', 'cai', { role: 'author' });
      assert.equal(promoted.statusCode, 200);
      assert.equal(promoted.json().staff.role, 'author');
      assert.equal((await patch('ada', 'abe', { role: 'editor' })).statusCode, 403);
      assert.equal((await patch('ada', 'abe', { status: 'suspended' })).statusCode, 403);
      assert.equal((await patch('ada', 'olav', { role: 'editor' })).statusCode, 403);
      assert.equal((await patch('ada', 'erik', { role: 'owner' })).statusCode, 403);
      assert.deepEqual(
        [await roleOf('abe'), await roleOf('olav'), await roleOf('erik')],
        ['administrator', 'owner', 'editor'],
      );
      assert.equal((await patch('olav', 'abe', { role: 'editor' })).statusCode, 200, 'the owner may');
      assert.equal((await patch('olav', 'abe', { role: 'administrator' })).statusCode, 200);
      assert.equal((await patch('olav', 'cai', { role: 'contributor' })).statusCode, 200);
    });

    test('a suspended member is shut out at once, and back when reactivated', async () => {
      assert.ok(await api.isSignedIn(sessions.erik));
      const suspended = await patch('ada', 'erik', { status: 'suspended' });
      assert.equal(suspended.statusCode, 200);
      assert.equal(suspended.json().staff.status, 'suspended');
      assert.equal(await api.isSignedIn(sessions.erik), false, 'the session ended');
      const rows = await t.site.storage.db
        .selectFrom('staff_sessions')
        .where('staff_id', '=', staff.erik.id)
        .selectAll()
        .execute();
      assert.equal(rows.length, 0);
      const signIn = await api.call('POST', '/admin/api/session', {
        payload: { email: 'erik@news.example', password },
      });
      assert.equal(signIn.statusCode, 401);
      assert.equal((await patch('ada', 'erik', { status: 'active' })).statusCode, 200);
      sessions.erik = await api.signIn('erik@news.example', password);
    });

    test('the owner makes someone owner only by handing ownership over', async () => {
      const profile = await createStaff(t.site.ctx, {
        name: 'Pia Profile',
        email: 'pia@news.example',
        role: 'author',
      });
      const noAccount = await patch('olav', profile.id, { role: 'owner' });
      assert.equal(noAccount.statusCode, 422, 'someone who cannot sign in cannot own the site');
      await patch('olav', 'aud', { status: 'suspended' });
      assert.equal((await patch('olav', 'aud', { role: 'owner' })).statusCode, 422, 'suspended');
      await patch('olav', 'aud', { status: 'active' });
      assert.equal((await patch('olav', 'erik', { role: 'owner', status: 'suspended' })).statusCode, 422);

      const handed = await patch('olav', 'ada', { role: 'owner' });
      assert.equal(handed.statusCode, 200);
      assert.equal(handed.json().staff.role, 'owner');
      assert.equal(await roleOf('olav'), 'administrator', 'the old owner becomes administrator');
      assert.equal(await t.site.ctx.repos.staff.countByRole('owner'), 1);
      assert.equal(
        (await patch('olav', 'ada', { role: 'editor' })).statusCode,
        403,
        'no way back by himself',
      );
      assert.equal((await patch('olav', 'erik', { role: 'owner' })).statusCode, 403, 'no longer the owner');
      assert.equal((await patch('ada', 'olav', { role: 'editor' })).statusCode, 200, 'the new owner may');
    });

    test('a staff member changes their own profile and password; other sessions end', async () => {
      const other = await api.signIn('cai@news.example', password);
      // Your own role is not a profile field: refused by name, never dropped in silence.
      const promoting = await api.call('PATCH', '/admin/api/profile', {
        session: sessions.cai,
        payload: { name: 'Cai Owner', role: 'owner' },
      });
      assert.equal(promoting.statusCode, 422);
      assert.deepEqual(
        promoting.json().errors.map((e: { property: string }) => e.property),
        ['role'],
      );
      const res = await api.call('PATCH', '/admin/api/profile', {
        session: sessions.cai,
        payload: { name: '  Cai Contributor ', bio: 'Writes.', locale: 'nb' },
      });
      assert.equal(res.statusCode, 200);
      assert.deepEqual(
        [res.json().staff.name, res.json().staff.locale, res.json().staff.role],
        ['Cai Contributor', 'nb', 'contributor'],
      );
      const change = (currentPassword: string, newPassword: string) =>
        api.call('POST', '/admin/api/profile/password', {
          session: sessions.cai,
          payload: { currentPassword, newPassword },
        });
      assert.equal((await change('not the password', 'a brand new passphrase')).statusCode, 422);
      assert.equal((await change(password, 'a brand new passphrase')).statusCode, 204);
      assert.ok(await api.isSignedIn(sessions.cai), 'the session that made the change stays');
      assert.equal(await api.isSignedIn(other), false);
    });
  });
}
