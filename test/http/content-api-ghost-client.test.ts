import assert from 'node:assert/strict';
import type { AddressInfo } from 'node:net';
import { after, before, describe, test } from 'node:test';
import GhostContentAPI from '@tryghost/content-api';
import { createContentApiKey } from '../../src/domain/content-api/content-api-keys.js';
import { systemActor } from '../../src/domain/staff/permissions.js';
import { aPublishedPost, anAuthor, aTag } from '../helpers/factories.js';
import { createTestApp, type TestApp } from '../helpers/http.js';
import { dialects } from '../helpers/sites.js';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** Ghost's own JS client (MIT, its axios over 127.0.0.1) against a listening server, unchanged. */
for (const dialect of dialects) {
  describe(`Ghost's Content API client on ${dialect.name}`, { skip: dialect.skip }, () => {
    let t: TestApp;
    let api: Json;
    before(async () => {
      t = await createTestApp(dialect.name);
      const ctx = t.site.ctx;
      const key = (await createContentApiKey(ctx, systemActor('test'), { name: 'Starter' })).secret;
      const author = await anAuthor(ctx, 'Client Author');
      const tag = await aTag(ctx, 'Client Tag');
      for (let i = 1; i <= 20; i++)
        await aPublishedPost(ctx, {
          title: `Client post ${i}`,
          slug: `client-post-${i}`,
          publishedAt: new Date(Date.UTC(2026, 1, i)).toISOString(),
          authorIds: [author.id],
          tagIds: i % 2 ? [tag.id] : [],
        });
      await aPublishedPost(ctx, { title: 'Colophon', slug: 'colophon', type: 'page' });
      await t.app.listen({ host: '127.0.0.1', port: 0 });
      const { port } = t.app.server.address() as AddressInfo;
      api = new GhostContentAPI({ url: `http://127.0.0.1:${port}`, key, version: 'v5.0' }) as unknown as Json;
    });
    after(async () => t?.destroy());

    test('posts: browse with the starters’ parameters, limit all, read by slug and id', async () => {
      const page = await api.posts.browse({ limit: 15, include: 'tags,authors', order: 'published_at DESC' });
      assert.equal(page.length, 15);
      assert.deepEqual(page.meta.pagination, {
        page: 1,
        limit: 15,
        pages: 2,
        total: 20,
        next: 2,
        prev: null,
      });
      assert.equal(page[0].slug, 'client-post-20');
      assert.equal(page[0].primary_author.slug, 'client-author');
      const all = await api.posts.browse({
        limit: 'all',
        include: 'tags,authors',
        formats: ['html', 'plaintext'],
      });
      assert.equal(all.length, 20, 'limit=all is never capped');
      assert.ok(all.every((p: Json) => typeof p.html === 'string' && typeof p.plaintext === 'string'));
      const filtered = await api.posts.browse({
        filter: "tag:client-tag+published_at:>'2026-02-15'",
        fields: 'id,slug,title',
      });
      assert.deepEqual(
        filtered.map((p: Json) => p.slug),
        ['client-post-19', 'client-post-17'],
      );
      assert.deepEqual(Object.keys(filtered[0]).sort(), ['id', 'slug', 'title']);
      const bySlug = await api.posts.read({ slug: 'client-post-3' }, { include: 'tags' });
      assert.equal(bySlug.title, 'Client post 3');
      assert.equal((await api.posts.read({ id: bySlug.id })).slug, 'client-post-3');
      await assert.rejects(
        api.posts.read({ slug: 'no-such-post' }),
        (e: Json) => e.response?.status === 404 || /not found/i.test(String(e.message)),
      );
      await assert.rejects(
        api.posts.browse({ filter: 'slug:[unclosed' }),
        (e: Json) => e.response?.status === 400 || /parsing filter/i.test(String(e.message)),
      );
    });

    test('pages, tags, authors, settings, tiers', async () => {
      assert.deepEqual(
        (await api.pages.browse()).map((p: Json) => p.slug),
        ['colophon'],
      );
      const tags = await api.tags.browse({ limit: 'all', include: 'count.posts' });
      assert.deepEqual(
        tags.map((x: Json) => [x.slug, x.count.posts]),
        [['client-tag', 10]],
      );
      assert.equal((await api.tags.read({ slug: 'client-tag' })).name, 'Client Tag');
      const authors = await api.authors.browse({ limit: 'all', include: 'count.posts' });
      assert.deepEqual(
        authors.map((x: Json) => [x.slug, x.count.posts]),
        [['client-author', 20]],
      );
      assert.equal((await api.authors.read({ slug: 'client-author' })).name, 'Client Author');
      const settings = await api.settings.browse();
      assert.equal(typeof settings.title, 'string');
      if (api.tiers) assert.equal((await api.tiers.browse())[0].type, 'free');
    });
  });
}
