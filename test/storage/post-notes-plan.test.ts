import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { CompiledQuery, sql } from 'kysely';
import { listedNotesQuery } from '../../src/storage/repositories/post-note.repository.js';
import { createTestSite, dialects, type TestSite } from '../helpers/sites.js';

/*
 * `/corrections/` reads one range of `post_notes_listing_idx` whatever the size of the site: the
 * plan of the page query, first page and after a cursor, on both databases (PostgreSQL asked to
 * avoid sequential scans, which it prefers on a small table).
 */

const queries = [
  { language: 'en', kind: 'correction' as const, before: null, limit: 21 },
  {
    language: 'en',
    kind: 'correction' as const,
    before: { createdAt: '2026-01-01T00:00:00.000Z', id: '0123456789abcdef01234567' },
    limit: 21,
  },
];

for (const dialect of dialects) {
  describe(`the corrections list's plan on ${dialect.name}`, { skip: dialect.skip }, () => {
    let site: TestSite;
    before(async () => {
      site = await createTestSite(dialect.name);
    });
    after(async () => site?.destroy());

    test('walks the listing index, never the whole table', async () => {
      const db = site.storage.db;
      for (const query of queries) {
        const compiled = listedNotesQuery(db, query).compile();
        const text = await explain(site, compiled.sql, compiled.parameters as unknown[], dialect.name);
        assert.match(text, /post_notes_listing_idx/, text);
        assert.doesNotMatch(text, /SCAN post_notes(?! USING)|Seq Scan on post_notes/, text);
        assert.doesNotMatch(text, /TEMP B-TREE FOR ORDER BY|Sort\b/, `no sort of the matches: ${text}`);
      }
    });
  });
}

async function explain(
  site: TestSite,
  query: string,
  parameters: unknown[],
  dialect: string,
): Promise<string> {
  const db = site.storage.db;
  if (dialect === 'sqlite') {
    const plan = await db.executeQuery<{ detail: string }>(
      CompiledQuery.raw(`explain query plan ${query}`, parameters),
    );
    return plan.rows.map((r) => r.detail).join('\n');
  }
  return db.transaction().execute(async (trx) => {
    await sql`set local enable_seqscan = off`.execute(trx);
    const plan = await trx.executeQuery<{ 'QUERY PLAN': string }>(
      CompiledQuery.raw(`explain ${query}`, parameters),
    );
    return plan.rows.map((r) => r['QUERY PLAN']).join('\n');
  });
}
