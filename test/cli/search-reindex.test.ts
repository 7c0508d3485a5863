import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { visitor } from '../../src/domain/posts/post.types.js';
import { indexPosts, resumeSearchRebuild } from '../../src/domain/search/index-posts.js';
import { searchPosts } from '../../src/domain/search/search-posts.js';
import { aPublishedPost } from '../helpers/factories.js';
import { createTestSite, dialects, postgresUrl } from '../helpers/sites.js';

const bin = join(import.meta.dirname, '..', '..', 'bin', 'broadsheet.mjs');

for (const dialect of dialects) {
  describe(`broadsheet search reindex on ${dialect.name}`, { skip: dialect.skip }, () => {
    test('rebuilds an emptied index from the posts, in batches', async () => {
      const site = await createTestSite(dialect.name);
      try {
        const ids: string[] = [];
        for (let i = 0; i < 7; i++)
          ids.push(
            await aPublishedPost(site.ctx, { title: `Ferry timetable ${i}`, text: 'Crossings resume.' }),
          );
        await site.ctx.repos.search.remove(ids);
        const found = async () =>
          (await searchPosts(site.ctx, { viewer: visitor, q: 'ferry crossings' })).total;
        assert.equal(await found(), 0);
        const schema =
          dialect.name === 'postgres'
            ? (
                await site.storage.db
                  .selectNoFrom((eb) => eb.fn<string>('current_schema', []).as('s'))
                  .executeTakeFirstOrThrow()
              ).s
            : '';
        const result = spawnSync(process.execPath, [bin, 'search', 'reindex'], {
          encoding: 'utf8',
          timeout: 60_000,
          env: {
            ...process.env,
            BROADSHEET_DATA_DIR: site.dataDir,
            LOG_LEVEL: 'silent',
            ...(dialect.name === 'postgres'
              ? { DATABASE_URL: `${postgresUrl}?options=${encodeURIComponent(`-c search_path=${schema}`)}` }
              : {}),
          },
        });
        assert.equal(result.status, 0, result.stderr);
        assert.match(result.stdout, /Indexed 7 posts/);
        assert.equal(await found(), 7);
        assert.equal(spawnSync(process.execPath, [bin, 'search', 'rebuild'], { encoding: 'utf8' }).status, 2);
      } finally {
        await site.destroy();
      }
    });

    test('at start, the rebuild an upgrade asked for runs, and resumes from its cursor after a kill', async () => {
      const site = await createTestSite(dialect.name);
      try {
        const ids: string[] = [];
        for (const title of ['Harbour dredging', 'Harbour lights', 'Harbour pilots'])
          ids.push(await aPublishedPost(site.ctx, { title, text: 'At the quay.' }));
        assert.equal(await resumeSearchRebuild(site.ctx), undefined, 'no rebuild is due');
        // What migration 023 leaves: an emptied index and a cursor before the first post.
        await site.ctx.repos.search.remove(ids);
        await site.storage.db.insertInto('search_rebuild').values({ id: 1, after: null }).execute();
        // A run killed after its first batch: the first post is indexed and the cursor moved past it.
        const [first, ...rest] = [...ids].sort();
        await site.ctx.repos.transaction(async (trx) => {
          await indexPosts(trx, [first!]);
          await trx.search.recordRebuild({ after: first! });
        });
        const progress: number[] = [];
        assert.equal(await resumeSearchRebuild(site.ctx, (done) => progress.push(done)), rest.length);
        assert.deepEqual(progress, [rest.length]);
        assert.equal(await site.ctx.repos.search.rebuildCursor(), undefined, 'the rebuild is over');
        assert.equal((await searchPosts(site.ctx, { viewer: visitor, q: 'harbour' })).total, 3);
      } finally {
        await site.destroy();
      }
    });
  });
}
