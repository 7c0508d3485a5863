// The public site renders through the Theme it is given (src/rendering/theme.ts), and serves the
// languages its settings list.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { updateSiteSettings } from '../../src/domain/settings/site-settings.js';
import { markSiteInitialized } from '../../src/domain/settings/site-state.js';
import { createSiteEnv } from '../../src/http/app.js';
import { searchPage } from '../../src/http/site/search-page.js';
import type { SiteEnv } from '../../src/http/site/site-env.js';
import { feedDocument } from '../../src/http/site/site-feeds.js';
import { authorPage, homePage, messagePage, tagPage, topicsPage } from '../../src/http/site/site-pages.js';
import { loadThemeAssets } from '../../src/http/theme-assets.js';
import type { Theme, ThemePages } from '../../src/rendering/theme.js';
import { defaultTheme } from '../../themes/default/index.js';
import { aPublishedPost, aTag, anAuthor } from '../helpers/factories.js';
import { createTestApp, type TestApp } from '../helpers/http.js';
import { correctionsPage } from '../../src/http/site/corrections-page.js';
import { createTestSite, type TestSite } from '../helpers/sites.js';
import { testAdministrator } from '../helpers/actors.js';

/** The default theme with each page marked by its name, and every string language asked for kept. */
function markingTheme(asked: string[]): Theme {
  const pages = Object.fromEntries(
    Object.entries(defaultTheme.pages).map(([name, render]) => [
      name,
      (...args: unknown[]) => `<!-- ${name} -->${(render as (...a: unknown[]) => string)(...args)}`,
    ]),
  ) as unknown as ThemePages;
  return {
    ...defaultTheme,
    pages,
    strings: (language) => {
      asked.push(language);
      const strings = defaultTheme.strings(language);
      return { ...strings, languageName: `name-of-${language}`, sources: `sources-in-${language}` };
    },
  };
}

describe('the theme seam', () => {
  let site: TestSite;
  let env: SiteEnv;
  const asked: string[] = [];
  let tagSlug: string;
  let authorSlug: string;
  before(async () => {
    site = await createTestSite('sqlite', { BROADSHEET_URL: 'https://news.example' });
    await markSiteInitialized(site.ctx);
    await updateSiteSettings(site.ctx, testAdministrator, { languages: ['en', 'nb'], defaultLanguage: 'en' });
    const author = await anAuthor(site.ctx, 'Ada Lind');
    const tag = await aTag(site.ctx, 'Harbours');
    tagSlug = tag.slug;
    authorSlug = author.slug;
    await aPublishedPost(site.ctx, {
      title: 'Harbour news',
      tagIds: [tag.id],
      authorIds: [author.id],
      sources: [{ publisher: 'The Ledger', title: 'Harbour report', url: 'https://ledger.example/r' }],
    });
    env = createSiteEnv(site, loadThemeAssets(site.theme), markingTheme(asked));
  });
  after(async () => site?.destroy());

  test('every page is asked of the theme it is given, by name', async () => {
    const pages: [string, Awaited<ReturnType<typeof homePage>>][] = [
      ['home', await homePage(env, 1)],
      ['archive', await tagPage(env, tagSlug, 1)],
      ['archive', await authorPage(env, authorSlug, 1)],
      ['topics', await topicsPage(env)],
      ['message', await messagePage(env, 'not-found', '/nowhere/')],
      ['search', await searchPage(env, { q: 'harbour', page: 1, language: undefined, tag: undefined })],
      ['corrections', await correctionsPage(env, {})],
      ['corrections', await correctionsPage(env, { language: 'nb' })],
    ];
    for (const [name, page] of pages) {
      assert.ok(page, name);
      assert.ok(page.body.startsWith(`<!-- ${name} -->`), `${name}: ${page.body.slice(0, 40)}`);
    }
    assert.match(pages[1]![1]!.body, /<h1>Harbours<\/h1>/);
    assert.match(pages[2]![1]!.body, /<h1>Ada Lind<\/h1>/);
  });

  test('the search page names each language of the settings with the theme’s strings', async () => {
    const page = await searchPage(env, { q: 'harbour', page: 1, language: undefined, tag: undefined });
    assert.match(page.body, /<option value="en"\s*>name-of-en<\/option>/);
    assert.match(page.body, /<option value="nb"\s*>name-of-nb<\/option>/);
    assert.ok(asked.includes('nb'), 'the strings of every site language were asked for');
  });

  test('feeds take their labels from the theme’s strings in the feed’s language', async () => {
    const feed = await feedDocument(env, { kind: 'site' }, 'rss');
    assert.ok(feed);
    assert.match(feed.body, /sources-in-en/);
  });
});

describe('the languages the members’ pages speak come from the settings', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp('sqlite');
    await markSiteInitialized(t.site.ctx);
  });
  after(async () => t?.destroy());

  // A stale form token: the "send it again" page, in the language the form asked for if the site has it.
  const staleSignup = (language: string) =>
    t.app.inject({
      method: 'POST',
      url: '/subscribe/',
      headers: { 'content-type': 'application/x-www-form-urlencoded', origin: 'https://news.example' },
      payload: new URLSearchParams({
        email: 'a@example.org',
        language,
        website: '',
        form_token: 'stale',
      }).toString(),
    });
  const languageOf = (body: string) => /<html lang="([^"]+)"/.exec(body)?.[1];

  test('a language the site does not serve gets the default language', async () => {
    await updateSiteSettings(t.site.ctx, testAdministrator, { languages: ['en'], defaultLanguage: 'en' });
    const res = await staleSignup('nb');
    assert.equal(res.statusCode, 403);
    assert.equal(languageOf(res.body), 'en');
  });

  test('a language the settings add is served at once', async () => {
    await updateSiteSettings(t.site.ctx, testAdministrator, { languages: ['en', 'nb'] });
    const res = await staleSignup('nb');
    assert.equal(res.statusCode, 403);
    assert.equal(languageOf(res.body), 'nb');
    assert.match(res.body, /Send skjemaet på nytt/);
    assert.equal(languageOf((await staleSignup('de')).body), 'en', 'a language no settings list');
  });
});
