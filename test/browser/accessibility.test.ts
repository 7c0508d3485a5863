// Every page type in real Chromium: no console or page errors, no axe-core violations at desktop and
// phone widths, and the article works with JavaScript disabled.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test, type TestContext } from 'node:test';
import { chromium, type Browser, type BrowserContext } from 'playwright-core';
import { assertAccessiblePage } from './axe-kit.js';
import {
  articlePath,
  pageTypes,
  skipUnlessCi,
  startDemoServer,
  type PageType,
  type RunningServer,
} from './page-types.js';
import { blankness, screenshotFacts } from './screenshot-kit.js';

const chromiumPath = spawnSync('sh', ['-c', 'command -v chromium'], { encoding: 'utf8' }).stdout.trim();
const chromiumMissing = chromiumPath
  ? undefined
  : '`chromium` is not on PATH (install Debian package chromium)';
const chromiumFlags = [
  '--headless',
  '--no-sandbox',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
];
const viewports = [
  { name: 'desktop', width: 1280, height: 900 },
  { name: 'phone', width: 390, height: 844 },
] as const;
type ViewportName = (typeof viewports)[number]['name'];

describe(
  'Accessibility and browser behaviour (Chromium, axe-core)',
  { skip: skipUnlessCi(chromiumMissing), concurrency: 4 },
  () => {
    let server: RunningServer | undefined;
    let browser: Browser | undefined;
    /** Per viewport: the real page (CSP enforced) and one that lets axe be injected (CSP bypassed). */
    const contexts = new Map<ViewportName, { real: BrowserContext; audit: BrowserContext }>();

    before(async () => {
      if (chromiumMissing) throw new Error(`CI must run this suite, but: ${chromiumMissing}`);
      [server, browser] = await Promise.all([
        startDemoServer(),
        chromium.launch({ executablePath: chromiumPath, args: chromiumFlags }),
      ]);
      for (const viewport of viewports) {
        const options = { viewport: { width: viewport.width, height: viewport.height } };
        contexts.set(viewport.name, {
          real: await browser.newContext(options),
          audit: await browser.newContext({ ...options, bypassCSP: true }),
        });
      }
    });

    after(async () => {
      await browser?.close();
      await server?.close();
    });

    async function checkPage(t: TestContext, type: PageType, viewport: ViewportName) {
      const url = server!.url(type);
      await assertAccessiblePage(t, contexts.get(viewport)!, {
        url,
        where: `${type.path} @ ${viewport}`,
        status: type.status,
        // The browser reports a 404 document as a failed resource load; that one is expected.
        ignoreProblem: (p) => type.status === 404 && p.includes('status of 404') && p.includes(`(${url}:`),
      });
    }

    for (const viewport of viewports) {
      for (const type of pageTypes) {
        test(`${type.name} (${type.path}) @ ${viewport.name}: no errors, no axe violations`, (t) =>
          checkPage(t, type, viewport.name));
      }
    }

    test('the article works with JavaScript disabled', async () => {
      for (const viewport of viewports) {
        const context = await browser!.newContext({
          viewport: { width: viewport.width, height: viewport.height },
          javaScriptEnabled: false,
        });
        try {
          const page = await context.newPage();
          const response = await page.goto(server!.origin + articlePath, { waitUntil: 'load' });
          assert.equal(response?.status(), 200);
          const where = `${articlePath} @ ${viewport.name} without JavaScript`;
          assert.ok(await page.locator('main h1').isVisible(), `h1 is not visible on ${where}`);
          const captions = page.locator('main article.post figure figcaption');
          const count = await captions.count();
          assert.ok(count > 0, `no figure captions on ${where}`);
          for (let i = 0; i < count; i++)
            assert.ok(
              await captions.nth(i).isVisible(),
              `figure caption ${i + 1} is not visible on ${where}`,
            );
          assert.ok(
            await page.locator('main .sources').isVisible(),
            `the sources box is not visible on ${where}`,
          );
        } finally {
          await context.close();
        }
      }
    });

    // The screenshot is kept for people to look at; the test asserts what it shows: a page that is
    // not blank, as wide as the window (nothing scrolls sideways), with the theme's layout applied,
    // which differs by width: a reading measure on the desktop, the whole width on a phone.
    test('screenshots of the article: not blank, no sideways scroll, the layout of each width', async (t) => {
      for (const viewport of viewports) {
        const page = await contexts.get(viewport.name)!.real.newPage();
        try {
          await page.goto(server!.origin + articlePath, { waitUntil: 'load' });
          const where = `${articlePath} @ ${viewport.name}`;
          const featured = page.locator('main figure.feature-image img');
          await featured.scrollIntoViewIfNeeded();
          assert.ok(
            await featured.evaluate(
              (img: { complete: boolean; naturalWidth: number }) => img.complete && img.naturalWidth > 0,
            ),
            `the featured image did not load on ${where}`,
          );
          const path = join(tmpdir(), `broadsheet-article-${viewport.name}.png`);
          const facts = await screenshotFacts(await page.screenshot({ path, fullPage: true }));
          t.diagnostic(`screenshot (${viewport.name}, ${viewport.width}x${viewport.height}): ${path}`);
          assert.equal(blankness(facts), undefined, `the screenshot of ${where} is blank`);
          assert.equal(facts.width, viewport.width, `${where} scrolls sideways`);
          assert.ok(facts.height > viewport.height, `${where} is no longer than one screen`);
          const paragraph = await page.locator('main .post-body > p').first().boundingBox();
          const heading = await page.locator('main h1').boundingBox();
          assert.ok(paragraph && heading, `no heading or paragraph box on ${where}`);
          for (const [name, box] of [
            ['heading', heading],
            ['paragraph', paragraph],
          ] as const)
            assert.ok(
              box.x >= 0 && box.x + box.width <= viewport.width,
              `the ${name} leaves the window on ${where}`,
            );
          const share = paragraph.width / viewport.width;
          if (viewport.name === 'desktop')
            assert.ok(
              share < 0.6,
              `paragraphs are ${paragraph.width}px wide on ${where}: no reading measure`,
            );
          else
            assert.ok(
              share > 0.8,
              `paragraphs are ${paragraph.width}px wide on ${where}: not the whole width`,
            );
        } finally {
          await page.close();
        }
      }
    });
  },
);
