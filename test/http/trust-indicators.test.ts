import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { demoSite } from '../../src/demo/demo-site.js';
import { loadDemoSite } from '../../src/demo/load-demo-site.js';
import { markSiteInitialized } from '../../src/domain/settings/site-state.js';
import { signInAs, type AdminClient } from '../helpers/admin.js';
import { createTestApp, type TestApp } from '../helpers/http.js';
import { jsonLdOf, schemaOrgProblems } from '../helpers/schema-org.js';
import { dialects } from '../helpers/sites.js';

/*
 * Issue 12, "trust made visible", on the demo site: every article says what kind of work it is
 * (label and schema.org type), datelines are shown and marked up, authors carry their credentials,
 * the publisher's policies are linked and named; the demo's corrected article is on the record.
 */

const articleTypes: Record<string, string> = {
  news: 'ReportageNewsArticle',
  analysis: 'AnalysisNewsArticle',
  opinion: 'OpinionNewsArticle',
  background: 'BackgroundNewsArticle',
};
const corrected = '/sorvik-harbour-rebuild-costs/';

for (const dialect of dialects) {
  describe(`trust indicators on ${dialect.name}`, { skip: dialect.skip }, () => {
    let t: TestApp;
    let editor: AdminClient;
    before(async () => {
      t = await createTestApp(dialect.name);
      await loadDemoSite(t.site.ctx);
      await markSiteInitialized(t.site.ctx);
      editor = await signInAs(t, 'editor');
    });
    after(async () => t?.destroy());

    test('every demo article says what kind of work it is, and its JSON-LD is schema.org', async () => {
      for (const post of demoSite.posts) {
        const page = await t.get(`/${post.slug}/`);
        assert.equal(page.statusCode, 200, post.slug);
        const [data] = jsonLdOf(page.body) as Record<string, unknown>[];
        assert.deepEqual(schemaOrgProblems(data), [], post.slug);
        if (post.type === 'page') continue;
        assert.match(page.body, new RegExp(`<p class="work-type work-type-${post.workType}">`), post.slug);
        assert.equal(data!['@type'], articleTypes[post.workType], post.slug);
        assert.ok(data!.genre, post.slug);
      }
    });

    test('a dateline is shown and marked up', async () => {
      const page = await t.get(corrected);
      assert.match(page.body, /<span class="dateline">Sørvik<\/span>/);
      const [data] = jsonLdOf(page.body) as Record<string, unknown>[];
      assert.equal(data!.dateline, 'Sørvik');
      assert.deepEqual(data!.locationCreated, { '@type': 'Place', name: 'Sørvik' });
    });

    test('the demo’s corrected article shows its correction, in its JSON-LD and on /corrections/', async () => {
      const page = await t.get(corrected);
      assert.match(page.body, /class="corrected-notice"/);
      assert.match(page.body, /night of 14 January\. It struck on the night of 15 January\./);
      const [data] = jsonLdOf(page.body) as Record<string, unknown>[];
      const [correction] = data!.correction as Record<string, string>[];
      assert.equal(correction!['@type'], 'CorrectionComment');
      assert.ok(String(data!.dateModified) >= correction!.datePublished!);
      const list = await t.get('/corrections/');
      assert.match(list.body, /href="\/sorvik-harbour-rebuild-costs\/#note-/);
      assert.ok(!list.body.includes('value added tax'), 'a clarification is not a correction');
      assert.equal((await t.get('/corrections/nb/')).statusCode, 200);
    });

    test('authors carry job title, expertise, contact, sameAs and fediverse:creator', async () => {
      const page = await t.get(corrected);
      assert.match(
        page.body,
        /<meta name="fediverse:creator" content="@ragnhild@calder\.social\.example" \/>/,
      );
      const [data] = jsonLdOf(page.body) as Record<string, unknown>[];
      const [author] = data!.author as Record<string, unknown>[];
      assert.equal(author!.jobTitle, 'Editor and publisher');
      assert.deepEqual(author!.sameAs, [
        'https://ragnhildbrekke.example/about',
        'https://calder.social.example/@ragnhild',
      ]);
      const profile = await t.get('/author/ragnhild-saether-brekke/');
      assert.match(profile.body, /<p class="job-title">Editor and publisher<\/p>/);
      assert.match(profile.body, /rel="me noopener"/);
    });

    test('the policies are in every footer and the Organization JSON-LD', async () => {
      const home = await t.get('/');
      for (const path of [
        '/ethics/',
        '/corrections-policy/',
        '/ownership-and-funding/',
        '/masthead/',
        '/feedback/',
      ])
        assert.match(home.body, new RegExp(`<a href="${path}">`), path);
      assert.match(home.body, /<a href="\/corrections\/">/);
      const [site] = jsonLdOf(home.body) as Record<string, Record<string, unknown>>[];
      const org = site!.publisher!;
      assert.equal(org['@type'], 'NewsMediaOrganization');
      assert.equal(org.correctionsPolicy, 'https://news.example/corrections-policy/');
      assert.equal(org.ethicsPolicy, 'https://news.example/ethics/');
      assert.equal(org.publishingPrinciples, 'https://news.example/ethics/');
      assert.equal(org.ownershipFundingInfo, 'https://news.example/ownership-and-funding/');
      assert.equal(org.masthead, 'https://news.example/masthead/');
      assert.equal(org.actionableFeedbackPolicy, 'https://news.example/feedback/');
      assert.deepEqual(schemaOrgProblems(site), []);
      const nbPage = await t.get('/overgrep-i-brennadalen/');
      assert.match(nbPage.body, /<a href="\/corrections\/nb\/">Rettelser<\/a>/);
    });

    test('a policy must be a page of the site; a type of work must be known', async () => {
      const admin = await signInAs(t, 'administrator');
      const bad = await admin.request('PATCH', '/admin/api/settings', { policies: { ethics: 'nope' } });
      assert.equal(bad.statusCode, 422, bad.body);
      assert.match(bad.body, /policies\.ethics/);
      const anArticle = (await t.site.ctx.repos.posts.findOne({ slug: 'sorvik-harbour-rebuild-costs' }))!;
      const notAPage = await admin.request('PATCH', '/admin/api/settings', {
        policies: { ethics: anArticle.id },
      });
      assert.equal(notAPage.statusCode, 422, 'an article is not a policy page');
      const created = await editor.request('POST', '/admin/api/posts', { title: 'T', workType: 'gossip' });
      assert.equal(created.statusCode, 422);
      const ok = await editor.request('POST', '/admin/api/posts', {
        title: 'A review',
        workType: 'review',
        dateline: 'Lindhamn',
      });
      assert.equal(ok.statusCode, 201, ok.body);
      assert.equal(ok.json().post.workType, 'review');
      assert.equal(ok.json().post.dateline, 'Lindhamn');
    });

    test('an author’s credentials are checked and escaped', async () => {
      const author = await signInAs(t, 'author');
      const refused = [
        { fediverse: 'not a handle' },
        { fediverse: '@a@b' },
        { profileLinks: ['javascript:alert(1)'] },
        { profileLinks: Array.from({ length: 11 }, (_, i) => `https://x.example/${i}`) },
        { jobTitle: 'x'.repeat(192) },
      ];
      for (const body of refused)
        assert.equal(
          (await author.request('PATCH', '/admin/api/profile', body)).statusCode,
          422,
          JSON.stringify(body),
        );
      const saved = await author.request('PATCH', '/admin/api/profile', {
        jobTitle: '<b>Reporter</b>',
        fediverse: 'writer@news.example',
        profileLinks: ['https://profiles.example/writer'],
      });
      assert.equal(saved.statusCode, 200, saved.body);
      assert.equal(saved.json().staff.fediverse, '@writer@news.example');
      const slug = (await t.site.ctx.repos.staff.findById(author.staffId))!.slug;
      const page = await t.get(`/author/${slug}/`);
      assert.match(page.body, /&lt;b&gt;Reporter&lt;\/b&gt;/);
      assert.ok(!page.body.includes('<b>Reporter'));
    });
  });
}
