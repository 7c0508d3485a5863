import assert from 'node:assert/strict';
import type { AddressInfo } from 'node:net';
import { after, before, describe, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { documentFromText } from '../../src/domain/posts/editor-document.js';
import { createPost } from '../../src/domain/posts/save-post.js';
import { archiveDueSources } from '../../src/domain/sources/archive-sources.js';
import { systemActor } from '../../src/domain/staff/permissions.js';
import { buildApp, type BuiltApp } from '../../src/http/app.js';
import { hostilePage, startLoopbackWeb, tinyPng, type LoopbackWeb } from '../helpers/loopback-web.js';
import { createTestSite, type TestSite } from '../helpers/sites.js';
import { chromiumMissing, launchChromium, recordCspViolations, watchForScript } from './browser-kit.js';
import { skipUnlessCi } from './page-types.js';

/*
 * A snapshot of a page full of scripts, handlers, frames and forms, opened in Chromium: nothing of
 * it runs or loads, with the archive's policy and with every policy bypassed. The same page opened
 * raw is the control: there the beacon is hit and dialogs open, so the checks can see code run.
 */

describe('an archived snapshot never runs code (Chromium)', { skip: skipUnlessCi(chromiumMissing) }, () => {
  let web: LoopbackWeb;
  let site: TestSite;
  let built: BuiltApp;
  let browser: Browser;
  let origin = '';
  let snapshotPath = '';
  const beaconHits = () => web.requests.filter((r) => r.path === '/beacon').length;

  before(async () => {
    if (chromiumMissing) throw new Error(`CI must run this suite, but: ${chromiumMissing}`);
    web = await startLoopbackWeb();
    const beacon = `http://127.0.0.1:${web.port}/beacon`;
    web.page('/hostile', hostilePage(beacon));
    web.route('/beacon', (_q, r) => r.writeHead(204).end());
    web.route('/img/dot.png', (_q, r) => r.writeHead(200, { 'content-type': 'image/png' }).end(tinyPng));
    site = await createTestSite('sqlite', {}, { fetcher: web.fetcher() });
    const postId = await createPost(site.ctx, {
      title: 'Resignation',
      status: 'published',
      body: documentFromText('Text.'),
      sources: [{ publisher: 'Ledger', title: '', url: web.url('/hostile'), note: '' }],
    });
    assert.equal(
      await archiveDueSources(site.ctx, site.sourceArchive, systemActor('test'), { hostSpacingMs: 0 }),
      1,
    );
    const [source] = await site.ctx.repos.sources.ofPost(postId);
    snapshotPath = `/archive/${source!.snapshotId}/`;
    built = await buildApp(site);
    await built.app.listen({ host: '127.0.0.1', port: 0 });
    origin = `http://127.0.0.1:${(built.app.server.address() as AddressInfo).port}`;
    browser = await launchChromium();
  });

  after(async () => {
    await browser?.close();
    await built?.app.close();
    await site?.destroy();
    await web?.close();
  });

  async function open(url: string, options: { bypassCSP: boolean }) {
    const context = await browser.newContext({ bypassCSP: options.bypassCSP });
    const page = await context.newPage();
    await page.addInitScript(recordCspViolations);
    const watch = watchForScript(page);
    const requests: string[] = [];
    page.on('request', (request) => requests.push(request.url()));
    const response = await page.goto(url, { waitUntil: 'load' });
    await settle(page);
    return { context, page, watch, requests, status: response?.status() };
  }

  /** Gives timers, handlers and autofocus their chance: a focus and a click on everything. */
  async function settle(page: Page) {
    for (const selector of ['h1', 'p', 'img', 'a', 'body']) {
      const target = page.locator(selector).first();
      if ((await target.count()) > 0) await target.hover({ timeout: 2000 }).catch(() => {});
    }
    await page.keyboard.press('Tab');
    // Whatever a handler or a timer sent has gone out once the network has been quiet for a while.
    await page.waitForLoadState('networkidle');
  }

  test('the control: the original page runs its code in the same browser', async () => {
    const before = beaconHits();
    const { context, watch } = await open(`http://127.0.0.1:${web.port}/hostile`, { bypassCSP: false });
    try {
      assert.ok(beaconHits() > before, 'the raw page called its beacon');
      assert.ok(
        watch.problems.some((p) => p.includes('dialog')),
        'the raw page opened a dialog',
      );
    } finally {
      await context.close();
    }
  });

  for (const bypassCSP of [false, true]) {
    test(`the snapshot ${bypassCSP ? 'with every policy bypassed' : 'with the archive policy'}: nothing runs, nothing loads`, async () => {
      const before = beaconHits();
      const { context, page, watch, requests, status } = await open(origin + snapshotPath, { bypassCSP });
      try {
        assert.equal(status, 200);
        assert.deepEqual(watch.problems, []);
        assert.equal(beaconHits(), before, 'the beacon was never called');
        assert.deepEqual(
          requests.filter((url) => !url.startsWith('data:')),
          [origin + snapshotPath],
          'the page loaded nothing but itself',
        );
        const executable = await page
          .locator(
            'script, iframe, frame, object, embed, form, input, button, svg, math, base, meta[http-equiv], [onload], [onclick], [onerror], [onmouseover], [onfocus], [style]',
          )
          .count();
        assert.equal(executable, 0);
        assert.equal(
          await page.locator('img[src^="data:image/png;base64,"]').count(),
          1,
          'the image is inlined',
        );
        assert.match(await page.locator('.archive-banner').innerText(), /Archived copy/);
      } finally {
        await context.close();
      }
    });
  }
});
