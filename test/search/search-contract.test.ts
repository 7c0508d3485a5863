import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { documentFromText } from '../../src/domain/posts/editor-document.js';
import { visitor, type Viewer } from '../../src/domain/posts/post.types.js';
import { createPost, deletePost, updatePost } from '../../src/domain/posts/save-post.js';
import { reindexAll } from '../../src/domain/search/index-posts.js';
import { searchPosts } from '../../src/domain/search/search-posts.js';
import { parseSearchQuery, queryText } from '../../src/domain/search/search-query.js';
import { updateStaff } from '../../src/domain/staff/staff.js';
import { deleteTag, updateTag } from '../../src/domain/taxonomy/tags.js';
import { loadPayloads } from '../helpers/bad-input.js';
import { aTag, anAuthor } from '../helpers/factories.js';
import { createTestSite, dialects, type TestSite } from '../helpers/sites.js';
import { testAdministrator } from '../helpers/actors.js';

/**
 * The one contract both search adapters keep (SQLite FTS5 and PostgreSQL full-text): relevance on
 * a fixed corpus, stemming per language, phrases, prefixes, exclusions, hostile queries, and that
 * nothing a visitor may not see is ever found, counted or suggested.
 */

const editorViewer: Viewer = { kind: 'staff', staffId: 'x', role: 'editor' };
const day = (n: number) => new Date(Date.UTC(2026, 10, 1) - n * 86_400_000).toISOString();

for (const dialect of dialects) {
  describe(`search contract on ${dialect.name}`, { skip: dialect.skip }, () => {
    let site: TestSite;
    const ids: Record<string, string> = {};
    const find = async (
      q: string,
      viewer: Viewer = visitor,
      extra: { language?: string; tagId?: string } = {},
    ) => (await searchPosts(site.ctx, { viewer, q, ...extra })).results.map((r) => r.post.slug);

    before(async () => {
      site = await createTestSite(dialect.name);
      const ctx = site.ctx;
      const kari = await anAuthor(ctx, 'Kari Nordmann');
      const sanctions = await aTag(ctx, 'Sanctions');
      const classified = await aTag(ctx, 'Classified dossier');
      const post = async (key: string, fields: Parameters<typeof createPost>[1] & { text: string }) => {
        const { text, ...rest } = fields;
        ids[key] = await createPost(ctx, {
          status: 'published',
          slug: key,
          body: documentFromText(text),
          ...rest,
        });
      };
      await post('valley-abuses', {
        title: 'Villagers describe abuses in Brenna valley',
        standfirst: 'Witnesses speak of a campaign against the valley.',
        text: 'The villagers gave their accounts to investigators. Several families left their farms.',
        publishedAt: day(30),
      });
      await post('harbour-reopens', {
        title: 'Harbour reopens after the storm',
        text: 'The harbour master said earlier abuses of the quota rules were reported to the ministry. Boats returned on Monday.',
        publishedAt: day(10),
      });
      await post('overgrep', {
        title: 'Overgrepene i Brennadalen',
        language: 'nb',
        text: 'Landsbyboerne forteller om overgrep. Flere familier har forlatt gårdene sine.',
        publishedAt: day(20),
      });
      await post('grain', {
        title: 'Grain exports fall as measures tighten',
        text: 'Exporters expect a hard winter.',
        tagIds: [sanctions.id],
        authorIds: [kari.id],
        sources: [
          { publisher: 'The Guardian', title: 'Wheat corridor closes', url: 'https://guardian.example/w' },
        ],
        publishedAt: day(5),
      });
      await post('zurich', {
        title: 'Café Zürich élections',
        language: 'pl',
        text: 'Wybory w kawiarni, naïve résumé.',
        publishedAt: day(8),
      });
      await post('secret-draft', {
        title: 'Secret abuses memo',
        text: 'An unpublished memo about abuses.',
        status: 'draft',
        tagIds: [classified.id],
      });
      await post('scheduled', {
        title: 'Embargoed abuses report',
        text: 'Embargoed until next week.',
        status: 'scheduled',
        publishedAt: new Date(Date.now() + 7 * 86_400_000).toISOString(),
      });
      await post('old-twin', {
        title: 'Lighthouse keeper retires',
        text: 'The lighthouse keeper retires.',
        publishedAt: day(900),
      });
      await post('new-twin', {
        title: 'Lighthouse keeper retires',
        text: 'The lighthouse keeper retires.',
        publishedAt: day(1),
      });
      ids.sanctionsTag = sanctions.id;
      ids.classifiedTag = classified.id;
      ids.kari = kari.id;
    });
    after(async () => site?.destroy());

    test('a word in the title ranks above the same word in the body', async () => {
      assert.deepEqual(await find('abuses'), ['valley-abuses', 'harbour-reopens']);
      assert.deepEqual((await find('harbour'))[0], 'harbour-reopens');
    });

    test('all words must match', async () => {
      assert.deepEqual(await find('abuses ministry'), ['harbour-reopens']);
      assert.deepEqual(await find('abuses lighthouse'), []);
    });

    test('English stems: "reports" finds "reported", "describing" finds "describe"', async () => {
      assert.deepEqual(await find('reports'), ['harbour-reopens']);
      assert.deepEqual(await find('describing villager'), ['valley-abuses']);
    });

    test('Norwegian bokmål stems: "overgrep" finds "overgrepene" and the other way round', async () => {
      assert.deepEqual(await find('overgrep'), ['overgrep']);
      assert.deepEqual(await find('overgrepene familiene'), ['overgrep']);
    });

    test('an unknown language is unstemmed and accent-folded', async () => {
      assert.deepEqual(await find('cafe zurich'), ['zurich']);
      assert.deepEqual(await find('resume'), ['zurich']);
      assert.deepEqual(await find('wybor'), [], 'no stemming for a language we have no stemmer for');
    });

    test('exact phrases keep their word order', async () => {
      assert.deepEqual(await find('"harbour reopens"'), ['harbour-reopens']);
      assert.deepEqual(await find('"reopens harbour"'), []);
      assert.deepEqual(await find('"harbour master said"'), ['harbour-reopens'], 'three words');
      assert.deepEqual(await find('"harbour reopens" boats'), ['harbour-reopens'], 'a phrase and a word');
      assert.deepEqual(await find('"harbour master" -boats'), [], 'a phrase less a word');
      assert.deepEqual(await find('"harbour master" -"quota rules"'), [], 'a phrase less a phrase');
      assert.deepEqual(await find('"storm the harbour"'), [], 'a phrase never spans the title and the body');
    });

    test('prefixes', async () => {
      assert.deepEqual(await find('lightho*'), ['new-twin', 'old-twin']);
      assert.deepEqual(await find('brennad*'), ['overgrep']);
    });

    test('exclusions', async () => {
      assert.deepEqual(await find('abuses -harbour'), ['valley-abuses']);
      assert.deepEqual(await find('abuses -"quota rules"'), ['valley-abuses']);
      assert.deepEqual(await find('-harbour'), [], 'a query of exclusions alone finds nothing');
    });

    test('tags, authors and sources are searched', async () => {
      assert.deepEqual(await find('sanctions'), ['grain']);
      assert.deepEqual(await find('nordmann'), ['grain']);
      assert.deepEqual(await find('guardian wheat'), ['grain']);
    });

    test('a newer post ranks above an older one that matches as well', async () => {
      assert.deepEqual(await find('lighthouse keeper'), ['new-twin', 'old-twin']);
    });

    test('filters by language and by tag', async () => {
      assert.deepEqual(await find('brenna*', visitor, { language: 'nb' }), ['overgrep']);
      assert.deepEqual(await find('exports', visitor, { tagId: ids.sanctionsTag! }), ['grain']);
      assert.deepEqual(await find('harbour', visitor, { tagId: ids.sanctionsTag! }), []);
    });

    test('drafts and scheduled posts are never found, counted or suggested for visitors', async () => {
      const outcome = await searchPosts(site.ctx, { viewer: visitor, q: 'secret memo' });
      assert.equal(outcome.total, 0);
      assert.deepEqual(outcome.results, []);
      assert.deepEqual(await find('embargoed'), []);
      const suggested = await searchPosts(site.ctx, { viewer: visitor, q: 'classified harbour lighthouse' });
      assert.deepEqual(suggested.suggestions.tags, [], 'a tag on drafts only is not suggested');
      assert.ok(
        !suggested.suggestions.queries.some((q) => q.includes('lighthouse') && q.includes('classified')),
      );
      assert.deepEqual((await find('secret memo', editorViewer)).sort(), ['secret-draft']);
    });

    test('no results: suggestions that find something', async () => {
      const outcome = await searchPosts(site.ctx, { viewer: visitor, q: 'harbour zeppelin' });
      assert.equal(outcome.total, 0);
      assert.deepEqual(outcome.suggestions.queries, ['harbour']);
      const byTag = await searchPosts(site.ctx, { viewer: visitor, q: 'sanction' + 'z' });
      assert.deepEqual(byTag.suggestions.tags, []);
      const tagged = await searchPosts(site.ctx, { viewer: visitor, q: 'sanctio' });
      assert.deepEqual(
        tagged.suggestions.tags.map((t) => t.name),
        ['Sanctions'],
      );
    });

    test('snippets mark the matched words of the body', async () => {
      const outcome = await searchPosts(site.ctx, { viewer: visitor, q: 'reports ministry' });
      const marked = outcome.results[0]!.snippet.filter((p) => p.isMatch).map((p) => p.text);
      assert.deepEqual(marked, ['reported', 'ministry']);
      assert.match(outcome.results[0]!.snippet.map((p) => p.text).join(''), /abuses of the quota rules/);
    });

    test('the index follows every save: edit, unpublish, tag and author renames, delete', async () => {
      const ctx = site.ctx;
      await updatePost(ctx, ids['harbour-reopens']!, { title: 'Quay rebuilt after the storm' });
      assert.deepEqual(await find('quay'), ['harbour-reopens']);
      await updatePost(ctx, ids['harbour-reopens']!, { status: 'draft' });
      assert.deepEqual(await find('quay'), []);
      await updateTag(ctx, testAdministrator, ids.sanctionsTag!, { name: 'Embargo measures' });
      assert.deepEqual(await find('sanctions'), []);
      assert.deepEqual(await find('embargo measures'), ['grain']);
      await updateStaff(ctx, ids.kari!, { name: 'Kari Haugen' });
      assert.deepEqual(await find('haugen'), ['grain']);
      assert.deepEqual(await find('nordmann'), []);
      await deleteTag(ctx, testAdministrator, ids.sanctionsTag!);
      assert.deepEqual(await find('embargo measures'), []);
      await deletePost(ctx, ids.zurich!);
      assert.deepEqual(await find('zurich'), []);
    });

    test('reindex rebuilds the index from the posts', async () => {
      await site.ctx.repos.search.remove(Object.values(ids));
      assert.deepEqual(await find('lighthouse'), []);
      const indexed = await reindexAll(site.ctx.repos, { batchSize: 2 });
      assert.ok(indexed >= 8, `indexed ${indexed}`);
      assert.deepEqual(await find('lighthouse keeper'), ['new-twin', 'old-twin']);
      assert.deepEqual(await find('overgrep'), ['overgrep']);
    });

    test('every hostile string as a query answers without an error', async () => {
      // The outcome depends on the parsed query only, so each distinct parse is searched once.
      const distinct = new Map<string, string>();
      for (const payload of loadPayloads().payloads)
        distinct.set(queryText(parseSearchQuery(payload)), payload);
      for (const payload of distinct.values()) {
        const outcome = await searchPosts(site.ctx, { viewer: visitor, q: payload });
        assert.ok(outcome.total >= 0, payload);
      }
      for (const q of [
        '"',
        '""',
        '*',
        '-',
        '-*',
        'a*"b',
        'NEAR(a b)',
        'title:abuses',
        "'abuses'",
        'abuses:*',
        '!!abuses',
        '\\',
      ])
        await searchPosts(site.ctx, { viewer: visitor, q });
    });
  });
}
