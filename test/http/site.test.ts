import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { gunzipSync, brotliDecompressSync } from 'node:zlib';
import { loadDemoSite } from '../../src/demo/load-demo-site.js';
import { updatePost } from '../../src/domain/posts/save-post.js';
import { createPost } from '../../src/domain/posts/save-post.js';
import { updateSiteSettings } from '../../src/domain/settings/site-settings.js';
import { markSiteInitialized } from '../../src/domain/settings/site-state.js';
import { createTestApp, type TestApp } from '../helpers/http.js';
import { dialects } from '../helpers/sites.js';
import { testAdministrator } from '../helpers/actors.js';

const lead = '/brenna-valley-abuses-kessan-forces/';

const count = (haystack: string, needle: string | RegExp) =>
  typeof needle === 'string'
    ? haystack.split(needle).length - 1
    : (haystack.match(new RegExp(needle, 'g')) ?? []).length;
const teaser = /<article\s+class="teaser"/;

/** The markup with formatting whitespace folded, so assertions speak of structure, not layout. */
const fold = (markup: string) =>
  markup
    .replace(/\s+/g, ' ')
    .replace(/\s*\/>/g, '>')
    .replace(/>\s+</g, '><')
    .replace(/<(\w+)\s+/g, '<$1 ')
    .replace(/\s+>/g, '>');

for (const dialect of dialects) {
  describe(`public site on ${dialect.name}`, { skip: dialect.skip }, () => {
    let t: TestApp;
    before(async () => {
      t = await createTestApp(dialect.name);
      await loadDemoSite(t.site.ctx);
      await markSiteInitialized(t.site.ctx);
    });
    after(async () => t?.destroy());

    test('every response carries the security headers', async () => {
      for (const path of ['/', lead, '/no-such-page/', '/rss.xml', '/robots.txt']) {
        const res = await t.get(path);
        assert.match(String(res.headers['content-security-policy']), /default-src 'self'/, path);
        assert.match(String(res.headers['content-security-policy']), /script-src 'none'/, path);
        assert.equal(res.headers['x-content-type-options'], 'nosniff', path);
        assert.ok(res.headers['referrer-policy'], path);
        assert.equal(res.headers['x-powered-by'], undefined, path);
      }
    });

    test('the article page shows every element of the reference page', async () => {
      const res = await t.get(lead);
      assert.equal(res.statusCode, 200);
      const page = fold(res.body);
      assert.match(page, /<h1>[^<]*Brenna Valley[^<]*<\/h1>/);
      assert.match(page, /<p class="standfirst">/);
      assert.match(page, /<a href="\/author\/[^"]+\/" rel="author">/, 'byline links to the author');
      assert.match(page, /<time datetime="\d{4}-\d\d-\d\dT/);
      assert.match(
        page,
        /<figure class="feature-image"><picture>.*<\/picture><figcaption>.*class="credit">Illustration: Arne Vik \/ Nordlys Agency</s,
      );
      assert.match(page, /<source type="image\/avif" srcset="[^"]+ 480w/);
      assert.match(page, /<source type="image\/webp"/);
      assert.match(
        page,
        /<img src="\/media\/[^"]+\.jpg" srcset="[^"]+" sizes="[^"]+" width="\d+" height="\d+" alt="[^"]+" fetchpriority="high"/,
      );
      assert.match(
        page,
        /<figure class="figure"><picture>.*loading="lazy".*<figcaption>/s,
        'inline figure is lazy',
      );
      const inlineCaption = /<figure class="figure">.*?<span class="caption">([^<]+)<\/span>/s.exec(
        page,
      )![1]!;
      assert.equal(count(page, inlineCaption), 1, 'an inline caption is shown once');
      const sources = /<section class="sources"[\s\S]*?<\/section>/.exec(page)![0];
      assert.equal(count(sources, '<li class="source">'), 3);
      assert.equal(count(sources, 'According to <cite>'), 3);
      assert.equal(count(sources, 'Read the full article'), 3);
      assert.match(sources, /href="https:\/\/[^"]+\.example\//);
      assert.match(page, /<nav class="post-tags"/);
      assert.match(page, /class="promotions promotions-after-article"[\s\S]*The Quiet Border/);
      assert.match(page, /<section class="related"[\s\S]*Check Also[\s\S]*class="teaser"/);
      assert.match(page, /<a href="\/overgrep-i-brennadalen\/" hreflang="nb" lang="nb">Norsk<\/a>/);
    });

    test('"Check Also" never lists the post itself and shows three teasers', async () => {
      const page = (await t.get(lead)).body;
      const related = /<section class="related"[\s\S]*?<\/section>/.exec(page)![0];
      assert.equal(count(related, teaser), 3);
      assert.ok(!related.includes(`href="${lead}"`));
    });

    test('head metadata: canonical, Open Graph, Twitter card, hreflang and news article JSON-LD', async () => {
      const page = fold((await t.get(lead)).body);
      assert.match(page, new RegExp(`<link rel="canonical" href="https://news.example${lead}">`));
      assert.match(page, /<meta property="og:type" content="article">/);
      assert.match(page, /<meta property="og:image" content="https:\/\/news\.example\/media\/[^"]+\.jpg">/);
      assert.match(page, /<meta name="twitter:card" content="summary_large_image">/);
      assert.match(
        page,
        /<link rel="alternate" hreflang="nb" href="https:\/\/news\.example\/overgrep-i-brennadalen\/">/,
      );
      const json = /<script type="application\/ld\+json">(.*?)<\/script>/s.exec(page)![1]!;
      const data = JSON.parse(json) as Record<string, unknown>;
      assert.equal(data['@type'], 'ReportageNewsArticle', 'a NewsArticle of its type of work (news)');
      assert.equal((data.citation as unknown[]).length, 3);
      assert.ok(Array.isArray(data.author) && data.author.length > 0);
    });

    test('the Norwegian article is served in Norwegian', async () => {
      const page = (await t.get('/overgrep-i-brennadalen/')).body;
      assert.match(page, /<html lang="nb">/);
      assert.match(page, /Ifølge <cite>/);
      assert.match(page, /Les hele artikkelen/);
    });

    test('home, pagination, archives, topics, page and 404', async () => {
      const home = await t.get('/');
      assert.equal(home.statusCode, 200);
      assert.match(home.body, /<section class="lead"[\s\S]*Brenna Valley/);
      assert.equal((await t.get('/page/2/')).statusCode, 404, 'the demo fits on one page');
      for (let i = 0; i < 12; i++)
        await createPost(t.site.ctx, { title: `Filler ${i}`, status: 'published' });
      const second = await t.get('/page/2/');
      assert.equal(second.statusCode, 200);
      assert.match(second.body, /rel="prev" href="\/"/);
      assert.match((await t.get('/')).body, /rel="next" href="\/page\/2\/"/);
      assert.equal((await t.get('/page/99/')).statusCode, 404);
      assert.equal((await t.get('/page/1/')).statusCode, 404, 'page 1 lives at /');
      assert.equal((await t.get('/page/abc/')).statusCode, 404);
      const tag = await t.get('/tag/human-rights/');
      assert.equal(tag.statusCode, 200);
      assert.match(tag.body, /<h1>Human rights<\/h1>/);
      const author = await t.get('/author/ragnhild-saether-brekke/');
      assert.equal(author.statusCode, 200);
      assert.match(author.body, /class="author-photo"/);
      assert.match((await t.get('/topics/')).body, /<h2 id="kind-person">People<\/h2>/);
      assert.match((await t.get('/about/')).body, /<article class="post post-page">/);
      const missing = await t.get('/no-such-page/');
      assert.equal(missing.statusCode, 404);
      assert.match(missing.body, /Page not found/);
      assert.equal((await t.get('/tag/no-such-tag/')).statusCode, 404);
      assert.equal((await t.get('/author/nobody/')).statusCode, 404);
    });

    test('the home page lists one version of a translated story, and pages never repeat a post', async () => {
      const home = (await t.get('/')).body;
      assert.doesNotMatch(
        home,
        /href="\/overgrep-i-brennadalen\/"/,
        'the Norwegian version of the lead is not listed',
      );
      assert.equal((await t.get('/overgrep-i-brennadalen/')).statusCode, 200);
      const links = (body: string) =>
        [...body.matchAll(/<h[23] class="teaser-title"><a href="([^"]+)"/g)].map((m) => m[1]);
      const first = links((await t.get('/')).body);
      const second = links((await t.get('/page/2/')).body);
      assert.ok(second.length > 0);
      assert.deepEqual(
        first.filter((l) => second.includes(l)),
        [],
        'no post on both pages',
      );
    });

    test('a path without its trailing slash redirects, but never to another host', async () => {
      const res = await t.get('/about?x=1');
      assert.equal(res.statusCode, 301);
      assert.equal(res.headers.location, '/about/?x=1');
      const sneaky = await t.get('//evil.example');
      assert.notEqual(sneaky.statusCode, 301);
    });

    test('conditional GET answers 304 and compression is negotiated', async () => {
      const first = await t.get(lead);
      const etag = String(first.headers.etag);
      assert.ok(etag);
      assert.equal((await t.get(lead, { 'if-none-match': etag })).statusCode, 304);
      const br = await t.get(lead, { 'accept-encoding': 'gzip, deflate, br' });
      assert.equal(br.headers['content-encoding'], 'br');
      assert.equal(brotliDecompressSync(br.rawPayload).toString(), first.body);
      const gz = await t.get(lead, { 'accept-encoding': 'gzip' });
      assert.equal(gz.headers['content-encoding'], 'gzip');
      assert.equal(gunzipSync(gz.rawPayload).toString(), first.body);
      assert.notEqual(gz.headers.etag, etag, 'each encoding has its own ETag');
      assert.equal(
        (await t.get(lead, { 'accept-encoding': 'br;q=0, gzip;q=0' })).headers['content-encoding'],
        undefined,
      );
    });

    test('a change shows at once: no stale page after an edit or a publish', async () => {
      const before = await t.get(lead);
      const post = (await t.site.ctx.repos.posts.findOne({ slug: lead.slice(1, -1) }))!;
      await updatePost(t.site.ctx, post.id, { title: 'An edited headline' });
      const afterEdit = await t.get(lead);
      assert.match(afterEdit.body, /<h1>An edited headline<\/h1>/);
      assert.notEqual(afterEdit.headers.etag, before.headers.etag);
      await createPost(t.site.ctx, { title: 'Breaking: fresh story', status: 'published' });
      assert.match((await t.get('/')).body, /Breaking: fresh story/);
      assert.match((await t.get('/rss.xml')).body, /Breaking: fresh story/);
    });

    test('feeds for the site, a tag and an author in RSS, Atom and JSON Feed', async () => {
      for (const base of ['/', '/tag/human-rights/', '/author/ragnhild-saether-brekke/']) {
        const rss = await t.get(`${base}rss.xml`);
        assert.equal(rss.statusCode, 200, base);
        assert.match(String(rss.headers['content-type']), /application\/rss\+xml/);
        assert.match(rss.body, /<rss version="2.0"/);
        assert.match(rss.body, /<link>https:\/\/news\.example\//);
        const atom = await t.get(`${base}atom.xml`);
        assert.match(atom.body, /<feed xmlns="http:\/\/www.w3.org\/2005\/Atom"/);
        const jsonFeed = await t.get(`${base}feed.json`);
        assert.equal(jsonFeed.statusCode, 200, `${base}feed.json`);
        const json = JSON.parse(jsonFeed.body) as { version: string; items: unknown[] };
        assert.match(json.version, /jsonfeed.org\/version\/1/);
        assert.ok(json.items.length > 0, base);
      }
      const rss = (await t.get('/rss.xml')).body;
      assert.ok(!/src="\/media/.test(rss), 'feed content uses absolute image URLs');
      assert.equal((await t.get('/tag/no-such-tag/rss.xml')).statusCode, 404);
    });

    test('feed items carry the image caption and credit and the sources; feeds speak their language', async () => {
      const rss = (await t.get('/rss.xml')).body;
      const item = (feed: string) =>
        feed.split('<item>').find((i) => i.includes(`<link>https://news.example${lead}</link>`))!;
      const leadItem = item(rss);
      assert.match(leadItem, /Illustration: Arne Vik \/ Nordlys Agency/);
      assert.match(
        leadItem,
        /According to &lt;cite&gt;The Northern Ledger&lt;\/cite&gt; — &lt;a href=&quot;https:\/\/northernledger\.example/,
      );
      const json = JSON.parse((await t.get('/feed.json')).body) as {
        items: { url: string; content_html: string }[];
      };
      const jsonItem = json.items.find((i) => i.url.endsWith(lead))!;
      assert.match(jsonItem.content_html, /<h2>Sources<\/h2>/);
      const nb = (await t.get('/tag/menneskerettigheter/rss.xml')).body;
      assert.match(nb, /<language>nb<\/language>/);
      assert.match(nb, /Les hele artikkelen/);
      assert.match(nb, /overgrep-i-brennadalen/);
      assert.equal((await t.get('/rss/')).statusCode, 200, 'the feed address Ghost sites use');
      assert.equal((await t.get('/feed/')).statusCode, 200, 'the feed address WordPress sites use');
    });

    test('dates are shown in the site time zone; a bad time zone is refused', async () => {
      await createPost(t.site.ctx, {
        title: 'Late night vote',
        status: 'published',
        publishedAt: '2026-03-09T23:30:00Z',
      });
      const page = (await t.get('/late-night-vote/')).body;
      assert.match(
        page,
        /<time datetime="2026-03-09T23:30:00.000Z">10 March 2026<\/time>/,
        'Oslo is an hour ahead',
      );
      await assert.rejects(
        updateSiteSettings(t.site.ctx, testAdministrator, { timezone: 'Mars/Olympus' }),
        /time zone/,
      );
    });

    test('a post cannot take a path the site uses itself', async () => {
      const id = await createPost(t.site.ctx, { title: 'RSS', status: 'published' });
      assert.equal((await t.site.ctx.repos.posts.findById(id))!.slug, 'rss-2');
      await assert.rejects(updatePost(t.site.ctx, id, { slug: 'tag' }), /already used/);
    });

    test('the sitemap index lists child sitemaps with every public URL, lastmod and images; robots points to it', async () => {
      const index = (await t.get('/sitemap.xml')).body;
      assert.match(index, /<sitemapindex xmlns="http:\/\/www.sitemaps.org\/schemas\/sitemap\/0.9">/);
      const children = [...index.matchAll(/<loc>https:\/\/news.example(\/[^<]+)<\/loc>/g)].map((m) => m[1]!);
      assert.deepEqual(children, [
        '/sitemap-posts-1.xml',
        '/sitemap-pages-1.xml',
        '/sitemap-tags-1.xml',
        '/sitemap-authors-1.xml',
        '/sitemap-news.xml',
      ]);
      for (const child of children) {
        const res = await t.get(child);
        assert.equal(res.statusCode, 200, child);
        assert.match(String(res.headers['content-type']), /^application\/xml/, child);
        assert.doesNotMatch(res.body, /secret-draft/, child);
      }
      const posts = (await t.get('/sitemap-posts-1.xml')).body;
      assert.match(posts, /xmlns:image="http:\/\/www.google.com\/schemas\/sitemap-image\/1.1"/);
      assert.match(
        posts,
        new RegExp(
          `<loc>https://news.example${lead}</loc><lastmod>[^<]+</lastmod><image:image><image:loc>https://news.example/media/`,
        ),
      );
      const pages = (await t.get('/sitemap-pages-1.xml')).body;
      assert.match(pages, /<loc>https:\/\/news.example\/<\/loc>/);
      assert.match(pages, /<loc>https:\/\/news.example\/about\/<\/loc>/);
      assert.match(
        (await t.get('/sitemap-tags-1.xml')).body,
        /<loc>https:\/\/news.example\/tag\/human-rights\/<\/loc>/,
      );
      assert.match(
        (await t.get('/sitemap-authors-1.xml')).body,
        /<loc>https:\/\/news.example\/author\/[^<]+\/<\/loc>/,
      );
      for (const missing of [
        '/sitemap-posts-2.xml',
        '/sitemap-posts-0.xml',
        '/sitemap-posts-x.xml',
        '/sitemap-pages-9.xml',
      ])
        assert.equal((await t.get(missing)).statusCode, 404, missing);
      const robots = await t.get('/robots.txt');
      assert.match(robots.body, /Sitemap: https:\/\/news.example\/sitemap.xml/);
    });

    test('the Google News sitemap lists only the last 48 hours of published articles', async () => {
      const now = t.site.ctx.clock.now().getTime();
      const hoursAgo = (h: number) => new Date(now - h * 3600_000).toISOString();
      await createPost(t.site.ctx, {
        title: 'Fresh <news> & views',
        status: 'published',
        publishedAt: hoursAgo(2),
      });
      await createPost(t.site.ctx, {
        title: 'Three days old',
        status: 'published',
        publishedAt: hoursAgo(72),
      });
      await createPost(t.site.ctx, { title: 'Fresh draft', status: 'draft' });
      const news = (await t.get('/sitemap-news.xml')).body;
      assert.match(news, /xmlns:news="http:\/\/www.google.com\/schemas\/sitemap-news\/0.9"/);
      assert.match(
        fold(news),
        /<url><loc>https:\/\/news.example\/fresh-news-views\/<\/loc><news:news><news:publication><news:name>[^<]+<\/news:name><news:language>en<\/news:language><\/news:publication><news:publication_date>[^<]+<\/news:publication_date><news:title>Fresh &lt;news&gt; &amp; views<\/news:title>/,
      );
      assert.doesNotMatch(news, /three-days-old|fresh-draft/);
    });

    test('slugs in Norwegian, Arabic and emoji titles give working URLs', async () => {
      for (const [title, slug] of [
        ['Blåbær på Ærø', 'blabaer-pa-aero'],
        ['مرحبا بالعالم', 'مرحبا-بالعالم'],
        ['🎉🎉', 'untitled'],
      ] as const) {
        await createPost(t.site.ctx, { title, status: 'published' });
        const res = await t.get(`/${encodeURIComponent(slug)}/`);
        assert.equal(res.statusCode, 200, title);
        assert.ok(fold(res.body).includes(`<h1>${title}</h1>`), title);
      }
    });

    test('drafts are not served, listed, or put in feeds and sitemaps', async () => {
      await createPost(t.site.ctx, { title: 'Secret draft', status: 'draft' });
      assert.equal((await t.get('/secret-draft/')).statusCode, 404);
      for (const path of ['/', '/rss.xml', '/feed.json', '/sitemap-posts-1.xml', '/sitemap-news.xml'])
        assert.doesNotMatch((await t.get(path)).body, /Secret draft|secret-draft/, path);
    });

    test('media files are served with long caching and the stylesheet is fingerprinted', async () => {
      const page = fold((await t.get(lead)).body);
      const img = /<img src="(\/media\/[^"]+)"/.exec(page)![1]!;
      const res = await t.get(img);
      assert.equal(res.statusCode, 200);
      assert.equal(res.headers['content-type'], 'image/jpeg');
      assert.match(String(res.headers['cache-control']), /immutable/);
      const css = /<link rel="stylesheet" href="(\/assets\/style\.[0-9a-f]{10}\.css)">/.exec(page)![1]!;
      const sheet = await t.get(css);
      assert.equal(sheet.statusCode, 200);
      assert.match(String(sheet.headers['content-type']), /text\/css/);
      assert.equal((await t.get('/media/../data/broadsheet.db')).statusCode, 404);
      assert.equal((await t.get('/media/%2e%2e/data/broadsheet.db')).statusCode, 404);
    });
  });
}

describe('an empty site', () => {
  test('says nothing is published yet, and its feeds are dated now', async () => {
    const t = await createTestApp('sqlite');
    try {
      const home = await t.get('/');
      assert.equal(home.statusCode, 200);
      assert.match(home.body, /Nothing has been published yet\./);
      const atom = (await t.get('/atom.xml')).body;
      const updated = /<updated>([^<]+)<\/updated>/.exec(atom)![1]!;
      assert.ok(Date.now() - Date.parse(updated) < 60_000, updated);
    } finally {
      await t.destroy();
    }
  });
});
