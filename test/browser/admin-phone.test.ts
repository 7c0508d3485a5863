// The admin on a phone (375 × 812) in real Chromium: no screen scrolls sideways (lists become stacked
// cards), the navigation folds behind a Menu button, and the screens stay free of axe violations.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser } from 'playwright-core';
import { ensureAdminBuilt } from '../helpers/admin-build.js';
import {
  axeIds,
  open,
  owner,
  settle,
  startAdminServer,
  watch,
  type AdminServer,
  type Watched,
} from './admin-page-kit.js';
import { chromiumMissing, launchChromium, recordCspViolations } from './browser-kit.js';
import { skipUnlessCi } from './page-types.js';

const screens = [
  'posts',
  'posts/new',
  'pages',
  'media',
  'tags',
  'staff',
  'promotions',
  'redirects',
  'settings',
  'integrations',
  'newsletters',
  'members',
  'profile',
];

describe('the admin at phone width (375 × 812)', { skip: skipUnlessCi(chromiumMissing) }, () => {
  let server: AdminServer;
  let browser: Browser;
  let main: Watched;
  let articleId = '';

  before(async () => {
    await ensureAdminBuilt();
    [server, browser] = await Promise.all([startAdminServer(), launchChromium()]);
    const context = await browser.newContext({ viewport: { width: 375, height: 812 }, locale: 'en-GB' });
    await context.addInitScript(recordCspViolations);
    main = watch(await context.newPage());
    await main.page.goto(`${server.origin}/admin/`);
    await main.page.evaluate(
      `fetch('/admin/api/setup', { method: 'POST', headers: { 'content-type': 'application/json' },
        body: JSON.stringify(${JSON.stringify({ siteTitle: 'The Phone Ledger', ...owner })}) })
        .then((r) => { if (!r.ok) throw new Error('setup answered ' + r.status); })`,
    );
    articleId = (await main.page.evaluate(
      "fetch('/admin/api/posts?q=villagers').then((r) => r.json()).then((a) => a.posts[0].id)",
    )) as string;
  });

  after(async () => {
    await browser?.close();
    await server?.close();
  });

  for (const screen of [...screens, 'posts/ARTICLE'])
    test(`#/${screen} does not scroll sideways`, async () => {
      await open(main, server.origin, screen.replace('ARTICLE', articleId));
      await settle(main.page);
      const widths = (await main.page.evaluate(
        '({ scroll: document.documentElement.scrollWidth, inner: window.innerWidth })',
      )) as { scroll: number; inner: number };
      if (widths.scroll > widths.inner) {
        const wide = await main.page.evaluate(`[...document.querySelectorAll('body *')]
          .filter((e) => e.getBoundingClientRect().right > window.innerWidth + 0.5)
          .slice(0, 5).map((e) => e.tagName + '.' + e.className + '#' + e.id)`);
        assert.fail(`scrollWidth ${widths.scroll} > innerWidth ${widths.inner}: ${JSON.stringify(wide)}`);
      }
      assert.deepEqual(await axeIds(main.page), [], 'axe violations at phone width');
      assert.deepEqual(main.problems, []);
      assert.deepEqual(await main.page.evaluate('window.__cspViolations'), []);
    });

  test('the navigation folds behind Menu and opens with it', async () => {
    await open(main, server.origin, 'posts');
    await settle(main.page);
    const nav = main.page.getByRole('navigation', { name: 'Admin' });
    const menu = main.page.getByRole('button', { name: 'Menu' });
    assert.equal(await nav.getByRole('link', { name: 'Media' }).isVisible(), false, 'folded at first');
    assert.equal(await menu.getAttribute('aria-expanded'), 'false');
    await menu.click();
    assert.equal(await menu.getAttribute('aria-expanded'), 'true');
    await nav.getByRole('link', { name: 'Media' }).click();
    await main.page.getByRole('heading', { level: 1, name: 'Media' }).waitFor();
    assert.equal(await menu.getAttribute('aria-expanded'), 'false', 'folded again after moving on');
    assert.deepEqual(main.problems, []);
  });
});
