import assert from 'node:assert/strict';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { DomainContext } from '../../src/domain/context.js';
import type { WordPressImportPorts } from '../../src/domain/import/import-ports.js';
import { importWordPressExport } from '../../src/domain/import/import-wordpress.js';
import type { ImportReport } from '../../src/domain/import/import-report.js';
import { WxrReadError } from '../../src/domain/import/wordpress-export.js';
import type { EditorDocument } from '../../src/domain/posts/editor-document.js';
import { systemActor } from '../../src/domain/staff/permissions.js';
import { createWordPressImportPorts } from '../../src/main.js';
import { makeJpeg } from '../helpers/factories.js';
import { createTestSite, dialects, type TestSite } from '../helpers/sites.js';

/*
 * `importWordPressExport` on both databases: the Theme Unit Test field by field, re-runs that
 * duplicate nothing, split exports, images from an uploads folder, and refused files that leave the
 * site exactly as it was.
 */

const fixtures = 'test/fixtures/wxr';
const themeUnitTest = join(fixtures, 'theme-test-data/themeunittestdata.wordpress.xml');
const actor = systemActor('import test');
const ports = createWordPressImportPorts();

const run = (
  ctx: DomainContext,
  files: string[],
  extra: Partial<{ ports: WordPressImportPorts; isDryRun: boolean }> = {},
) => importWordPressExport(ctx, actor, { files, ports, ...extra });

/** Every row an import could write, counted: a refused or dry-run import leaves these as they were. */
async function footprint(site: TestSite) {
  const { db } = site.storage;
  const count = async (table: 'posts' | 'tags' | 'staff_users' | 'redirects' | 'media' | 'imported_items') =>
    Number(
      (
        await db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  return {
    posts: await count('posts'),
    tags: await count('tags'),
    staff: await count('staff_users'),
    redirects: await count('redirects'),
    media: await count('media'),
    items: await count('imported_items'),
  };
}

function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name))
    .sort();
}

async function postByWordPressId(ctx: DomainContext, wpId: string) {
  const id = await ctx.repos.importedItems.find('wordpress', 'post wpthemetestdata.wordpress.com', wpId);
  assert.ok(id, `post ${wpId} was imported`);
  return (await ctx.repos.posts.findById(id))!;
}

function wxr(items: string, extra = ''): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="http://wordpress.org/export/1.2/">
<channel><title>Fjord Post</title><link>https://fjordpost.example</link><language>nb-NO</language>
<wp:wxr_version>1.2</wp:wxr_version><wp:base_site_url>https://fjordpost.example</wp:base_site_url>
<wp:base_blog_url>https://fjordpost.example</wp:base_blog_url>${extra}${items}</channel></rss>`;
}

function item(fields: {
  id: string;
  type?: string;
  title: string;
  content?: string;
  meta?: Record<string, string>;
  url?: string;
  parent?: string;
  terms?: string;
}): string {
  const meta = Object.entries(fields.meta ?? {})
    .map(
      ([k, v]) =>
        `<wp:postmeta><wp:meta_key>${k}</wp:meta_key><wp:meta_value><![CDATA[${v}]]></wp:meta_value></wp:postmeta>`,
    )
    .join('');
  return `<item><title>${fields.title}</title><link>https://fjordpost.example/2024/05/${fields.id}/</link>
<dc:creator>kari</dc:creator><content:encoded><![CDATA[${fields.content ?? ''}]]></content:encoded>
<excerpt:encoded><![CDATA[${fields.type === 'attachment' ? 'Harbour at dawn. Photo: Kari Berg' : ''}]]></excerpt:encoded>
<wp:post_id>${fields.id}</wp:post_id><wp:post_date_gmt>2024-05-02 08:30:00</wp:post_date_gmt>
<wp:post_modified_gmt>2024-05-03 09:00:00</wp:post_modified_gmt><wp:post_name>post-${fields.id}</wp:post_name>
<wp:status>${fields.type === 'attachment' ? 'inherit' : 'publish'}</wp:status><wp:post_parent>${fields.parent ?? '0'}</wp:post_parent>
<wp:post_type>${fields.type ?? 'post'}</wp:post_type>${fields.terms ?? ''}${fields.url ? `<wp:attachment_url>${fields.url}</wp:attachment_url>` : ''}${meta}</item>`;
}

for (const dialect of dialects) {
  describe(`importing WordPress exports on ${dialect.name}`, { skip: dialect.skip }, () => {
    let site: TestSite;
    let work: string;
    let first: ImportReport;

    before(async () => {
      site = await createTestSite(dialect.name);
      work = mkdtempSync(join(tmpdir(), 'broadsheet-wxr-'));
      first = await run(site.ctx, [themeUnitTest]);
    });
    after(async () => {
      await site.destroy();
      rmSync(work, { recursive: true, force: true });
    });

    test('the Theme Unit Test: every post and page, with counts of what was not imported', async () => {
      assert.deepEqual(first.posts, { created: 58, updated: 0, skipped: 0 });
      assert.deepEqual(first.pages, { created: 21, updated: 0, skipped: 0 });
      assert.equal(first.comments, 33);
      assert.deepEqual(first.otherPostTypes, { nav_menu_item: 70 });
      assert.deepEqual(first.customTaxonomies, { names: ['nav_menu'], terms: 6 });
      assert.ok(first.unknownBlocks['core/latest-posts'], 'dynamic blocks are reported');
      assert.ok(first.redirects.created > 79, `redirects: ${first.redirects.created}`);
      assert.ok(first.notes.some((n) => /password-protected/.test(n.note)));
      assert.equal((await footprint(site)).posts, 79);
    });

    test('dates, statuses, sticky, tags with the primary category first, and the more-tag excerpt', async () => {
      const sticky = await postByWordPressId(site.ctx, '1241');
      assert.equal(sticky.slug, 'template-sticky');
      assert.equal(sticky.publishedAt, '2012-01-07T14:07:21.000Z');
      assert.equal(sticky.status, 'published');
      assert.equal(sticky.isFeatured, true);
      const tags = (await site.ctx.repos.posts.tagsFor([sticky.id])).get(sticky.id)!.map((t) => t.slug);
      assert.deepEqual(tags, ['classic', 'uncategorized', 'sticky-2', 'template']);
      const authors = (await site.ctx.repos.posts.authorsFor([sticky.id])).get(sticky.id)!;
      assert.deepEqual(
        authors.map((a) => a.slug),
        ['themedemos'],
      );
      assert.equal(
        await site.ctx.repos.staff.passwordHashOf(authors[0]!.id),
        null,
        'an author profile has no login',
      );
      const scheduled = await postByWordPressId(site.ctx, '1153');
      assert.equal(scheduled.status, 'scheduled');
      assert.equal(scheduled.publishedAt, '2030-01-01T19:00:18.000Z');
      const password = await postByWordPressId(site.ctx, '1168');
      assert.equal(password.status, 'draft');
      const doc = JSON.parse(sticky.bodyJson) as EditorDocument;
      assert.equal(doc.content[0]?.type, 'paragraph');
      assert.ok(
        doc.content.some((b) => b.type === 'bulletList'),
        'the list is a list block',
      );
      assert.doesNotMatch(sticky.bodyHtml, /target=|<script/);
    });

    test('a re-run duplicates nothing: every post, tag, author and redirect is found again', async () => {
      const before = await footprint(site);
      const again = await run(site.ctx, [themeUnitTest]);
      assert.deepEqual(await footprint(site), before);
      assert.equal(again.posts.created + again.pages.created + again.tags.created + again.authors.created, 0);
      assert.deepEqual(again.posts, { created: 0, updated: 58, skipped: 0 });
      assert.equal(again.redirects.created, 0);
    });

    test('a dry run reports the plan and writes nothing', async () => {
      const before = await footprint(site);
      const plan = await run(site.ctx, [join(fixtures, 'theme-test-data/64-block-test-data.xml')], {
        isDryRun: true,
      });
      assert.equal(plan.isDryRun, true);
      assert.ok(plan.posts.created > 50, `planned posts: ${plan.posts.created}`);
      assert.deepEqual(await footprint(site), before);
    });

    test('hostile and broken files are refused with a clear error, and nothing is written', async () => {
      const before = await footprint(site);
      const good = readFileSync(join(fixtures, 'wordpress-importer/e2e-fixtures/wxr-simple.xml'), 'utf8');
      const files: Record<string, [string, RegExp]> = {
        'laughs.xml': [
          readFileSync('test/fixtures/badinput/xml/patt_Deny_Of_Service_-_Billion_Laugh_Attack', 'utf8'),
          /declares a DTD/,
        ],
        'xxe.xml': [
          readFileSync('test/fixtures/badinput/xml/patt_Classic_XXE_-_etc_passwd.xml', 'utf8'),
          /DTD/,
        ],
        'truncated.xml': [good.slice(0, Math.floor(good.length * 0.7)), /not well-formed XML/],
      };
      for (const [name, [text, message]] of Object.entries(files)) {
        const path = join(work, name);
        writeFileSync(path, text);
        // The good file first: a broken second file must still leave nothing of the first.
        await assert.rejects(
          run(site.ctx, [join(fixtures, 'wordpress-importer/e2e-fixtures/wxr-simple.xml'), path]),
          (error: unknown) => error instanceof WxrReadError && message.test(error.message),
          name,
        );
      }
      assert.deepEqual(await footprint(site), before);
    });

    test('files of two different sites in one run are refused before anything is written', async () => {
      const before = await footprint(site);
      await assert.rejects(
        run(site.ctx, [themeUnitTest, join(fixtures, 'wordpress-importer/e2e-fixtures/wxr-simple.xml')]),
        /come from two sites \(wpthemetestdata\.wordpress\.com and playground\.internal\/path\): import each site on its own/,
      );
      assert.deepEqual(await footprint(site), before);
    });

    test('an id in two files of one site is one post, the last file kept and noted', async () => {
      const blockTestData = join(fixtures, 'theme-test-data/64-block-test-data.xml');
      const before = (await footprint(site)).posts;
      const both = await run(site.ctx, [themeUnitTest, blockTestData]);
      const twice = both.notes.filter((n) => /in more than one of the files/.test(n.note));
      assert.ok(twice.length > 0, 'the two files share ids');
      assert.equal((await footprint(site)).posts - before, both.posts.created + both.pages.created);
      const again = await run(site.ctx, [themeUnitTest, blockTestData]);
      assert.equal(again.posts.created + again.pages.created, 0, 'and a re-run still duplicates nothing');
    });

    test('a failure while writing rolls the whole import back', async () => {
      const before = await footprint(site);
      let converted = 0;
      const failing: WordPressImportPorts = {
        ...ports,
        contentToBlocks: async (content, context) => {
          if (++converted === 3) throw new Error('the disk is full');
          return ports.contentToBlocks(content, context);
        },
      };
      await assert.rejects(
        run(site.ctx, [join(fixtures, 'theme-test-data/theme-preview.xml')], { ports: failing }),
        /disk is full/,
      );
      assert.ok(converted >= 3);
      assert.deepEqual(await footprint(site), before);
    });

    test('a split export in one run; SEO meta from Yoast; Co-Authors Plus', async () => {
      const multiple = join(fixtures, 'tryghost-migrate-mg-wp-xml/multiple');
      const split = await run(
        site.ctx,
        ['posts-only.xml', 'pages-only.xml', 'attachments-only.xml'].map((f) => join(multiple, f)),
      );
      assert.ok(split.posts.created > 0 && split.pages.created > 0, JSON.stringify(split.posts));
      const yoast = await run(site.ctx, [join(fixtures, 'tryghost-migrate-mg-wp-xml/has-yoast-meta.xml')]);
      assert.ok(yoast.posts.created >= 1);
      const all = await site.ctx.repos.posts.list({}, { offset: 0, limit: 500 });
      assert.ok(all.some((p) => p.metaTitle === 'My Custom SEO Title for Search Engines'));
      const cap = await run(site.ctx, [join(fixtures, 'tryghost-migrate-mg-wp-xml/co-authors-plus.xml')]);
      assert.ok(cap.posts.created >= 2, JSON.stringify(cap.posts));
      const posts = await site.ctx.repos.posts.list({}, { offset: 0, limit: 500 });
      const authorsByPost = await site.ctx.repos.posts.authorsFor(posts.map((p) => p.id));
      assert.ok(
        [...authorsByPost.values()].some((a) => a.length === 3),
        'a post with three co-authors',
      );
    });

    test('images from an uploads folder: one media item for every size and copy, featured image, caption and credit', async () => {
      const uploads = join(work, 'uploads');
      mkdirSync(join(uploads, '2024/05'), { recursive: true });
      const jpeg = await makeJpeg(900, 600, '#225588');
      writeFileSync(join(uploads, '2024/05/harbour.jpg'), jpeg);
      writeFileSync(join(uploads, '2024/05/harbour-copy.jpg'), jpeg);
      const base = 'https://fjordpost.example/wp-content/uploads/2024/05';
      const file = join(work, 'media.xml');
      writeFileSync(
        file,
        wxr(
          item({
            id: '900',
            type: 'attachment',
            title: 'Harbour',
            url: `${base}/harbour.jpg`,
            parent: '901',
            meta: { _wp_attachment_image_alt: 'Boats in a harbour' },
          }) +
            item({
              id: '901',
              title: 'Harbour story',
              content: `<p>Morning.</p>\n\n<img src="${base}/harbour-300x200.jpg" alt="">\n\n<img src="${base}/harbour-scaled.jpg?ver=2" alt="x">\n\n<img src="${base}/harbour-copy.jpg" alt="y">\n\n<p>See <a href="https://fjordpost.example/2024/05/902/">the next one</a>.</p>`,
              meta: { _thumbnail_id: '900', _yoast_wpseo_primary_category: '12' },
              terms:
                '<category domain="category" nicename="weather">Weather</category><category domain="category" nicename="harbour">Harbour</category>',
            }) +
            item({ id: '902', title: 'Next story', content: 'Second <!--more--> rest' }),
          '<wp:category><wp:term_id>11</wp:term_id><wp:category_nicename>weather</wp:category_nicename><wp:cat_name>Weather</wp:cat_name></wp:category>' +
            '<wp:category><wp:term_id>12</wp:term_id><wp:category_nicename>harbour</wp:category_nicename><wp:cat_name>Harbour</wp:cat_name></wp:category>',
        ),
      );
      const withUploads = createWordPressImportPorts({ uploadsDir: uploads });
      // A failure after the images were stored: neither their records nor their files remain.
      const before = await footprint(site);
      const filesBefore = filesUnder(join(site.dataDir, 'media'));
      let converted = 0;
      const failing: WordPressImportPorts = {
        ...withUploads,
        contentToBlocks: async (content, context) => {
          if (++converted === 2) throw new Error('the disk is full');
          return withUploads.contentToBlocks(content, context);
        },
      };
      await assert.rejects(run(site.ctx, [file], { ports: failing }), /disk is full/);
      assert.deepEqual(await footprint(site), before);
      assert.deepEqual(filesUnder(join(site.dataDir, 'media')), filesBefore);
      const report = await run(site.ctx, [file], { ports: withUploads });
      assert.equal(report.media.created, 1, JSON.stringify(report.media));
      assert.equal(report.media.skipped, 1, 'the copy with the same bytes is the same media');
      const kind = 'post fjordpost.example';
      const story = (await site.ctx.repos.posts.findById(
        (await site.ctx.repos.importedItems.find('wordpress', kind, '901'))!,
      ))!;
      assert.ok(story.featuredMediaId);
      assert.equal(story.featuredAlt, 'Boats in a harbour');
      assert.equal(story.featuredCaption, 'Harbour at dawn.');
      assert.equal(story.featuredCredit, 'Kari Berg');
      assert.equal(story.language, 'nb');
      const storyTags = (await site.ctx.repos.posts.tagsFor([story.id])).get(story.id)!;
      assert.deepEqual(
        storyTags.map((t) => t.slug),
        ['harbour', 'weather'],
        'the primary category (Yoast) first, as the kicker',
      );
      assert.equal(story.updatedAt, '2024-05-03T09:00:00.000Z');
      const figures = (JSON.parse(story.bodyJson) as EditorDocument).content.filter(
        (b) => b.type === 'figure',
      );
      assert.equal(figures.length, 3);
      assert.deepEqual(
        new Set(figures.map((f) => f.type === 'figure' && f.attrs.src)),
        new Set([`media:${story.featuredMediaId}`]),
      );
      assert.match(story.bodyHtml, /href="\/post-902\/"/, 'the internal link points at the new path');
      const next = (await site.ctx.repos.posts.findById(
        (await site.ctx.repos.importedItems.find('wordpress', kind, '902'))!,
      ))!;
      assert.equal(next.excerpt, 'Second');
      const mediaBefore = (await footprint(site)).media;
      await run(site.ctx, [file], { ports: withUploads });
      assert.equal((await footprint(site)).media, mediaBefore, 'a re-run stores no image twice');
    });
  });
}
