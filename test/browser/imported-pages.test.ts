// The article pages of imported WordPress sites (the Theme Unit Test and the block test data), as
// the demo's pages are checked: valid HTML5 by the Nu HTML Checker, and in real Chromium no console
// or page error under the site's CSP and no axe-core violation, at desktop and phone widths.
import assert from 'node:assert/strict';
import type { AddressInfo } from 'node:net';
import { after, before, describe, test } from 'node:test';
import type { Browser, BrowserContext, Route } from 'playwright-core';
import { importWordPressExport } from '../../src/domain/import/import-wordpress.js';
import { markSiteInitialized } from '../../src/domain/settings/site-state.js';
import { systemActor } from '../../src/domain/staff/permissions.js';
import { buildApp } from '../../src/http/app.js';
import { createWordPressImportPorts } from '../../src/main.js';
import { createTestSite, type TestSite } from '../helpers/sites.js';
import { assertAccessiblePage } from './axe-kit.js';
import { chromiumMissing, launchChromium } from './browser-kit.js';
import { assertNoNuErrors, checkAll, javaMissing, type NuMessage } from './nu-kit.js';
import { skipUnlessCi } from './page-types.js';

const fixtures = {
  'theme-unit-test': 'test/fixtures/wxr/theme-test-data/themeunittestdata.wordpress.xml',
  'block-test-data': 'test/fixtures/wxr/theme-test-data/64-block-test-data.xml',
} as const;

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
const toolMissing = javaMissing ?? chromiumMissing;

before(async () => {
  if (skipUnlessCi(toolMissing) !== undefined) return;
  for (const name of Object.keys(fixtures) as (keyof typeof fixtures)[])
    servers.set(name, await startImportedServer(name));
});
after(async () => {
  for (const server of servers.values()) await server.close();
});

describe('imported article pages: HTML validity (Nu HTML Checker)', { skip: skipUnlessCi(javaMissing) }, () => {
  let results = new Map<string, NuMessage[]>();
  before(() => {
    if (javaMissing) throw new Error(`CI must run this suite, but: ${javaMissing}`);
    results = checkAll([...servers.values()].flatMap((s) => s.pages));
  });

  for (const name of Object.keys(fixtures) as (keyof typeof fixtures)[])
    test(`every published post and page of the ${name} import has no validation errors`, (t) => {
      const pages = servers.get(name)!.pages;
      assert.ok(pages.length >= 20, `${pages.length} pages`);
      const failures: string[] = [];
      for (const page of pages)
        try {
          assertNoNuErrors(t, page.path, results.get(page.name) ?? []);
        } catch (error) {
          failures.push((error as Error).message);
        }
      assert.deepEqual(failures, []);
    });
});

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
  { name: 'desktop', width: 1280, height: 900 },
  { name: 'phone', width: 390, height: 844 },
] as const;

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
      test(`every published post and page of the ${name} import @ ${viewport.name}: no errors, no axe violations`, async (t) => {
        const failures: string[] = [];
        for (const page of servers.get(name)!.pages)
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

  test('the pages load nothing from other hosts but the old site’s images', () => {
    const others = otherHosts.filter((url) => !/^https:\/\/wpthemetestdata\.files\.wordpress\.com\//.test(url));
    assert.deepEqual([...new Set(others)], []);
  });
});
