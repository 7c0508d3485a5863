import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { visitor } from '../../src/domain/posts/post.types.js';
import { rebuildSearchIfEmpty } from '../../src/domain/search/index-posts.js';
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

    test('at start, an emptied index is rebuilt and a filled one is left alone', async () => {
      const site = await createTestSite(dialect.name);
      try {
        const ids = [
          await aPublishedPost(site.ctx, { title: 'Harbour dredging', text: 'Silt is moved.' }),
          await aPublishedPost(site.ctx, { title: 'Harbour lights', text: 'Lamps are lit.' }),
        ];
        assert.equal(await rebuildSearchIfEmpty(site.ctx), undefined, 'a filled index is not rebuilt');
        await site.ctx.repos.search.remove(ids.slice(0, 1));
        assert.equal(await rebuildSearchIfEmpty(site.ctx), undefined, 'a partial index is not rebuilt');
        await site.ctx.repos.search.remove(ids);
        assert.equal(await site.ctx.repos.search.isEmpty(), true);
        const progress: number[] = [];
        assert.equal(await rebuildSearchIfEmpty(site.ctx, (done) => progress.push(done)), 2);
        assert.deepEqual(progress, [2]);
        assert.equal((await searchPosts(site.ctx, { viewer: visitor, q: 'harbour' })).total, 2);
      } finally {
        await site.destroy();
      }
    });
  });
}
