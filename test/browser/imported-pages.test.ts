// The article pages of imported WordPress sites (the Theme Unit Test, the block test data, and an
// export of embeds), as the demo's pages are checked: every published post and page valid HTML5 by
// the Nu HTML Checker (one run over all), and in real Chromium no console or page error under the
// site's CSP and no axe-core violation, at desktop and phone widths, on an evenly spread sample of
// each import's pages (every page at both widths takes over ten minutes on a busy 2-core machine).
// An embed loads nothing from its service until the reader follows its link.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Browser, BrowserContext, Route } from 'playwright-core';
import { importWordPressExport } from '../../src/domain/import/import-wordpress.js';
import { markSiteInitialized } from '../../src/domain/settings/site-state.js';
import { systemActor } from '../../src/domain/staff/permissions.js';
import { buildApp } from '../../src/http/app.js';
import { createWordPressImportPorts } from '../../src/main.js';
import { createTestSite, type TestSite } from '../helpers/sites.js';
import { assertAccessiblePage } from './axe-kit.js';
import { chromiumMissing, launchChromium, recordCspViolations } from './browser-kit.js';
import { assertNoNuErrors, checkAll, javaMissing, type NuMessage } from './nu-kit.js';
import { skipUnlessCi } from './page-types.js';

const work = mkdtempSync(join(tmpdir(), 'broadsheet-imported-pages-'));
const embedsExport = join(work, 'embeds.xml');
const fixtures = {
  'theme-unit-test': 'test/fixtures/wxr/theme-test-data/themeunittestdata.wordpress.xml',
  'block-test-data': 'test/fixtures/wxr/theme-test-data/64-block-test-data.xml',
  embeds: embedsExport,
} as const;

const embedAddresses = [
  'https://www.youtube.com/watch?v=abc123',
  'https://vimeo.com/123456',
  'https://twitter.com/fjordpost/status/1',
  'https://mastodon.social/@fjordpost/112233445566',
  'https://soundcloud.com/fjordpost/harbour',
  'https://datawrapper.dwcdn.net/AbC12/1/',
  'https://www.openstreetmap.org/#map=12/59.9/10.7',
];

/** One post with every service: as blocks, as [embed] and as bare addresses on their own lines. */
function writeEmbedsExport(): void {
  const [youtube, vimeo, twitter, mastodon, soundcloud, datawrapper, map] = embedAddresses;
  const blocks = `<!-- wp:paragraph --><p>The meeting, on video.</p><!-- /wp:paragraph -->
<!-- wp:embed {"url":"${youtube}","type":"video","providerNameSlug":"youtube"} --><figure class="wp-block-embed"><div class="wp-block-embed__wrapper">${youtube}</div><figcaption class="wp-element-caption">The harbour board votes</figcaption></figure><!-- /wp:embed -->
<!-- wp:embed {"url":"${vimeo}"} --><figure class="wp-block-embed"><div class="wp-block-embed__wrapper">${vimeo}</div></figure><!-- /wp:embed -->
<!-- wp:embed {"url":"${datawrapper}"} --><figure class="wp-block-embed"><div class="wp-block-embed__wrapper">${datawrapper}</div></figure><!-- /wp:embed -->`;
  const classic = `What people said.

[embed]${twitter}[/embed]

${mastodon}

${soundcloud}

${map}`;
  const item = (id: string, slug: string, content: string) => `<item><title>Embeds ${id}</title>
<link>https://embeds.example/${slug}/</link><dc:creator>kari</dc:creator><content:encoded><![CDATA[${content}]]></content:encoded>
<wp:post_id>${id}</wp:post_id><wp:post_date_gmt>2024-05-02 08:30:00</wp:post_date_gmt><wp:post_name>${slug}</wp:post_name>
<wp:status>publish</wp:status><wp:post_type>post</wp:post_type></item>`;
  writeFileSync(
    embedsExport,
    `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="http://wordpress.org/export/1.2/">
<channel><title>Embeds</title><link>https://embeds.example</link><wp:wxr_version>1.2</wp:wxr_version>
${item('1', 'embed-blocks', blocks)}${item('2', 'embed-classic', classic)}</channel></rss>`,
  );
}

interface ImportedPage {
  /** `theme-unit-test-12`: unique, and safe as a file name. */
  name: string;
  path: string;
  url: string;
  html: string;
}

interface ImportedServer {
  pages: ImportedPage[];
  close(): Promise<void>;
}

/** A fresh SQLite site with one export imported, served on a local port; its published posts and pages fetched. */
async function startImportedServer(name: keyof typeof fixtures): Promise<ImportedServer> {
  const site: TestSite = await createTestSite('sqlite');
  try {
    await markSiteInitialized(site.ctx);
    await importWordPressExport(site.ctx, systemActor('import test'), {
      files: [fixtures[name]],
      ports: createWordPressImportPorts(),
    });
    const { app } = await buildApp(site);
    await app.listen({ host: '127.0.0.1', port: 0 });
    const { port } = app.server.address() as AddressInfo;
    const published = await site.ctx.repos.posts.list(
      { statuses: ['published'] },
      { offset: 0, limit: 1000 },
      'teaser',
    );
    const pages = await Promise.all(
      published.map(async (post, i) => {
        const path = `/${encodeURIComponent(post.slug)}/`;
        const url = `http://127.0.0.1:${port}${path}`;
        const response = await fetch(url);
        assert.equal(response.status, 200, `${path} answered ${response.status}`);
        return { name: `${name}-${i}`, path, url, html: await response.text() };
      }),
    );
    return {
      pages,
      async close() {
        await app.close();
        await site.destroy();
      },
    };
  } catch (error) {
    await site.destroy();
    throw error;
  }
}

const servers = new Map<keyof typeof fixtures, ImportedServer>();
before(async () => {
  // Neither suite runs (its tool missing on a developer machine): nothing to serve.
  if (skipUnlessCi(javaMissing) && skipUnlessCi(chromiumMissing)) return;
  writeEmbedsExport();
  for (const name of Object.keys(fixtures) as (keyof typeof fixtures)[])
    servers.set(name, await startImportedServer(name));
});
after(async () => {
  for (const server of servers.values()) await server.close();
  rmSync(work, { recursive: true, force: true });
});

describe(
  'imported article pages: HTML validity (Nu HTML Checker)',
  { skip: skipUnlessCi(javaMissing) },
  () => {
    let results = new Map<string, NuMessage[]>();
    before(() => {
      if (javaMissing) throw new Error(`CI must run this suite, but: ${javaMissing}`);
      results = checkAll([...servers.values()].flatMap((s) => s.pages));
    });

    for (const name of Object.keys(fixtures) as (keyof typeof fixtures)[])
      test(`every published post and page of the ${name} import has no validation errors`, (t) => {
        const pages = servers.get(name)!.pages;
        assert.ok(pages.length >= (name === 'embeds' ? 2 : 20), `${pages.length} pages`);
        const failures: string[] = [];
        for (const page of pages)
          try {
            assertNoNuErrors(t, page.path, results.get(page.name) ?? []);
          } catch (error) {
            failures.push((error as Error).message);
          }
        assert.deepEqual(failures, []);
      });
  },
);

// The smallest PNG: a transparent pixel.
const pixel = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=',
  'base64',
);
/** Other hosts' addresses the imported pages load. */
const otherHosts: string[] = [];

/**
 * Tests reach nothing beyond 127.0.0.1: the images an import without `--uploads` leaves on the old
 * site's host (wpthemetestdata.files.wordpress.com) are answered by a stand-in pixel, and recorded.
 */
async function standInForOtherHosts(route: Route): Promise<void> {
  const url = new URL(route.request().url());
  if (url.hostname === '127.0.0.1') return route.continue();
  otherHosts.push(url.href);
  return route.fulfill({ status: 200, contentType: 'image/png', body: pixel });
}

const viewports = [
  { name: 'desktop', width: 1280, height: 900, sample: 16 },
  { name: 'phone', width: 390, height: 844, sample: 8 },
] as const;

/** `count` pages spread evenly over the list (all of them when it is that short). */
function spread<T>(pages: T[], count: number): T[] {
  if (pages.length <= count) return pages;
  return Array.from({ length: count }, (_, i) => pages[Math.floor((i * pages.length) / count)]!);
}

describe('imported article pages: Chromium and axe-core', { skip: skipUnlessCi(chromiumMissing) }, () => {
  let browser: Browser | undefined;
  const contexts = new Map<string, { real: BrowserContext; audit: BrowserContext }>();
  before(async () => {
    if (chromiumMissing) throw new Error(`CI must run this suite, but: ${chromiumMissing}`);
    browser = await launchChromium();
    for (const viewport of viewports) {
      const options = { viewport: { width: viewport.width, height: viewport.height } };
      const real = await browser.newContext(options);
      const audit = await browser.newContext({ ...options, bypassCSP: true });
      for (const context of [real, audit]) await context.route('**/*', standInForOtherHosts);
      contexts.set(viewport.name, { real, audit });
    }
  });
  after(() => browser?.close());

  for (const name of Object.keys(fixtures) as (keyof typeof fixtures)[])
    for (const viewport of viewports)
      test(`${viewport.sample} pages of the ${name} import @ ${viewport.name}: no errors, no axe violations`, async (t) => {
        const failures: string[] = [];
        for (const page of spread(servers.get(name)!.pages, viewport.sample))
          try {
            await assertAccessiblePage(t, contexts.get(viewport.name)!, {
              url: page.url,
              where: `${page.path} @ ${viewport.name}`,
              status: 200,
            });
          } catch (error) {
            failures.push((error as Error).message);
          }
        assert.deepEqual(failures, []);
      });

  test('an embed is a preview with a link: nothing of the service loads until the reader follows it', async () => {
    const context = await browser!.newContext();
    const requested: string[] = [];
    await context.route('**/*', (route) => {
      const url = new URL(route.request().url());
      if (url.hostname === '127.0.0.1') return route.continue();
      requested.push(url.href);
      return route.fulfill({ status: 200, contentType: 'text/html', body: '<title>the service</title>' });
    });
    await context.addInitScript(recordCspViolations);
    try {
      for (const page of servers.get('embeds')!.pages) {
        const tab = await context.newPage();
        await tab.goto(page.url, { waitUntil: 'load' });
        const links = tab.locator('main figure.embed a.embed-link');
        const addresses: string[] = [];
        for (let i = 0; i < (await links.count()); i++)
          addresses.push((await links.nth(i).getAttribute('href'))!);
        assert.ok(addresses.length >= 3, `${page.path}: ${addresses.length} embeds`);
        for (const address of addresses) assert.ok(embedAddresses.includes(address), address);
        assert.equal(await tab.locator('main iframe, main script, main object').count(), 0);
        assert.deepEqual(requested, [], `${page.path} loaded something of a service before a click`);
        assert.deepEqual(await tab.evaluate('window.__cspViolations'), []);
        await Promise.all([tab.waitForURL((url) => url.hostname !== '127.0.0.1'), links.first().click()]);
        assert.deepEqual(requested, [addresses[0]], 'the click goes to the service');
        requested.length = 0;
        await tab.close();
      }
    } finally {
      await context.close();
    }
  });

  test('the pages load nothing from other hosts but the old site’s images', () => {
    const others = otherHosts.filter(
      (url) => !/^https:\/\/wpthemetestdata\.files\.wordpress\.com\//.test(url),
    );
    assert.deepEqual([...new Set(others)], []);
  });
});
