// First-run setup on both databases: every problem answered at once with nothing stored, one
// transaction for the owner and the settings, and two setups at once (even from two processes) never
// both winning.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { getSiteSettings } from '../../src/domain/settings/site-settings.js';
import { setUpSite } from '../../src/domain/staff/setup.js';
import { createTestApp } from '../helpers/http.js';
import { dialects } from '../helpers/sites.js';

const password = 'a sufficiently long passphrase';
const origin = 'https://news.example';
const body = { siteTitle: 'Fjord Post', name: 'Olav Owner', email: 'olav@news.example', password };

for (const dialect of dialects) {
  describe(`first-run setup on ${dialect.name}`, { skip: dialect.skip }, () => {
    test('every problem at once, each with its field; nothing stored; the corrected form then works', async () => {
      const t = await createTestApp(dialect.name);
      try {
        const setup = (payload: unknown) =>
          t.app.inject({
            method: 'POST',
            url: '/admin/api/setup',
            headers: { origin },
            payload: payload as object,
          });
        const bad = await setup({ siteTitle: '  ', name: '', email: 'not an address', password: 'weak' });
        assert.equal(bad.statusCode, 422);
        const errors = (bad.json() as { errors: { property: string; message: string }[] }).errors;
        assert.deepEqual(errors.map((e) => e.property).sort(), ['email', 'name', 'password', 'siteTitle']);
        for (const e of errors)
          assert.match(e.message, /^[A-Z].*\.$/, `a sentence for ${e.property}: ${e.message}`);
        assert.match(errors.find((e) => e.property === 'siteTitle')!.message, /title/);

        const untitled = await setup({ ...body, siteTitle: '' });
        assert.equal(untitled.statusCode, 422, 'an empty title alone is refused');
        assert.deepEqual(
          (untitled.json() as { errors: { property: string }[] }).errors.map((e) => e.property),
          ['siteTitle'],
        );
        assert.equal(await t.site.ctx.repos.staff.countByRole('owner'), 0, 'no owner after a refused setup');
        assert.equal(await t.site.ctx.repos.staff.findByEmail('olav@news.example'), undefined);
        assert.deepEqual((await t.get('/admin/api/setup')).json(), { isSetupNeeded: true });

        const done = await setup(body);
        assert.equal(done.statusCode, 201, done.body);
        assert.equal((await getSiteSettings(t.site.ctx)).title, 'Fjord Post', 'the title is saved');
        assert.match((await t.get('/')).body, /<title>Fjord Post<\/title>/);
        assert.equal((await setup({ ...body, email: 'mallory@news.example' })).statusCode, 409);
      } finally {
        await t.destroy();
      }
    });

    test('two setups at once from two processes: exactly one owner, one title', async () => {
      const t = await createTestApp(dialect.name);
      const twin = await t.site.openTwin();
      try {
        const results = await Promise.allSettled([
          setUpSite(t.site.ctx, { ...body, siteTitle: 'First Post' }),
          setUpSite(twin.ctx, { ...body, siteTitle: 'Second Post', email: 'mallory@news.example' }),
        ]);
        const won = results.filter((r) => r.status === 'fulfilled');
        const lost = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
        assert.equal(won.length, 1, 'one setup wins');
        assert.equal(lost.length, 1);
        assert.equal((lost[0]!.reason as { code?: string }).code, 'CONFLICT', String(lost[0]!.reason));
        assert.equal(await t.site.ctx.repos.staff.countByRole('owner'), 1);
        const winner = (won[0] as PromiseFulfilledResult<{ email: string }>).value;
        const title = (await getSiteSettings(t.site.ctx)).title;
        assert.equal(title, winner.email === 'olav@news.example' ? 'First Post' : 'Second Post');
      } finally {
        await twin.close();
        await t.destroy();
      }
    });
  });
}
