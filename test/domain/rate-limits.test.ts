import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { limits, take } from '../../src/domain/limits/rate-limits.js';
import { createAccount } from '../../src/domain/staff/accounts.js';
import type { Clock } from '../../src/domain/ports.js';
import { buildApp, type BuiltApp } from '../../src/http/app.js';
import { openSite, type Site } from '../../src/main.js';
import { currentSchema } from '../../src/storage/storage.js';
import { startSessionSweep } from '../../src/jobs/session-sweep.js';
import { adminOrigin } from '../helpers/admin.js';
import { createTestApp, type TestApp } from '../helpers/http.js';
import { dialects } from '../helpers/sites.js';

const password = 'a sufficiently long passphrase';

for (const dialect of dialects) {
  describe(`limits counted in the database on ${dialect.name}`, { skip: dialect.skip }, () => {
    let t: TestApp;
    let second: Site;
    let secondApp: BuiltApp;
    const clock: Clock & { ms: number } = {
      ms: Date.parse('2026-11-01T10:00:00Z'),
      now: () => new Date(clock.ms),
    };

    before(async () => {
      t = await createTestApp(dialect.name, {}, { clock });
      // A second process on the same database: the same SQLite file, or the same PostgreSQL schema.
      const schema = dialect.name === 'postgres' ? await currentSchema(t.site.storage.db) : undefined;
      second = await openSite(t.site.config, { clock, ...(schema ? { postgresSchema: schema } : {}) });
      secondApp = await buildApp(second);
      await secondApp.app.ready();
    });
    after(async () => {
      await secondApp?.app.close();
      await second?.close();
      await t?.destroy();
    });

    const limit = { name: 'test', limit: 3, windowMs: 60_000, message: 'no' };

    test('a fixed window: the limit, then refusals with Retry-After, then a new window', async () => {
      const results = [];
      for (let i = 0; i < 5; i++) results.push(await take(t.site.ctx, limit, 'k1'));
      assert.deepEqual(
        results.map((r) => r.allowed),
        [true, true, true, false, false],
      );
      assert.deepEqual(
        results.map((r) => r.remaining),
        [2, 1, 0, 0, 0],
      );
      assert.equal(results[4]!.retryAfterSeconds, 60);
      clock.ms += 30_000;
      assert.equal((await take(t.site.ctx, limit, 'k1')).retryAfterSeconds, 30);
      assert.equal((await take(t.site.ctx, limit, 'other key')).allowed, true, 'keys count apart');
      clock.ms += 30_000;
      assert.equal((await take(t.site.ctx, limit, 'k1')).allowed, true, 'the window ended');
    });

    test('two processes counting one key at the same instant share one count', async () => {
      const counts = await Promise.all(
        Array.from({ length: 20 }, (_, i) =>
          take(i % 2 ? second.ctx : t.site.ctx, { ...limit, limit: 7 }, 'shared'),
        ),
      );
      assert.equal(counts.filter((c) => c.allowed).length, 7, 'exactly the limit is allowed, over both');
      assert.deepEqual(
        counts.map((c) => c.remaining).sort((a, b) => a - b),
        [...Array(13).fill(0), 0, 1, 2, 3, 4, 5, 6],
      );
    });

    test('password guesses are counted once across two app instances', async () => {
      await createAccount(t.site.ctx, {
        name: 'Sara Shared',
        email: 'sara@news.example',
        role: 'editor',
        password,
      });
      const guess = (built: BuiltApp['app']) =>
        built.inject({
          method: 'POST',
          url: '/admin/api/session',
          remoteAddress: '192.0.2.50',
          headers: { origin: adminOrigin },
          payload: { email: 'sara@news.example', password: 'not the password at all' },
        });
      const statuses = [];
      for (let i = 0; i < 6; i++) statuses.push((await guess(i % 2 ? secondApp.app : t.app)).statusCode);
      assert.deepEqual(statuses, [401, 401, 401, 401, 401, 429]);
    });

    test('the hourly sweep deletes counts whose window ended', async () => {
      await take(t.site.ctx, limits.uploadsPerAccount, 'someone');
      const rows = () => t.site.storage.db.selectFrom('rate_limits').selectAll().execute();
      assert.ok((await rows()).length > 0);
      clock.ms += 25 * 3600_000;
      await new Promise<void>((resolve, reject) => {
        const job = startSessionSweep(t.site.ctx, reject, 3600_000);
        const check = async () => {
          if ((await rows()).length === 0) {
            job.stop();
            resolve();
          } else setImmediate(() => void check());
        };
        void check();
      });
      assert.deepEqual(await rows(), []);
    });
  });
}
