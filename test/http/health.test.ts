import assert from 'node:assert/strict';
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { sql } from 'kysely';
import { createTestApp, type TestApp } from '../helpers/http.js';
import { dialects } from '../helpers/sites.js';

interface ReadyBody {
  status: string;
  checks: { name: string; isOk: boolean; problem?: string }[];
}

const failed = (body: ReadyBody) => body.checks.filter((c) => !c.isOk).map((c) => c.name);

for (const dialect of dialects) {
  describe(`/healthz and /readyz on ${dialect.name}`, { skip: dialect.skip }, () => {
    let t: TestApp;
    before(async () => {
      t = await createTestApp(dialect.name);
    });
    after(() => t.destroy());

    test('/healthz answers 200, never cached', async () => {
      const res = await t.get('/healthz');
      assert.equal(res.statusCode, 200);
      assert.equal(res.headers['cache-control'], 'no-store');
      assert.deepEqual(res.json(), { status: 'alive' });
      assert.equal(t.cache.has('/healthz'), false);
    });

    test('/readyz names each check and answers 200 when all pass', async () => {
      const res = await t.get('/readyz');
      assert.equal(res.statusCode, 200, res.body);
      assert.equal(res.headers['cache-control'], 'no-store');
      const body = res.json<ReadyBody>();
      assert.equal(body.status, 'ready');
      assert.deepEqual(
        body.checks.map((c) => [c.name, c.isOk]),
        [
          ['database', true],
          ['migrations', true],
          ['storage', true],
        ],
      );
    });

    test('a migration the code does not know makes /readyz 503 naming migrations', async () => {
      const { db } = t.site.storage;
      await sql`insert into kysely_migration (name, timestamp) values ('999-from-the-future', '2030-01-01T00:00:00.000Z')`.execute(
        db,
      );
      try {
        const res = await t.get('/readyz');
        assert.equal(res.statusCode, 503);
        const body = res.json<ReadyBody>();
        assert.equal(body.status, 'unready');
        assert.deepEqual(failed(body), ['migrations']);
        assert.match(body.checks.find((c) => c.name === 'migrations')!.problem!, /does not know/);
      } finally {
        await sql`delete from kysely_migration where name = '999-from-the-future'`.execute(db);
      }
      assert.equal((await t.get('/readyz')).statusCode, 200, 'ready again once the schema matches');
    });

    test('a blob store that cannot be written makes /readyz 503 naming storage', async () => {
      // A file where the probe's folder would go: the store cannot write there (as root, chmod would not stop it).
      const blocker = join(t.site.blobs.root, 'health');
      rmSync(blocker, { recursive: true, force: true }); // the empty folder earlier probes left
      writeFileSync(blocker, 'not a folder');
      try {
        const res = await t.get('/readyz');
        assert.equal(res.statusCode, 503);
        assert.deepEqual(failed(res.json<ReadyBody>()), ['storage']);
      } finally {
        rmSync(blocker);
      }
      assert.equal((await t.get('/readyz')).statusCode, 200);
    });

    test('/readyz answers 503 "draining" once shutdown begins, /healthz still 200', async () => {
      t.lifecycle.isDraining = true;
      try {
        const res = await t.get('/readyz');
        assert.equal(res.statusCode, 503);
        assert.equal(res.json<ReadyBody>().status, 'draining');
        assert.equal((await t.get('/healthz')).statusCode, 200);
      } finally {
        t.lifecycle.isDraining = false;
      }
    });

    test('a database that does not answer makes /readyz 503 naming database', async () => {
      await t.site.storage.close();
      const res = await t.get('/readyz');
      assert.equal(res.statusCode, 503);
      const names = failed(res.json<ReadyBody>());
      assert.ok(names.includes('database'), names.join());
      assert.equal((await t.get('/healthz')).statusCode, 200, 'alive without the database');
    });
  });
}
