// Bringing the schema up to date on both databases: a database that has run every migration is left
// as it is without the Migrator, and one that records a migration this code does not have still gets
// the Migrator's refusal.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { sql } from 'kysely';
import { migrationProvider } from '../../src/storage/migrations/index.js';
import { currentSchema, migrateToLatest } from '../../src/storage/storage.js';
import { createTestSite, dialects, type TestSite } from '../helpers/sites.js';

async function schemaOf(site: TestSite): Promise<string | undefined> {
  return site.storage.capabilities.name === 'postgres' ? await currentSchema(site.storage.db) : undefined;
}

const appliedNames = async (site: TestSite) =>
  (
    await sql<{ name: string }>`select name from kysely_migration order by name`.execute(site.storage.db)
  ).rows.map((row) => row.name);

for (const dialect of dialects) {
  describe(`migrations on ${dialect.name}`, { skip: dialect.skip }, () => {
    test('a new site runs every migration once; opening it again applies none', async () => {
      const site = await createTestSite(dialect.name);
      try {
        const known = Object.keys(await migrationProvider.getMigrations()).sort();
        assert.deepEqual(await appliedNames(site), known);
        assert.deepEqual(await migrateToLatest(site.storage.db, await schemaOf(site)), []);
        const twin = await site.openTwin();
        await twin.close();
        assert.deepEqual(await appliedNames(site), known, 'nothing run twice');
      } finally {
        await site.destroy();
      }
    });

    test('a database that ran a migration this code lacks is refused by the Migrator', async () => {
      const site = await createTestSite(dialect.name);
      try {
        await sql`insert into kysely_migration (name, timestamp) values ('999-from-the-future', '2030-01-01T00:00:00.000Z')`.execute(
          site.storage.db,
        );
        await assert.rejects(migrateToLatest(site.storage.db, await schemaOf(site)), /999-from-the-future/);
      } finally {
        await site.destroy();
      }
    });
  });
}
