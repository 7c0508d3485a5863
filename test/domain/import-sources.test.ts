import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { DomainContext } from '../../src/domain/context.js';
import { importWordPressExport } from '../../src/domain/import/import-wordpress.js';
import { hydratePosts } from '../../src/domain/posts/hydrate-posts.js';
import { updatePost } from '../../src/domain/posts/save-post.js';
import { systemActor } from '../../src/domain/staff/permissions.js';
import { createWordPressImportPorts } from '../../src/main.js';
import { importGhost, lexicalExport } from '../helpers/ghost-import.js';
import { createTestSite, dialects, type TestSite } from '../helpers/sites.js';

/*
 * Sources from an import's outbound links, on both databases: each outbound link of a post (one per
 * address) becomes a source marked `imported`, publisher from its domain, title from its text;
 * links to the old site, to media files and to embeds do not. An editor's confirmation survives a
 * re-run, which adds only new links. Readers' view of a source has no mark.
 */

const themeUnitTest = 'test/fixtures/wxr/theme-test-data/themeunittestdata.wordpress.xml';
const actor = systemActor('import test');
const ports = createWordPressImportPorts();
const kind = 'post fjordpost.example';

const body = `<p>As <a href="https://www.theguardian.com/world/2024/may/02/harbour">The Guardian reported</a>,
the board met. <a href="https://www.theguardian.com/world/2024/may/02/harbour">Again</a>.</p>

<p>See <a href="https://fjordpost.example/2024/05/902/">our earlier story</a>, <a href="https://www.fjordpost.example/contact/">contact us</a>,
<a href="https://cdn.example/photo.jpg">the photo</a> and <a href="https://xn--bcher-kva.example/">a bookshop</a>.</p>

<p><a href="https://www.justsecurity.org/9000/haftar/">https://www.justsecurity.org/9000/haftar/</a></p>

[embed]https://www.youtube.com/watch?v=abc123[/embed]`;

function wxr(content: string): string {
  const item = (id: string, title: string, text: string) =>
    `<item><title>${title}</title><link>https://fjordpost.example/2024/05/${id}/</link><dc:creator>kari</dc:creator>
<content:encoded><![CDATA[${text}]]></content:encoded><wp:post_id>${id}</wp:post_id>
<wp:post_date>2024-05-02 10:30:00</wp:post_date><wp:post_date_gmt>2024-05-02 08:30:00</wp:post_date_gmt>
<wp:post_name>post-${id}</wp:post_name><wp:status>publish</wp:status><wp:post_type>post</wp:post_type></item>`;
  return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="http://wordpress.org/export/1.2/">
<channel><title>Fjord Post</title><link>https://fjordpost.example</link><wp:wxr_version>1.2</wp:wxr_version>
<wp:base_blog_url>https://fjordpost.example</wp:base_blog_url>
${item('901', 'Harbour story', content)}${item('902', 'Earlier story', 'No links here.')}</channel></rss>`;
}

async function sourcesOf(ctx: DomainContext, wpId: string) {
  const id = (await ctx.repos.importedItems.find('wordpress', kind, wpId))!;
  assert.ok(id, `post ${wpId} was imported`);
  return { id, sources: (await ctx.repos.posts.sourcesFor([id])).get(id) ?? [] };
}

for (const dialect of dialects) {
  describe(`sources from an import's links on ${dialect.name}`, { skip: dialect.skip }, () => {
    let site: TestSite;
    let work: string;
    let file: string;

    before(async () => {
      site = await createTestSite(dialect.name);
      work = mkdtempSync(join(tmpdir(), 'broadsheet-sources-'));
      file = join(work, 'links.xml');
      writeFileSync(file, wxr(body));
      await importWordPressExport(site.ctx, actor, { files: [file], ports });
    });
    after(async () => {
      await site.destroy();
      rmSync(work, { recursive: true, force: true });
    });

    test('each outbound address once, marked imported; internal, media and embedded links left out', async () => {
      const { sources } = await sourcesOf(site.ctx, '901');
      assert.deepEqual(
        sources.map(({ publisher, title, url, note, reviewState }) => ({
          publisher,
          title,
          url,
          note,
          reviewState,
        })),
        [
          {
            publisher: 'theguardian.com',
            title: 'The Guardian reported',
            url: 'https://www.theguardian.com/world/2024/may/02/harbour',
            note: '',
            reviewState: 'imported',
          },
          {
            publisher: 'bücher.example',
            title: 'a bookshop',
            url: 'https://xn--bcher-kva.example/',
            note: '',
            reviewState: 'imported',
          },
          {
            publisher: 'justsecurity.org',
            title: '',
            url: 'https://www.justsecurity.org/9000/haftar/',
            note: '',
            reviewState: 'imported',
          },
        ],
      );
      assert.deepEqual((await sourcesOf(site.ctx, '902')).sources, []);
    });

    test('readers see an imported source as any other: no review mark leaves the server', async () => {
      const { id } = await sourcesOf(site.ctx, '901');
      const [view] = await hydratePosts(site.ctx, [(await site.ctx.repos.posts.findById(id))!]);
      assert.ok(view);
      assert.equal(view.sources.length, 3);
      for (const source of view.sources) assert.equal('reviewState' in source, false);
    });

    test("a re-run keeps an editor's confirmation and removal, and adds only new links", async () => {
      const { id, sources } = await sourcesOf(site.ctx, '901');
      const [guardian, bookshop] = sources;
      // The editor confirms the first source, edits its title and removes the third.
      await updatePost(site.ctx, id, {
        sources: [
          {
            publisher: 'The Guardian',
            title: 'Harbour vote',
            url: guardian!.url,
            note: '',
            reviewState: null,
          },
          {
            publisher: bookshop!.publisher,
            title: bookshop!.title,
            url: bookshop!.url,
            reviewState: 'imported',
          },
        ],
      });
      writeFileSync(file, wxr(`${body}\n\n<p><a href="https://nrk.no/harbour">NRK</a></p>`));
      await importWordPressExport(site.ctx, actor, { files: [file], ports });
      const after = (await sourcesOf(site.ctx, '901')).sources;
      assert.deepEqual(
        after.map((s) => [s.publisher, s.title, s.reviewState]),
        [
          ['The Guardian', 'Harbour vote', null],
          ['bücher.example', 'a bookshop', 'imported'],
          // Still linked from the post's body, which the re-run wrote again: offered again.
          ['justsecurity.org', '', 'imported'],
          ['nrk.no', 'NRK', 'imported'],
        ],
      );
      const urls = after.map((s) => s.url);
      assert.equal(new Set(urls).size, urls.length, 'no address twice');
      await importWordPressExport(site.ctx, actor, { files: [file], ports });
      assert.equal((await sourcesOf(site.ctx, '901')).sources.length, 4, 'a third run adds nothing');
    });

    test('the Theme Unit Test: links to the old site and its images are no sources', async () => {
      await importWordPressExport(site.ctx, actor, { files: [themeUnitTest], ports });
      const aboutId = await site.ctx.repos.importedItems.find(
        'wordpress',
        'post wpthemetestdata.wordpress.com',
        '2',
      );
      const about = (await site.ctx.repos.posts.sourcesFor([aboutId!])).get(aboutId!) ?? [];
      assert.ok(
        about.some(
          (s) =>
            s.url === 'https://developer.wordpress.org/themes/' &&
            s.publisher === 'developer.wordpress.org' &&
            s.title === 'the WordPress Theme Developer Handbook',
        ),
        JSON.stringify(about),
      );
      const rows = await site.storage.db
        .selectFrom('post_sources')
        .select(['url', 'review_state'])
        .where('review_state', '=', 'imported')
        .execute();
      assert.ok(rows.length > 20, `${rows.length} imported sources`);
      for (const row of rows) {
        const host = new URL(row.url).hostname;
        assert.notEqual(host, 'wpthemetestdata.wordpress.com', row.url);
        assert.doesNotMatch(row.url, /\.(jpe?g|png|gif)$/i);
      }
    });

    test('a Ghost import offers its outbound links the same way', async () => {
      await importGhost(site.ctx, lexicalExport);
      const id = (await site.ctx.repos.importedItems.find(
        'ghost',
        'post',
        '1b0f6c2e-1111-4a5b-9c00-000000000001',
      ))!;
      const sources = (await site.ctx.repos.posts.sourcesFor([id])).get(id) ?? [];
      assert.ok(sources.length > 0, 'the Ghost post has imported sources');
      assert.ok(sources.every((s) => s.reviewState === 'imported'));
      assert.ok(
        sources.every((s) => !/youtube\.com|twitter\.com/.test(s.url)),
        'embeds are no sources',
      );
    });
  });
}
