import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { DomainContext } from '../../src/domain/context.js';
import { GhostReadError } from '../../src/domain/import/ghost-export.js';
import type { ImportReport } from '../../src/domain/import/import-report.js';
import type { EditorDocument } from '../../src/domain/posts/editor-document.js';
import { createNewsletter } from '../../src/domain/newsletters/newsletters.js';
import { getSiteSettings } from '../../src/domain/settings/site-settings.js';
import { systemActor } from '../../src/domain/staff/permissions.js';
import { createGhostImportPorts } from '../../src/main.js';
import { makeJpeg } from '../helpers/factories.js';
import {
  ghostFixtures,
  ghostFootprint,
  importGhost,
  lexicalExport,
  mobiledocExport,
  redirectsJson,
  redirectsYaml,
  zipOf,
} from '../helpers/ghost-import.js';
import { createTestSite, dialects, type TestSite } from '../helpers/sites.js';

/*
 * `importGhostExport` on both databases: every Ghost fixture imported (or refused with its reason),
 * the Ghost 5 export field by field (lexical cards, statuses, tags, authors, newsletters, members,
 * settings, code injection), re-runs that duplicate nothing, images from a folder and a ZIP, and
 * hostile or broken files refused before anything is written.
 */

const harbourUuid = '1b0f6c2e-1111-4a5b-9c00-000000000001';

async function postByUuid(ctx: DomainContext, uuid: string) {
  const id = await ctx.repos.importedItems.find('ghost', 'post', uuid);
  assert.ok(id, `post ${uuid} was imported`);
  return (await ctx.repos.posts.findById(id))!;
}

function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name))
    .sort();
}

const blockTypes = (doc: EditorDocument) => doc.content.map((b) => b.type);

for (const dialect of dialects) {
  describe(`importing Ghost exports on ${dialect.name}`, { skip: dialect.skip }, () => {
    let site: TestSite;
    let work: string;
    let first: ImportReport;

    before(async () => {
      site = await createTestSite(dialect.name);
      work = mkdtempSync(join(tmpdir(), 'broadsheet-ghost-'));
      first = await importGhost(site.ctx, lexicalExport, { redirectsFile: redirectsYaml });
    });
    after(async () => {
      await site.destroy();
      rmSync(work, { recursive: true, force: true });
    });

    test('the Ghost 5 export: counts of everything made, skipped and not understood', () => {
      assert.deepEqual(first.posts, { created: 6, updated: 0, skipped: 0 });
      assert.deepEqual(first.pages, { created: 1, updated: 0, skipped: 0 });
      assert.deepEqual(first.authors, { created: 2, updated: 0, skipped: 0 });
      assert.deepEqual(first.tags, { created: 3, updated: 0, skipped: 0 });
      const ghost = first.ghost!;
      assert.deepEqual(ghost.newsletters, { created: 2, updated: 0, skipped: 0 });
      assert.deepEqual(ghost.members, { created: 4, updated: 0, skipped: 2 });
      assert.deepEqual(ghost.settings, ['title', 'description', 'navigation']);
      assert.deepEqual(ghost.codeInjection, [
        'post "Harbour board votes again": codeinjection_head',
        'settings: codeinjection_head',
      ]);
      assert.deepEqual(ghost.unknownCards, { 'mystery-card': 1 });
      assert.deepEqual(ghost.droppedCards, { signup: 1 });
      assert.deepEqual(ghost.otherTables, { labels: 1, members_labels: 1 });
      assert.equal(first.embeds, 2);
      assert.ok(first.skips.some((s) => /pattern, not one path/.test(s.reason)));
      assert.equal(first.readerNotices.length, 3, 'three dangling references, each noticed');
      assert.ok(first.readerNotices.some((n) => /names tag t-gone, which the export does not hold/.test(n)));
    });

    test('a lexical post field by field: text, cards, tags in order, authors, SEO, and nothing executable', async () => {
      const post = await postByUuid(site.ctx, harbourUuid);
      assert.equal(post.slug, 'harbour-board-votes');
      assert.equal(post.title, 'Harbour board votes again');
      assert.equal(post.excerpt, 'The board voted on ferry times.');
      assert.equal(post.status, 'published');
      assert.equal(post.publishedAt, '2024-05-02T08:30:00.000Z');
      assert.equal(post.updatedAt, '2024-05-03T09:00:00.000Z');
      assert.equal(post.isFeatured, true);
      assert.equal(post.language, 'nb');
      assert.equal(post.metaTitle, 'Meta title');
      assert.equal(post.ogDescription, 'OG description');
      assert.equal(post.twitterTitle, 'Tw title');
      assert.equal(post.canonicalUrl, 'https://fjordpost.example/harbour-board-votes/');
      const tags = (await site.ctx.repos.posts.tagsFor([post.id])).get(post.id)!;
      assert.deepEqual(
        tags.map((t) => [t.slug, t.name]),
        [
          ['harbour', 'Harbour'],
          ['ferries', 'Ferries'],
          ['hash-featured-top', '#featured-top'],
        ],
      );
      const authors = (await site.ctx.repos.posts.authorsFor([post.id])).get(post.id)!;
      assert.deepEqual(
        authors.map((a) => a.slug),
        ['kari', 'ola'],
      );
      assert.equal(authors[0]!.bio, 'Harbour reporter.');
      assert.equal(await site.ctx.repos.staff.passwordHashOf(authors[0]!.id), null);
      const doc = JSON.parse(post.bodyJson) as EditorDocument;
      for (const type of [
        'heading',
        'bulletList',
        'blockquote',
        'figure',
        'gallery',
        'codeBlock',
        'horizontalRule',
      ])
        assert.ok(blockTypes(doc).includes(type as never), `a ${type} block`);
      const figure = doc.content.find((b) => b.type === 'figure')!;
      assert.deepEqual(figure.type === 'figure' && figure.attrs, {
        src: '/content/images/size/w1200/2024/05/harbour.jpg',
        alt: 'The harbour at dawn',
        caption: 'Boats at the quay by Kari',
        credit: '',
      });
      assert.ok(
        doc.content.some(
          (b) => b.type === 'embed' && b.attrs.url === 'https://www.youtube.com/watch?v=dQw4w9WgXcQ',
        ),
        'the YouTube card is an embed block',
      );
      assert.match(post.bodyText, /Words of a card nobody knows/, 'an unknown card keeps its words');
      assert.match(post.bodyText, /Read the full minutes/);
      assert.doesNotMatch(post.bodyJson, /javascript:|<script|onerror|alert\(|iframe|Subscribe/);
      assert.doesNotMatch(post.bodyHtml, /<script|javascript:|onerror|<iframe/);
    });

    test('statuses: drafts, members-only and email-only posts stay drafts; a page is a page', async () => {
      const status = async (n: number) =>
        (await postByUuid(site.ctx, `1b0f6c2e-1111-4a5b-9c00-00000000000${n}`)).status;
      assert.equal((await postByUuid(site.ctx, '1b0f6c2e-1111-4a5b-9c00-000000000002')).type, 'page');
      assert.deepEqual(
        [await status(3), await status(4), await status(5), await status(6), await status(7)],
        ['draft', 'draft', 'scheduled', 'draft', 'published'],
      );
      assert.ok(first.notes.some((n) => /For members/.test(n.item) && /members only in Ghost/.test(n.note)));
      const html = await postByUuid(site.ctx, '1b0f6c2e-1111-4a5b-9c00-000000000007');
      assert.match(html.bodyJson, /"href":"\/harbour-board-votes\/"/, '__GHOST_URL__ becomes a site path');
    });

    test('newsletters and members: status, consent and subscriptions kept; nobody is emailed', async () => {
      const newsletters = await site.ctx.repos.newsletters.list();
      const brief = newsletters.find((n) => n.slug === 'morning-brief')!;
      const weekly = newsletters.find((n) => n.slug === 'old-weekly')!;
      assert.deepEqual(
        [brief.name, brief.senderName, brief.senderEmail, brief.replyTo, brief.isActive, brief.footer],
        ['Morning Brief', 'Fjord Post', 'news@fjordpost.example', '', true, 'Every weekday at seven.'],
      );
      assert.equal(weekly.isActive, false, 'an archived newsletter is inactive');
      const anna = (await site.ctx.repos.members.findByEmail('anna@reader.example'))!;
      assert.deepEqual(
        [anna.name, anna.status, anna.consentSource, anna.consentAt, anna.createdAt],
        ['Anna Reader', 'active', 'import', '2023-01-06T11:00:00.000Z', '2023-01-05T10:00:00.000Z'],
      );
      const bounced = (await site.ctx.repos.members.findByEmail('bounced@reader.example'))!;
      assert.equal(bounced.status, 'unsubscribed', "Ghost's email_disabled stops mail here too");
      const paid = (await site.ctx.repos.members.findByEmail('paid@reader.example'))!;
      const subscriptions = await site.ctx.repos.members.newsletterIdsFor([anna.id, paid.id]);
      assert.deepEqual(new Set(subscriptions.get(anna.id)), new Set([brief.id, weekly.id]));
      assert.deepEqual(subscriptions.get(paid.id), [brief.id]);
      assert.equal(await site.ctx.repos.members.findByEmail('not an address'), undefined);
      assert.ok(first.skips.some((s) => /same email as an earlier member/.test(s.reason)));
      assert.deepEqual(site.mailLog, [], 'no email was written');
      assert.equal(
        Number(
          (
            await site.storage.db
              .selectFrom('member_confirmations')
              .select((eb) => eb.fn.countAll().as('n'))
              .executeTakeFirstOrThrow()
          ).n,
        ),
        0,
        'no confirmation was asked for',
      );
      const sends = await site.storage.db
        .selectFrom('newsletter_sends')
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow();
      assert.equal(Number(sends.n), 0, 'no post was sent to a newsletter');
    });

    test('settings: title, description and navigation taken; code injection and javascript: links never', async () => {
      const settings = await getSiteSettings(site.ctx);
      assert.equal(settings.title, 'Fjord Post');
      assert.equal(settings.description, 'News from the fjords');
      assert.deepEqual(settings.navigation, [
        { label: 'Home', url: '/' },
        { label: 'About', url: '/about/' },
      ]);
      assert.equal(settings.logoMediaId, null, 'no --images: no logo');
      const stored = await site.ctx.repos.settings.getAll();
      assert.ok(!Object.keys(stored).some((k) => /codeinjection/.test(k)));
    });

    test('a re-run duplicates nothing: posts, tags, authors, media, newsletters, members, redirects', async () => {
      const before = await ghostFootprint(site);
      const again = await importGhost(site.ctx, lexicalExport, { redirectsFile: redirectsYaml });
      assert.deepEqual(await ghostFootprint(site), before);
      assert.deepEqual(again.posts, { created: 0, updated: 6, skipped: 0 });
      assert.deepEqual(again.tags, { created: 0, updated: 3, skipped: 0 });
      assert.deepEqual(again.ghost!.members, { created: 0, updated: 4, skipped: 2 });
      assert.deepEqual(again.ghost!.newsletters, { created: 0, updated: 2, skipped: 0 });
      assert.equal(again.redirects.created, 0);
    });

    test('a member who unsubscribed here stays unsubscribed after a re-run', async () => {
      const anna = (await site.ctx.repos.members.findByEmail('anna@reader.example'))!;
      await site.ctx.repos.members.update(anna.id, {
        status: 'unsubscribed',
        updatedAt: new Date().toISOString(),
      });
      await site.ctx.repos.members.setNewsletters(anna.id, [], new Date().toISOString());
      await importGhost(site.ctx, lexicalExport);
      assert.equal((await site.ctx.repos.members.findByEmail('anna@reader.example'))!.status, 'unsubscribed');
      assert.deepEqual((await site.ctx.repos.members.newsletterIdsFor([anna.id])).get(anna.id) ?? [], []);
    });

    test('a dry run reports the plan and writes nothing', async () => {
      const before = await ghostFootprint(site);
      const plan = await importGhost(site.ctx, mobiledocExport, { isDryRun: true });
      assert.equal(plan.isDryRun, true);
      assert.deepEqual(plan.posts, { created: 1, updated: 0, skipped: 0 });
      assert.deepEqual(plan.ghost!.members, { created: 2, updated: 0, skipped: 0 });
      assert.deepEqual(await ghostFootprint(site), before);
    });

    test('a mobiledoc post: markups, atoms, cards and sections as blocks; Ghost 4 subscribers get a newsletter', async () => {
      await createNewsletter(site.ctx, systemActor('test'), {
        name: 'The Newsletter',
        slug: 'newsletter',
        senderName: 'The desk',
      });
      const report = await importGhost(site.ctx, mobiledocExport, { redirectsFile: redirectsJson });
      assert.deepEqual(report.ghost!.newsletters, { created: 0, updated: 1, skipped: 0 });
      assert.deepEqual(report.posts, { created: 1, updated: 0, skipped: 0 });
      assert.deepEqual(report.ghost!.droppedCards, { paywall: 1 });
      const post = await postByUuid(site.ctx, '2c0f6c2e-2222-4a5b-9c00-000000000001');
      assert.equal(post.publishedAt, '2021-03-01T12:00:00.000Z');
      const doc = JSON.parse(post.bodyJson) as EditorDocument;
      assert.deepEqual(blockTypes(doc), [
        'paragraph',
        'figure',
        'heading',
        'orderedList',
        'heading',
        'bulletList',
        'embed',
        'horizontalRule',
        'paragraph',
        'blockquote',
        'pullQuote',
        'figure',
      ]);
      assert.deepEqual(doc.content[0], {
        type: 'paragraph',
        content: [
          { type: 'text', text: 'Plain then ' },
          { type: 'text', text: 'bold', marks: [{ type: 'bold' }] },
          { type: 'text', text: ' and ' },
          {
            type: 'text',
            text: 'an em link',
            marks: [{ type: 'link', attrs: { href: 'https://example.org/m' } }, { type: 'italic' }],
          },
          { type: 'hardBreak' },
          { type: 'text', text: 'not a script' },
        ],
      });
      const subscriber = (await site.ctx.repos.members.findByEmail('old@reader.example'))!;
      const [newsletter] = (await site.ctx.repos.members.newsletterIdsFor([subscriber.id])).get(
        subscriber.id,
      )!;
      const joined = (await site.ctx.repos.newsletters.findById(newsletter!))!;
      assert.deepEqual(
        [joined.slug, joined.senderName],
        ['newsletter', 'The desk'],
        'found by slug, nothing blanked',
      );
      const off = (await site.ctx.repos.members.findByEmail('off@reader.example'))!;
      assert.equal((await site.ctx.repos.members.newsletterIdsFor([off.id])).get(off.id), undefined);
      assert.equal(
        report.skips.filter((s) => /^redirect /.test(s.item)).length,
        2,
        'a pattern and a javascript: target',
      );
    });

    test('every fixture of the shared set imports', async () => {
      const expected: Record<string, { posts: number; authors: number; tags: number }> = {
        'tryghost-migrate/mg-assetscraper-db--ghost.json': { posts: 3, authors: 2, tags: 2 },
        'tryghost-migrate/mg-assetscraper-db--ghost-flat.json': { posts: 1, authors: 0, tags: 0 },
        'ghost-repo/import-data-1.json': { posts: 1, authors: 1, tags: 1 },
      };
      for (const [file, counts] of Object.entries(expected)) {
        const report = await importGhost(site.ctx, join(ghostFixtures, file));
        assert.deepEqual(
          {
            posts: report.posts.created + report.posts.updated,
            authors: report.authors.created + report.authors.updated,
            tags: report.tags.created + report.tags.updated,
          },
          counts,
          file,
        );
      }
      const welcome = (await site.ctx.repos.posts.findOne({ slug: 'welcome-to-ghost' }, 'full'))!;
      assert.equal(welcome.publishedAt, new Date(1388318310783).toISOString(), 'an epoch date of 0.x');
      const nested = (await site.ctx.repos.posts.findOne({ slug: 'post-1' }, 'full'))!;
      assert.match(nested.bodyText, /Hello world/);
    });

    test('images from a folder and from a ZIP: the feature image, figures and the logo become media, once', async () => {
      const jpeg = await makeJpeg(40, 30, '#884422');
      const png = await makeJpeg(20, 20, '#224488');
      const folder = join(work, 'content', 'images', '2024', '05');
      mkdirSync(folder, { recursive: true });
      writeFileSync(join(folder, 'harbour.jpg'), jpeg);
      writeFileSync(join(folder, 'logo.png'), png);
      const portrait = await makeJpeg(24, 24, '#446622');
      writeFileSync(join(folder, 'kari.jpg'), portrait);
      const mediaBefore = (await ghostFootprint(site)).media;
      const withFolder = await importGhost(site.ctx, lexicalExport, {
        ports: createGhostImportPorts({ imagesPath: work }),
      });
      assert.equal(withFolder.media.created, 3, 'one harbour image for every size, the logo, a portrait');
      const post = await postByUuid(site.ctx, harbourUuid);
      assert.ok(post.featuredMediaId);
      assert.equal(post.featuredAlt, 'Quay at dawn');
      assert.equal(post.featuredCaption, 'Photo: Kari Berg');
      assert.match(post.bodyJson, new RegExp(`"src":"media:${post.featuredMediaId}"`));
      assert.ok((await getSiteSettings(site.ctx)).logoMediaId);
      const kari = (await site.ctx.repos.staff.findBySlug('kari'))!;
      assert.ok(kari.photoMediaId, 'the profile image is the author photo');
      const zip = join(work, 'images.zip');
      writeFileSync(
        zip,
        zipOf({ 'content/images/2024/05/harbour.jpg': jpeg, 'content/images/2024/05/logo.png': png }),
      );
      const ports = createGhostImportPorts({ imagesPath: zip });
      const withZip = await importGhost(site.ctx, lexicalExport, { ports });
      assert.deepEqual(await ports.images!.read('2024/05/harbour.jpg'), jpeg, 'read from the ZIP');
      assert.equal(await ports.images!.read('2024/05/absent.jpg'), undefined);
      await ports.images!.close();
      assert.equal(withZip.media.created, 0);
      assert.equal(withZip.media.updated, 2, 'known by their paths (the portrait is not looked at again)');
      assert.equal((await ghostFootprint(site)).media, mediaBefore + 3);
    });

    test('a failure in the middle leaves the site as it was, and no image file behind', async () => {
      const other = await createTestSite(dialect.name);
      try {
        const images = join(work, 'content');
        const before = await ghostFootprint(other);
        const filesBefore = filesUnder(join(other.dataDir, 'media'));
        const real = createGhostImportPorts({ imagesPath: images });
        let converted = 0;
        const failing = {
          ...real,
          contentToBlocks: async (content: Parameters<typeof real.contentToBlocks>[0]) => {
            if (++converted === 3) throw new Error('the disk is full');
            return real.contentToBlocks(content);
          },
        };
        await assert.rejects(importGhost(other.ctx, lexicalExport, { ports: failing }), /the disk is full/);
        assert.deepEqual(await ghostFootprint(other), before);
        assert.deepEqual(filesUnder(join(other.dataDir, 'media')), filesBefore);
        const after = await importGhost(other.ctx, lexicalExport);
        assert.equal(after.posts.created, 6, 'the next run does the whole work');
      } finally {
        await other.destroy();
      }
    });

    test('hostile and broken files are refused with a clear error, and nothing is written', async () => {
      const before = await ghostFootprint(site);
      const deep = `{"db":[{"meta":{"version":"5"},"data":{"posts":[${'['.repeat(50_000)}${']'.repeat(50_000)}]}}]}`;
      const files: Record<string, [string, RegExp]> = {
        'proto.json': [
          '{"db":[{"meta":{"version":"5"},"data":{"posts":[{"id":"a","__proto__":{"isAdmin":true}}]}}]}',
          /__proto__ or constructor\.prototype key: refused/,
        ],
        'constructor.json': [
          '{"db":[{"meta":{"version":"5"},"data":{"tags":[{"constructor":{"prototype":{"polluted":true}}}]}}]}',
          /__proto__ or constructor\.prototype key: refused/,
        ],
        'deep.json': [deep, /nested more than 32 levels deep/],
        'truncated.json': ['{"db":[{"meta":{"version":"5"},"data":{"posts":[{"id":"a"', /not valid JSON/],
        'wordpress.xml': ['<?xml version="1.0"?><rss></rss>', /not valid JSON/],
        'not-ghost.json': ['{"posts":[]}', /This is not a Ghost export/],
        'table.json': ['{"db":[{"meta":{},"data":{"posts":{"id":"a"}}}]}', /table "posts" is not a list/],
      };
      for (const [name, [text, message]] of Object.entries(files)) {
        const path = join(work, name);
        writeFileSync(path, text);
        await assert.rejects(
          importGhost(site.ctx, path),
          (error: unknown) => error instanceof GhostReadError && message.test(error.message),
          name,
        );
      }
      assert.equal(({} as Record<string, unknown>).isAdmin, undefined);
      assert.equal(({} as Record<string, unknown>).polluted, undefined);
      const huge = join(work, 'huge.json');
      writeFileSync(huge, '');
      // A sparse file: its size is refused before a byte is read.
      (await import('node:fs')).truncateSync(huge, 300 * 1024 * 1024);
      await assert.rejects(importGhost(site.ctx, huge), /larger than 256 MiB: refused/);
      assert.deepEqual(await ghostFootprint(site), before);
    });

    test('a post whose lexical is nested 50,000 deep is read from its html, and said so', async () => {
      const deepLexical = `{"root":{"children":${'['.repeat(50_000)}${']'.repeat(50_000)}}}`;
      const path = join(work, 'deep-lexical.json');
      writeFileSync(
        path,
        JSON.stringify({
          db: [
            {
              meta: { version: '5.0.0' },
              data: {
                posts: [
                  {
                    id: 'deep1',
                    uuid: 'deep-1',
                    title: 'Deep',
                    slug: 'deep',
                    status: 'published',
                    lexical: deepLexical,
                    html: '<p>From html</p>',
                  },
                ],
              },
            },
          ],
        }),
      );
      const report = await importGhost(site.ctx, path);
      assert.deepEqual(report.ghost!.unknownCards, { 'unreadable lexical': 1 });
      assert.match((await postByUuid(site.ctx, 'deep-1')).bodyText, /From html/);
    });
  });
}
