import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createContentApiKey } from '../../src/domain/content-api/content-api-keys.js';
import { createPost } from '../../src/domain/posts/save-post.js';
import { documentFromText } from '../../src/domain/posts/editor-document.js';
import { systemActor } from '../../src/domain/staff/permissions.js';
import { createTag } from '../../src/domain/taxonomy/tags.js';
import { testAdministrator } from '../helpers/actors.js';
import { aPublishedPost, anAuthor, anImage, aTag } from '../helpers/factories.js';
import { createTestApp, type TestApp } from '../helpers/http.js';
import { dialects } from '../helpers/sites.js';
import {
  ghostPostKeys,
  ghostTagKeys,
  ghostAuthorKeys,
  ghostSettingsKeys,
} from '../fixtures/ghost-content-api/shapes.js';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

for (const dialect of dialects) {
  describe(`the Content API on ${dialect.name}`, { skip: dialect.skip }, () => {
    let t: TestApp;
    let key: string;
    const ids: Record<string, string> = {};
    const api = (path: string, params: Record<string, string> = {}, headers: Record<string, string> = {}) => {
      const query = new URLSearchParams({ key, ...params }).toString();
      return t.get(`/ghost/api/content${path}?${query}`, headers);
    };
    const json = async (path: string, params: Record<string, string> = {}) => {
      const res = await api(path, params);
      assert.equal(res.statusCode, 200, `${path} ${JSON.stringify(params)}: ${res.body}`);
      return res.json() as Json;
    };
    const slugsOf = (body: Json) => (body.posts as Json[]).map((p) => p.slug as string);

    before(async () => {
      t = await createTestApp(dialect.name);
      const ctx = t.site.ctx;
      key = (await createContentApiKey(ctx, systemActor('test'), { name: 'Front end' })).secret;
      const ada = await anAuthor(ctx, 'Ada Writer');
      const bo = await anAuthor(ctx, 'Bo Reporter');
      const news = await aTag(ctx, 'News');
      const sport = await aTag(ctx, 'Sport');
      const hidden = await createTag(ctx, testAdministrator, {
        name: '#hidden',
        slug: 'hash-hidden',
        kind: 'topic',
      });
      const image = await anImage(ctx, {
        alt: 'Harbour at dawn',
        caption: 'The harbour',
        credit: 'Foto NTB',
      });
      Object.assign(ids, { ada: ada.id, bo: bo.id, news: news.id, sport: sport.id });
      for (let i = 1; i <= 12; i++)
        await aPublishedPost(ctx, {
          title: `Harbour report ${String(i).padStart(2, '0')}`,
          slug: `report-${i}`,
          publishedAt: new Date(Date.UTC(2026, 0, i)).toISOString(),
          authorIds: [i % 2 ? ada.id : bo.id],
          tagIds: i <= 4 ? [hidden.id, news.id, sport.id] : i <= 8 ? [sport.id] : [],
          isFeatured: i === 3,
        });
      const lead = await aPublishedPost(ctx, {
        title: 'The lead story',
        slug: 'lead-story',
        standfirst: 'A standfirst',
        publishedAt: '2026-02-01T10:00:00.000Z',
        authorIds: [bo.id, ada.id],
        tagIds: [news.id],
        featuredImage: { mediaId: image.id, alt: null, caption: null, credit: null },
        metaTitle: 'Meta title',
        text: 'Word '.repeat(600),
      });
      ids.lead = lead;
      const draft = await createPost(ctx, {
        title: 'Secret draft',
        slug: 'secret-draft',
        authorIds: [ada.id],
        tagIds: [news.id],
        body: documentFromText('not yet'),
      });
      ids.draft = draft;
      await aPublishedPost(ctx, { title: 'About us', slug: 'about', type: 'page' });
    });
    after(async () => t?.destroy());

    test('no key is 403, an unknown key 401, both in Ghost’s envelope, and wrong keys are counted', async () => {
      const none = await t.get('/ghost/api/content/posts/');
      assert.equal(none.statusCode, 403);
      assert.equal(none.json().errors[0].type, 'NoPermissionError');
      const wrong = await t.get('/ghost/api/content/posts/?key=0123456789abcdef0123456789');
      assert.equal(wrong.statusCode, 401);
      const error = wrong.json().errors[0];
      assert.equal(error.type, 'UnauthorizedError');
      for (const field of ['message', 'context', 'details', 'property', 'help', 'code', 'id'])
        assert.ok(field in error, field);
      let last = wrong;
      for (let i = 0; i < 40 && last.statusCode !== 429; i++)
        last = await t.get(`/ghost/api/content/tags/?key=${'f'.repeat(26)}`, {});
      assert.equal(last.statusCode, 429);
      assert.equal(last.json().errors[0].type, 'TooManyRequestsError');
      assert.ok(last.headers['retry-after']);
      assert.equal((await api('/posts/')).statusCode, 200, 'a right key still reads');
    });

    test('posts browse: Ghost’s envelope, every field present, null rather than missing', async () => {
      const body = await json('/posts/', { include: 'tags,authors', limit: '5' });
      assert.deepEqual(Object.keys(body), ['posts', 'meta']);
      assert.deepEqual(body.meta.pagination, { page: 1, limit: 5, pages: 3, total: 13, next: 2, prev: null });
      const lead = body.posts[0] as Json;
      for (const k of ghostPostKeys) assert.ok(k in lead, `post field ${k}`);
      assert.equal(lead.slug, 'lead-story');
      assert.equal(lead.url, 'https://news.example/lead-story/');
      assert.match(lead.uuid, /^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      assert.match(lead.feature_image, /^https:\/\/news\.example\//);
      assert.equal(lead.feature_image_alt, 'Harbour at dawn');
      assert.equal(lead.feature_image_caption, 'The harbour <span class="credit">Foto NTB</span>');
      assert.equal(lead.reading_time, 2);
      assert.equal(lead.custom_excerpt, 'A standfirst');
      assert.equal(lead.meta_title, 'Meta title');
      assert.equal(lead.og_image, null);
      assert.equal(lead.primary_author.slug, 'bo-reporter');
      assert.equal(lead.authors.length, 2);
      for (const k of ghostAuthorKeys) assert.ok(k in lead.primary_author, `author field ${k}`);
      for (const k of ghostTagKeys) assert.ok(k in lead.primary_tag, `tag field ${k}`);
      assert.ok(!('plaintext' in lead), 'plaintext only on request');
      assert.ok(!JSON.stringify(body).includes('@example.test'), 'no email leaves');
      const withoutIncludes = (await json('/posts/', { limit: '1' })).posts[0] as Json;
      assert.ok(!('tags' in withoutIncludes) && !('authors' in withoutIncludes));
      const report = (await json('/posts/slug/report-1/', { include: 'tags' })).posts[0] as Json;
      assert.deepEqual(
        report.tags.map((tag: Json) => tag.slug),
        ['news', 'sport'],
        'internal tags never leave',
      );
      assert.equal(report.primary_tag.slug, 'news');
    });

    test('reads by id and slug are one-element arrays; drafts are never found', async () => {
      const bySlug = await json('/posts/slug/lead-story/');
      assert.equal(bySlug.posts.length, 1);
      assert.ok(!('meta' in bySlug));
      assert.equal((await json(`/posts/${ids.lead}/`)).posts[0].slug, 'lead-story');
      for (const path of [`/posts/${ids.draft}/`, '/posts/slug/secret-draft/', '/pages/slug/lead-story/']) {
        const res = await api(path);
        assert.equal(res.statusCode, 404, path);
        assert.equal(res.json().errors[0].type, 'NotFoundError');
      }
      for (const filter of [
        'slug:secret-draft',
        'status:draft',
        'status:-published',
        'id:' + ids.draft,
        "title:~'secret'",
        'slug:secret-draft,slug:lead-story',
      ])
        assert.ok(!slugsOf(await json('/posts/', { filter, limit: 'all' })).includes('secret-draft'), filter);
      assert.deepEqual(
        (await json('/pages/')).pages.map((p: Json) => p.slug),
        ['about'],
      );
    });

    test('formats, fields, limit=all and pages', async () => {
      const both = (await json('/posts/slug/report-1/', { formats: 'html,plaintext' })).posts[0] as Json;
      assert.match(both.html, /Some body text/);
      assert.equal(both.plaintext.trim(), 'Some body text for this post.');
      const plain = (await json('/posts/slug/report-1/', { formats: 'plaintext' })).posts[0] as Json;
      assert.ok(!('html' in plain));
      const few = await json('/posts/', { fields: 'id,title,slug', limit: '2' });
      assert.deepEqual(Object.keys(few.posts[0]), ['id', 'title', 'slug']);
      const all = await json('/posts/', { limit: 'all' });
      assert.equal(all.posts.length, 13);
      assert.deepEqual(all.meta.pagination, {
        page: 1,
        limit: 'all',
        pages: 1,
        total: 13,
        next: null,
        prev: null,
      });
      const page3 = await json('/posts/', { limit: '5', page: '3' });
      assert.deepEqual(slugsOf(page3), ['report-3', 'report-2', 'report-1']);
      assert.deepEqual(
        { ...page3.meta.pagination },
        { page: 3, limit: 5, pages: 3, total: 13, next: null, prev: 2 },
      );
      assert.equal((await json('/posts/', { page: '9' })).posts.length, 0);
      const bad: Record<string, string>[] = [
        { limit: '0' },
        { limit: 'lots' },
        { page: '-1' },
        { include: 'secrets' },
        { formats: 'mobiledoc' },
        { order: 'password asc' },
        { order: 'title sideways' },
        { unknown: '1' },
      ];
      for (const params of bad) {
        const res = await api('/posts/', params);
        assert.equal(res.statusCode, 400, JSON.stringify(params));
        assert.equal(res.json().errors[0].type, 'BadRequestError');
      }
    });

    test('order: several keys, any case', async () => {
      assert.deepEqual(slugsOf(await json('/posts/', { order: 'title ASC', limit: '2' })), [
        'report-1',
        'report-2',
      ]);
      assert.deepEqual(
        slugsOf(await json('/posts/', { order: 'featured desc, published_at asc', limit: '2' })),
        ['report-3', 'report-1'],
      );
      assert.deepEqual(slugsOf(await json('/posts/', { order: 'published_at', limit: '1' })), ['report-1']);
    });

    test('every NQL operator', async () => {
      const slugs = async (filter: string) => slugsOf(await json('/posts/', { filter, limit: 'all' })).sort();
      const reports = (...n: number[]) => n.map((i) => `report-${i}`).sort();
      assert.deepEqual(await slugs('slug:report-2'), reports(2));
      assert.deepEqual(await slugs('featured:true'), reports(3));
      assert.deepEqual((await slugs('featured:false')).length, 12);
      assert.deepEqual(await slugs("published_at:<'2026-01-03'"), reports(1, 2));
      assert.deepEqual(await slugs("published_at:<='2026-01-03 00:00:00'"), reports(1, 2, 3));
      assert.deepEqual(
        await slugs("published_at:>'2026-01-11T00:00:00Z'+published_at:<'2026-01-31'"),
        reports(12),
      );
      assert.deepEqual(await slugs("published_at:>='2026-01-12'"), ['lead-story', 'report-12']);
      assert.deepEqual(await slugs('slug:[report-1,report-2]'), reports(1, 2));
      assert.deepEqual((await slugs('slug:-[report-1,report-2]')).length, 11);
      assert.deepEqual((await slugs('slug:-report-1')).length, 12);
      assert.deepEqual(await slugs("title:~'REPORT 1'"), reports(10, 11, 12));
      assert.deepEqual(await slugs("title:~^'The'"), ['lead-story']);
      assert.deepEqual(await slugs("title:~$'07'"), reports(7));
      assert.deepEqual(await slugs('tag:news'), ['lead-story', ...reports(1, 2, 3, 4)].sort());
      assert.deepEqual(await slugs('tags:[news]+tag:-sport'), ['lead-story']);
      assert.deepEqual(await slugs('primary_tag:sport'), reports(5, 6, 7, 8));
      assert.deepEqual(await slugs('tags.slug:hash-hidden'), reports(1, 2, 3, 4));
      assert.deepEqual(
        await slugs('primary_author:bo-reporter+tag:news'),
        ['lead-story', ...reports(2, 4)].sort(),
      );
      assert.deepEqual((await slugs('author:ada-writer')).length, 7);
      assert.deepEqual((await slugs('authors.slug:ada-writer')).length, 7);
      assert.deepEqual(await slugs('(slug:report-1,slug:report-2)+featured:false'), reports(1, 2));
      assert.deepEqual(await slugs('slug:report-1,(tag:news+featured:true)'), reports(1, 3));
      assert.deepEqual((await slugs('visibility:public')).length, 13);
      assert.deepEqual(await slugs(`id:${ids.lead}`), ['lead-story']);
    });

    test('hostile filters are 400 in Ghost’s envelope, never a 500', async () => {
      const hostile = [
        '('.repeat(50) + 'slug:a' + ')'.repeat(50),
        'slug:' + 'a'.repeat(5000),
        Array.from({ length: 200 }, (_, i) => `slug:s${i}`).join(','),
        "slug:'x' or 1=1 --",
        "slug:x'; drop table posts; --",
        'password:secret',
        'email:a@b.c',
        'slug',
        'slug:',
        'slug:[a,b',
        "slug:'unclosed",
        '(slug:a',
        'slug:a)',
        'published_at:>yesterday',
        'featured:maybe',
        'slug:~5',
        '+',
        ',,',
        'tag:[' + Array.from({ length: 150 }, (_, i) => `t${i}`).join(',') + ']',
        '\u0000slug:a',
      ];
      for (const filter of hostile) {
        const res = await api('/posts/', { filter });
        assert.equal(res.statusCode, 400, `${filter.slice(0, 60)}: ${res.body.slice(0, 200)}`);
        assert.equal(res.json().errors[0].type, 'BadRequestError');
      }
      // Quotes in a value are data, not SQL.
      assert.deepEqual(slugsOf(await json('/posts/', { filter: "title:'x\\' or \\'1\\'=\\'1'" })), []);
      assert.deepEqual(slugsOf(await json('/posts/', { filter: "title:~'%'" })), []);
      assert.equal((await api('/posts/')).statusCode, 200, 'posts are still there');
    });

    test('tags and authors: public only, count.posts of published posts, by slug and id', async () => {
      const tags = await json('/tags/', { include: 'count.posts', limit: 'all' });
      assert.deepEqual(
        tags.tags.map((x: Json) => [x.slug, x.count.posts]),
        [
          ['news', 5],
          ['sport', 8],
        ],
      );
      for (const k of ghostTagKeys) assert.ok(k in tags.tags[0], k);
      assert.equal(tags.meta.pagination.total, 2);
      assert.equal((await api('/tags/slug/hash-hidden/')).statusCode, 404);
      assert.equal((await json(`/tags/${ids.sport}/`)).tags[0].slug, 'sport');
      assert.ok(!('count' in (await json('/tags/slug/news/')).tags[0]));
      const authors = await json('/authors/', { include: 'count.posts', order: 'slug desc' });
      assert.deepEqual(
        authors.authors.map((x: Json) => [x.slug, x.count.posts]),
        [
          ['bo-reporter', 7],
          ['ada-writer', 7],
        ],
      );
      for (const k of ghostAuthorKeys) assert.ok(k in authors.authors[0], k);
      assert.equal(
        (await json('/authors/slug/ada-writer/', { include: 'count.posts' })).authors[0].count.posts,
        7,
      );
      assert.deepEqual(
        (await json('/tags/', { filter: 'slug:[sport]' })).tags.map((x: Json) => x.slug),
        ['sport'],
      );
      assert.equal((await api('/tags/', { filter: 'slug:' })).statusCode, 400);
    });

    test('settings, newsletters and the free tier', async () => {
      const settings = await json('/settings/');
      for (const k of ghostSettingsKeys) assert.ok(k in settings.settings, k);
      assert.equal(settings.settings.url, 'https://news.example/');
      assert.deepEqual(settings.meta, {});
      const tiers = await json('/tiers/');
      assert.equal(tiers.tiers[0].type, 'free');
      assert.equal(tiers.meta.pagination.total, 1);
      const newsletters = await json('/newsletters/');
      assert.ok(Array.isArray(newsletters.newsletters));
    });

    test('CORS, Content-Version, ETag and 304, the older prefixes', async () => {
      const res = await api('/posts/', {}, { 'accept-version': 'v5.0' });
      assert.equal(res.headers['access-control-allow-origin'], '*');
      assert.equal(res.headers['content-version'], 'v5.0');
      const etag = String(res.headers.etag);
      assert.ok(etag.length > 4);
      const again = await api('/posts/', {}, { 'if-none-match': etag });
      assert.equal(again.statusCode, 304);
      assert.equal(again.body, '');
      assert.equal((await api('/posts/', { limit: '2' }, { 'if-none-match': etag })).statusCode, 200);
      const preflight = await t.app.inject({
        method: 'OPTIONS',
        url: '/ghost/api/content/posts/',
        headers: { origin: 'https://elsewhere.example', 'access-control-request-method': 'GET' },
      });
      assert.equal(preflight.statusCode, 204);
      assert.equal(preflight.headers['access-control-allow-origin'], '*');
      for (const prefix of ['v2', 'v3', 'v4']) {
        const old = await t.get(`/ghost/api/${prefix}/content/posts/slug/lead-story/?key=${key}`);
        assert.equal(old.statusCode, 200, prefix);
      }
      const unknown = await api('/nothing-here/');
      assert.equal(unknown.statusCode, 404);
      assert.equal(unknown.json().errors[0].type, 'NotFoundError');
    });
  });
}
