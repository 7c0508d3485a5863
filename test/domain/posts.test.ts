import assert from 'node:assert/strict';
import { systemActor } from '../../src/domain/staff/permissions.js';
import { after, before, describe, test } from 'node:test';
import { documentFromText } from '../../src/domain/posts/editor-document.js';
import { visitor } from '../../src/domain/posts/post.types.js';
import {
  getPostBySlug,
  getRelatedPosts,
  getTranslations,
  listPosts,
} from '../../src/domain/posts/read-posts.js';
import { drainRelatedJobs } from '../../src/domain/posts/related-job.js';
import { createPost, publishDuePosts, updatePost } from '../../src/domain/posts/save-post.js';
import { DomainError } from '../../src/domain/shared/errors.js';
import { createPromotion, promotionsBySlot } from '../../src/domain/promos/promotions.js';
import { createStaff, updateStaff } from '../../src/domain/staff/staff.js';
import { createTag } from '../../src/domain/taxonomy/tags.js';
import { aPublishedPost, aTag, anAuthor, anImage } from '../helpers/factories.js';
import { createTestSite, dialects, type TestSite } from '../helpers/sites.js';
import { testAdministrator } from '../helpers/actors.js';

const staffViewer = { kind: 'staff', staffId: 'x', role: 'editor' } as const;

for (const dialect of dialects) {
  describe(`posts on ${dialect.name}`, { skip: dialect.skip }, () => {
    let site: TestSite;
    before(async () => {
      site = await createTestSite(dialect.name);
    });
    after(async () => site?.destroy());

    test('a post keeps its authors in order, tags, sources and featured image overrides', async () => {
      const { ctx } = site;
      const [first, second] = [await anAuthor(ctx, 'Ada First'), await anAuthor(ctx, 'Bo Second')];
      const tag = await aTag(ctx, 'Human rights');
      const image = await anImage(ctx, { caption: 'Library caption', credit: 'Library credit' });
      const id = await createPost(ctx, {
        title: 'Blåbær og æøå – a “quoted” title',
        status: 'published',
        authorIds: [second.id, first.id],
        tagIds: [tag.id],
        featuredImage: { mediaId: image.id, caption: 'Placed caption', credit: 'Photo: Getty' },
        body: documentFromText('First paragraph.\n\nSecond <script>alert(1)</script> paragraph.'),
        sources: [
          {
            publisher: 'The Ledger',
            title: 'Report',
            url: 'https://ledger.example/report',
            note: 'casualty figures',
          },
          { publisher: 'Rights Watch', url: 'https://rights.example/r' },
        ],
      });
      const post = await getPostBySlug(ctx, 'blabaer-og-aeoa-a-quoted-title', visitor);
      assert.ok(post, 'published post is visible by its derived slug');
      assert.equal(post.id, id);
      assert.deepEqual(
        post.authors.map((a) => a.name),
        ['Bo Second', 'Ada First'],
      );
      assert.deepEqual(
        post.tags.map((t) => t.slug),
        ['human-rights'],
      );
      assert.deepEqual(
        post.sources.map((s) => [s.publisher, s.url, s.note]),
        [
          ['The Ledger', 'https://ledger.example/report', 'casualty figures'],
          ['Rights Watch', 'https://rights.example/r', ''],
        ],
      );
      assert.equal(post.featuredImage?.caption, 'Placed caption');
      assert.equal(post.featuredImage?.credit, 'Photo: Getty');
      assert.equal(post.featuredImage?.alt, 'A test picture');
      assert.ok(post.featuredImage!.variants.some((v) => v.format === 'avif'));
      assert.match(post.bodyHtml, /<p>Second &lt;script&gt;alert\(1\)&lt;\/script&gt; paragraph\.<\/p>/);
      assert.ok(post.publishedAt, 'publishing sets the publish time');
    });

    test('drafts and scheduled posts are hidden from visitors but visible to staff', async () => {
      const { ctx } = site;
      await createPost(ctx, { title: 'Secret draft', status: 'draft' });
      await createPost(ctx, {
        title: 'Tomorrow',
        status: 'scheduled',
        publishedAt: new Date(Date.now() + 86_400_000).toISOString(),
      });
      assert.equal(await getPostBySlug(ctx, 'secret-draft', visitor), undefined);
      assert.equal(await getPostBySlug(ctx, 'tomorrow', visitor), undefined);
      assert.ok(await getPostBySlug(ctx, 'secret-draft', staffViewer));
      const visible = await listPosts(ctx, { viewer: visitor, limit: 100 });
      assert.ok(visible.posts.every((p) => p.status === 'published'));
    });

    test('a scheduled post goes live once its time has passed', async () => {
      const { ctx } = site;
      const id = await createPost(ctx, {
        title: 'Soon',
        status: 'scheduled',
        publishedAt: new Date(Date.now() + 60_000).toISOString(),
      });
      assert.equal(await publishDuePosts(ctx, systemActor('test')), 0);
      const later = { now: () => new Date(Date.now() + 120_000) };
      assert.equal(await publishDuePosts({ ...ctx, clock: later }, systemActor('test')), 1);
      assert.equal((await getPostBySlug(ctx, 'soon', visitor))?.id, id);
    });

    test('scheduling in the past, bad URLs and empty titles are refused with every problem named', async () => {
      const { ctx } = site;
      await assert.rejects(
        createPost(ctx, { title: 'Late', status: 'scheduled', publishedAt: '2001-01-01T00:00:00Z' }),
        (e: DomainError) => e.code === 'VALIDATION' && e.details.some((d) => d.property === 'publishedAt'),
      );
      await assert.rejects(
        createPost(ctx, { title: '   ', sources: [{ publisher: 'X', url: 'javascript:alert(1)' }] }),
        (e: DomainError) =>
          e.code === 'VALIDATION' &&
          e.details.some((d) => d.property === 'title') &&
          e.details.some((d) => d.property === 'sources.0.url'),
      );
    });

    test('slugs are unique: derived ones get a suffix, an explicit duplicate is a conflict', async () => {
      const { ctx } = site;
      await aPublishedPost(ctx, { title: 'Same title' });
      await aPublishedPost(ctx, { title: 'Same title' });
      assert.ok(await getPostBySlug(ctx, 'same-title-2', visitor));
      const id = await aPublishedPost(ctx, { title: 'Other' });
      await assert.rejects(
        updatePost(ctx, id, { slug: 'same-title' }),
        (e: DomainError) => e.code === 'CONFLICT',
      );
    });

    test('pagination lists only visible posts and pages are separate from posts', async () => {
      const { ctx } = site;
      await createPost(ctx, { title: 'About us', type: 'page', status: 'published' });
      const all = await listPosts(ctx, { viewer: visitor, limit: 2 });
      assert.equal(all.posts.length, 2);
      assert.equal(all.pagination.next, 2);
      assert.ok(all.posts.every((p) => p.type === 'post'));
      const pages = await listPosts(ctx, { viewer: visitor, type: 'page' });
      assert.deepEqual(
        pages.posts.map((p) => p.slug),
        ['about-us'],
      );
    });

    test('related posts come from shared words and tags, never the post itself or a draft', async () => {
      const { ctx } = site;
      const tag = await aTag(ctx, 'Fisheries');
      const a = await aPublishedPost(ctx, {
        title: 'Cod quotas in the northern fisheries',
        tagIds: [tag.id],
        text: 'Cod quotas, trawlers and fisheries policy in the north.',
      });
      await aPublishedPost(ctx, {
        title: 'Trawlers protest cod quotas',
        tagIds: [tag.id],
        text: 'Trawlers and fishermen protest the cod quotas and fisheries rules.',
      });
      await createPost(ctx, {
        title: 'Draft about cod quotas and trawlers',
        status: 'draft',
        tagIds: [tag.id],
        body: documentFromText('cod quotas trawlers fisheries'),
      });
      await aPublishedPost(ctx, {
        title: 'Opera season opens',
        text: 'Singers and violins at the opera house.',
      });
      await drainRelatedJobs(ctx);
      const post = (await getPostBySlug(ctx, 'cod-quotas-in-the-northern-fisheries', visitor))!;
      assert.equal(post.id, a);
      const related = await getRelatedPosts(ctx, post, visitor);
      assert.equal(related[0]?.slug, 'trawlers-protest-cod-quotas');
      assert.ok(related.every((r) => r.id !== a && r.status === 'published'));
      assert.ok(!related.some((r) => r.slug === 'opera-season-opens'));
    });

    test('translations are linked in one group', async () => {
      const { ctx } = site;
      const en = await aPublishedPost(ctx, { title: 'Winter roads', language: 'en' });
      await aPublishedPost(ctx, { title: 'Vinterveier', language: 'nb', translationOf: en });
      const post = (await getPostBySlug(ctx, 'winter-roads', visitor))!;
      const translations = await getTranslations(ctx, post, visitor);
      assert.deepEqual(
        translations.map((t) => [t.slug, t.language]),
        [['vinterveier', 'nb']],
      );
    });

    test('every change tells the caches', async () => {
      const before = site.events.changeCount;
      await aPublishedPost(site.ctx);
      assert.ok(site.events.changeCount > before);
    });
  });
}

for (const dialect of dialects) {
  describe(`staff, tags and promotions on ${dialect.name}`, { skip: dialect.skip }, () => {
    let site: TestSite;
    before(async () => {
      site = await createTestSite(dialect.name);
    });
    after(async () => site?.destroy());

    test('a second staff member cannot take an email in use, on create or update', async () => {
      const first = await anAuthor(site.ctx, 'Una One');
      const second = await anAuthor(site.ctx, 'Tor Two');
      await assert.rejects(
        createStaff(site.ctx, { name: 'X', email: first.email.toUpperCase() }),
        (e: DomainError) => e.code === 'CONFLICT',
      );
      await assert.rejects(
        updateStaff(site.ctx, second.id, { email: first.email }),
        (e: DomainError) => e.code === 'CONFLICT',
      );
      await assert.rejects(
        updateStaff(site.ctx, second.id, { photoMediaId: 'nope' }),
        (e: DomainError) => e.code === 'VALIDATION',
      );
      assert.equal(
        (await updateStaff(site.ctx, second.id, { bio: 'Writes about ports.' })).bio,
        'Writes about ports.',
      );
    });

    test('tags keep their kind; explicit duplicate slugs conflict', async () => {
      const tag = await createTag(site.ctx, testAdministrator, { name: 'Oslo', kind: 'place' });
      assert.equal(tag.kind, 'place');
      await assert.rejects(
        createTag(site.ctx, testAdministrator, { name: 'Other', slug: 'oslo' }),
        (e: DomainError) => e.code === 'CONFLICT',
      );
      await assert.rejects(
        createTag(site.ctx, testAdministrator, { name: 'Bad', kind: 'planet' as never }),
        (e: DomainError) => e.code === 'VALIDATION',
      );
    });

    test('promotions need a title, a safe link and a label; they are listed per slot and language', async () => {
      await assert.rejects(
        createPromotion(site.ctx, testAdministrator, {
          title: '',
          linkUrl: 'javascript:alert(1)',
          ctaLabel: '',
          slot: 'sidebar',
        }),
        (e: DomainError) =>
          ['title', 'linkUrl', 'ctaLabel'].every((p) => e.details.some((d) => d.property === p)),
      );
      await assert.rejects(
        createPromotion(site.ctx, testAdministrator, {
          title: 'T',
          linkUrl: '//evil.example/',
          ctaLabel: 'Go',
          slot: 'sidebar',
        }),
        (e: DomainError) => e.code === 'VALIDATION',
      );
      await createPromotion(site.ctx, testAdministrator, {
        title: 'Book',
        linkUrl: 'https://books.example/b',
        ctaLabel: 'Buy',
        slot: 'after-article',
      });
      await createPromotion(site.ctx, testAdministrator, {
        title: 'Bok',
        linkUrl: '/bok/',
        ctaLabel: 'Kjøp',
        slot: 'after-article',
        language: 'nb',
      });
      const en = await promotionsBySlot(site.ctx, 'en');
      assert.deepEqual(
        en.get('after-article')?.map((p) => p.title),
        ['Book'],
      );
      const nb = await promotionsBySlot(site.ctx, 'nb');
      assert.deepEqual(
        nb.get('after-article')?.map((p) => p.title),
        ['Book', 'Bok'],
      );
    });
  });
}

test('a post in another language is related through shared tags even when no word is shared', async () => {
  const { mostSimilar } = await import('../../src/domain/posts/similarity.js');
  // Each word ten times, as in a long article: the words alone would outweigh any tag.
  const words = (prefix: string) => Array.from({ length: 1000 }, (_, i) => `${prefix}${i % 100}`);
  const doc = (id: string, language: string, prefix: string, labels: string[], group?: string) => ({
    id,
    language,
    fields: [{ terms: words(prefix), weight: 1 }],
    labels,
    publishedAt: '2026-01-01T00:00:00.000Z',
    ...(group ? { group } : {}),
  });
  const matches = mostSimilar(
    [doc('en', 'en', 'english', ['war']), doc('nb', 'nb', 'norsk', ['war']), doc('other', 'en', 'opera', [])],
    3,
  );
  assert.deepEqual(
    matches.get('nb')?.map((m) => m.id),
    ['en'],
  );
  assert.deepEqual(matches.get('other'), []);
  const translations = mostSimilar([doc('a', 'en', 'same', [], 'g'), doc('b', 'nb', 'same', [], 'g')], 3);
  assert.deepEqual(translations.get('a'), [], 'translations of one story are not related to each other');
});
