import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { documentFromText } from '../../src/domain/posts/editor-document.js';
import { createPost } from '../../src/domain/posts/save-post.js';
import { updateSiteSettings } from '../../src/domain/settings/site-settings.js';
import { htmlProblems, loadPayloads, parseHtml, select, textOf, vocabulary } from '../helpers/bad-input.js';
import { aTag } from '../helpers/factories.js';
import { createTestApp, type TestApp } from '../helpers/http.js';
import { dialects } from '../helpers/sites.js';
import { testAdministrator } from '../helpers/actors.js';

const search = (q: string, extra = '') => `/search/?q=${encodeURIComponent(q)}${extra}`;

for (const dialect of dialects) {
  describe(`the search page on ${dialect.name}`, { skip: dialect.skip }, () => {
    let t: TestApp;
    before(async () => {
      t = await createTestApp(dialect.name);
      const ctx = t.site.ctx;
      await updateSiteSettings(ctx, testAdministrator, { languages: ['en', 'nb'] });
      const harbour = await aTag(ctx, 'Harbours');
      for (let i = 1; i <= 12; i++)
        await createPost(ctx, {
          title: `Harbour report number ${i}`,
          status: 'published',
          tagIds: i === 1 ? [harbour.id] : [],
          publishedAt: new Date(Date.UTC(2026, 0, i)).toISOString(),
          body: documentFromText(`The harbour <b>master</b> reported storm damage, part ${i}.`),
        });
      await createPost(ctx, {
        title: 'Havnerapport',
        language: 'nb',
        status: 'published',
        body: documentFromText('Havnesjefen rapporterte om stormskader.'),
      });
      await createPost(ctx, {
        title: 'Harbour draft not for readers',
        body: documentFromText('Unpublished harbour notes.'),
      });
    });
    after(async () => t?.destroy());

    test('results with title, date, snippet with marked words, noindex, never cached', async () => {
      const res = await t.get(search('harbour reports'));
      assert.equal(res.statusCode, 200);
      assert.equal(res.headers['cache-control'], 'no-store');
      const page = parseHtml(res.body);
      assert.ok(
        select(page, 'meta').some((m) => m.attribs.name === 'robots' && m.attribs.content === 'noindex'),
      );
      const results = select(page, 'li', 'search-result');
      assert.equal(results.length, 10, 'ten to a page');
      assert.match(textOf(page.doc)!, /12 results for “harbour reports”/);
      const marks = select(page, 'mark').map((m) => textOf(m));
      assert.ok(marks.includes('harbour') && marks.includes('reported'), marks.join(','));
      assert.ok(res.body.includes('&lt;b&gt;master&lt;/b&gt;'), 'body text in snippets is escaped');
      assert.ok(!res.body.includes('draft not for readers'));
      assert.ok(select(page, 'time').length >= 10);
      assert.equal(t.cache.get('/search/'), undefined);
    });

    test('pages of results keep the query and filters', async () => {
      const first = parseHtml((await t.get(search('harbour'))).body);
      const next = select(first, 'a').find((a) => a.attribs.rel === 'next');
      assert.equal(next?.attribs.href, '/search/?q=harbour&page=2');
      const second = parseHtml((await t.get(next!.attribs.href!)).body);
      assert.equal(select(second, 'li', 'search-result').length, 2);
      const beyond = await t.get(search('harbour', '&page=999'));
      assert.equal(beyond.statusCode, 200);
    });

    test('filters by language and by tag', async () => {
      const nb = parseHtml((await t.get(search('havnerapport', '&language=nb'))).body);
      assert.equal(select(nb, 'li', 'search-result').length, 1);
      const en = parseHtml((await t.get(search('havnerapport', '&language=en'))).body);
      assert.equal(select(en, 'li', 'search-result').length, 0);
      const tagged = parseHtml((await t.get(search('harbour', '&tag=harbours'))).body);
      assert.equal(select(tagged, 'li', 'search-result').length, 1);
      const unknownTag = parseHtml((await t.get(search('harbour', '&tag=no-such-tag'))).body);
      assert.equal(select(unknownTag, 'li', 'search-result').length, 0);
      const languages = select(nb, 'option').map((o) => o.attribs.value);
      assert.deepEqual(languages, ['', 'en', 'nb']);
    });

    test('no results: a message with suggestions', async () => {
      const page = parseHtml((await t.get(search('harbour zeppelin'))).body);
      assert.match(textOf(page.doc)!, /Nothing was found for “harbour zeppelin”/);
      assert.ok(select(page, 'a').some((a) => a.attribs.href === '/search/?q=harbour'));
      const byTag = parseHtml((await t.get(search('harbours zeppelin'))).body);
      assert.ok(select(byTag, 'a').some((a) => a.attribs.href === '/tag/harbours/'));
    });

    test('a search box in the header of every page and on the 404 page; OpenSearch linked', async () => {
      for (const path of ['/', '/topics/', '/no-such-page/']) {
        const page = parseHtml((await t.get(path)).body);
        const forms = select(page, 'form').filter((f) => f.attribs.action === '/search/');
        assert.ok(forms.length >= (path === '/no-such-page/' ? 2 : 1), path);
        const link = select(page, 'link').find((l) => l.attribs.rel === 'search');
        assert.equal(link?.attribs.href, 'https://news.example/opensearch.xml');
      }
      const description = await t.get('/opensearch.xml');
      assert.equal(description.statusCode, 200);
      assert.match(String(description.headers['content-type']), /^application\/opensearchdescription\+xml/);
      assert.ok(description.body.includes('template="https://news.example/search/?q={searchTerms}"'));
    });

    // Escaping does not depend on the database, and the contract suite runs every query on both.
    test(
      'every hostile string as a query: 200 and an escaped page',
      {
        skip:
          dialect.name === 'sqlite'
            ? undefined
            : 'the page escapes the same on every database; test/search runs every hostile query on PostgreSQL',
      },
      async () => {
        const allowed = vocabulary(parseHtml((await t.get(search('harbour zeppelin'))).body));
        for (const tag of vocabulary(parseHtml((await t.get(search('harbour'))).body))) allowed.add(tag);
        const failures: string[] = [];
        for (const payload of loadPayloads().payloads) {
          const res = await t.get(search(payload));
          if (res.statusCode !== 200) {
            failures.push(`${res.statusCode} for ${JSON.stringify(payload)}`);
            continue;
          }
          const page = parseHtml(res.body);
          const problems = htmlProblems(page, allowed);
          if (problems.length) failures.push(`${JSON.stringify(payload)}: ${problems.join('; ')}`);
          const box = select(page, 'input').find((i) => i.attribs.id === 'search-q');
          if (box?.attribs.value !== payload.slice(0, 200))
            failures.push(
              `the box holds ${JSON.stringify(box?.attribs.value)} for ${JSON.stringify(payload)}`,
            );
        }
        assert.deepEqual(failures, []);
      },
    );
  });
}
