import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { loadConfig } from '../../src/config/config.js';
import { createPost, updatePost } from '../../src/domain/posts/save-post.js';
import { buildApp, type BuiltApp } from '../../src/http/app.js';
import { openSite, type Site } from '../../src/main.js';
import { createSchema, dropSchema } from '../../src/storage/dialects/postgres.js';
import { dialects, postgresUrl } from '../helpers/sites.js';

const postgres = dialects.find((d) => d.name === 'postgres')!;

async function eventually(check: () => Promise<boolean>, timeoutMs = 60_000): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check()) return true;
    await new Promise((r) => setTimeout(r, 25));
  }
  return false;
}

describe('two processes on one PostgreSQL database', { skip: postgres.skip }, () => {
  const schema = `t_shared_${process.pid}`;
  const dataDir = mkdtempSync(join(tmpdir(), 'broadsheet-shared-'));
  let writer: Site;
  let reader: Site;
  let readerApp: BuiltApp;

  before(async () => {
    if (!postgresUrl) throw new Error('CI must run the PostgreSQL tests: set BROADSHEET_TEST_POSTGRES_URL');
    await createSchema(postgresUrl, schema);
    const config = loadConfig({
      BROADSHEET_DATA_DIR: dataDir,
      DATABASE_URL: postgresUrl!,
      LOG_LEVEL: 'silent',
    });
    writer = await openSite(config, { postgresSchema: schema });
    reader = await openSite(config, { postgresSchema: schema });
    readerApp = await buildApp(reader);
  });
  after(async () => {
    await readerApp?.app.close();
    await reader?.close();
    await writer?.close();
    await dropSchema(postgresUrl!, schema);
    rmSync(dataDir, { recursive: true, force: true });
  });

  test("a change made by one process shows at once on the other's cached pages", async () => {
    const id = await createPost(writer.ctx, { title: 'First version', status: 'published', slug: 'shared' });
    const page = () => readerApp.app.inject({ method: 'GET', url: '/shared/' });
    assert.match((await page()).body, /First version/);
    assert.match((await page()).body, /First version/, 'served from the cache');
    assert.ok(readerApp.cache.size > 0);
    await updatePost(writer.ctx, id, { title: 'Second version' });
    assert.ok(
      await eventually(async () => /Second version/.test((await page()).body)),
      'the reader saw the change',
    );
  });

  test('the NOTIFY message carries what to drop: the other process keeps pages the change is not on', async () => {
    const heard = reader.events.changeCount;
    await createPost(writer.ctx, { title: 'Unrelated page', status: 'published', slug: 'unrelated' });
    assert.ok(
      await eventually(async () => reader.events.changeCount > heard),
      'the reader heard the first change',
    );
    const get = (url: string) => readerApp.app.inject({ method: 'GET', url });
    await get('/unrelated/');
    await get('/');
    assert.ok(readerApp.cache.has('/unrelated/') && readerApp.cache.has('/'));
    await createPost(writer.ctx, { title: 'Breaking news', status: 'published', slug: 'breaking' });
    assert.ok(await eventually(async () => !readerApp.cache.has('/')), 'the home page was dropped');
    assert.ok(readerApp.cache.has('/unrelated/'), 'the unrelated page stayed cached');
    assert.match((await get('/')).body, /Breaking news/);
  });
});
