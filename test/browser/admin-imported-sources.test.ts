// An imported post in the admin's post editor, in real Chromium with the admin's real CSP: its
// sources from the import say "Imported — review" until an editor confirms one (the mark is gone once
// saved) or removes one; its embed block is shown and kept through a save; no axe violation.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { createPost } from '../../src/domain/posts/save-post.js';
import { buildApp } from '../../src/http/app.js';
import { ensureAdminBuilt } from '../helpers/admin-build.js';
import { createTestSite, type TestSite } from '../helpers/sites.js';
import { axeIds, owner, settle, watch, type Watched } from './admin-page-kit.js';
import { chromiumMissing, freePort, launchChromium, recordCspViolations } from './browser-kit.js';
import { skipUnlessCi } from './page-types.js';

describe('imported sources and embeds in the post editor', { skip: skipUnlessCi(chromiumMissing) }, () => {
  let browser: Browser;
  let site: TestSite;
  let origin: string;
  let main: Watched;
  let close: () => Promise<void>;
  let postId = '';

  before(async () => {
    await ensureAdminBuilt();
    const port = await freePort();
    origin = `http://127.0.0.1:${port}`;
    site = await createTestSite('sqlite', { BROADSHEET_URL: origin });
    postId = await createPost(site.ctx, {
      title: 'Harbour board votes again',
      status: 'published',
      body: {
        type: 'doc',
        content: [
          { type: 'paragraph', content: [{ type: 'text', text: 'The board met.' }] },
          { type: 'embed', attrs: { url: 'https://www.youtube.com/watch?v=abc123', caption: 'The meeting' } },
        ],
      },
      sources: [
        {
          publisher: 'theguardian.com',
          title: 'Harbour vote',
          url: 'https://www.theguardian.com/harbour',
          reviewState: 'imported',
        },
        { publisher: 'nrk.no', title: 'NRK', url: 'https://nrk.no/harbour', reviewState: 'imported' },
        { publisher: 'The Coastal Times', title: 'Quay', url: 'https://coastal.example/quay' },
      ],
    });
    const { app } = await buildApp(site);
    await app.listen({ host: '127.0.0.1', port });
    close = () => app.close();
    browser = await launchChromium();
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'en-GB' });
    await context.addInitScript(recordCspViolations);
    main = watch(await context.newPage());
    await main.page.goto(`${origin}/admin/`);
    await main.page.evaluate(
      `fetch('/admin/api/setup', { method: 'POST', headers: { 'content-type': 'application/json' },
        body: JSON.stringify(${JSON.stringify({ siteTitle: 'The Harbour Gazette', ...owner })}) })
        .then((r) => { if (!r.ok) throw new Error('setup answered ' + r.status); })`,
    );
  });

  after(async () => {
    await browser?.close();
    await close?.();
    await site?.destroy();
  });

  async function openEditor(page: Page): Promise<void> {
    await page.goto(`${origin}/admin/#/posts/${postId}`);
    await page.reload({ waitUntil: 'load' });
    await page.getByRole('textbox', { name: 'Body' }).waitFor();
    await settle(page);
  }

  const sources = async () => (await site.ctx.repos.posts.sourcesFor([postId])).get(postId) ?? [];

  test('imported sources are marked for review; Confirm and save clears the mark, Remove takes one out', async () => {
    const { page } = main;
    await openEditor(page);
    const first = page.getByRole('group', { name: /^Source 1/ });
    const third = page.getByRole('group', { name: /^Source 3/ });
    assert.equal(await first.locator('.badge-imported').innerText(), 'Imported — review');
    assert.equal(
      await page
        .getByRole('group', { name: /^Source 2/ })
        .locator('.badge-imported')
        .count(),
      1,
    );
    assert.equal(await third.locator('.badge-imported').count(), 0, 'a source entered by hand has no mark');
    assert.equal(await third.getByRole('button', { name: 'Confirm source 3' }).count(), 0);
    assert.deepEqual(await axeIds(page), []);

    await first.getByRole('button', { name: 'Confirm source 1' }).click();
    assert.equal(await first.locator('.badge-imported').count(), 0, 'the mark goes at once');
    await page.getByRole('button', { name: 'Remove source 2' }).click();
    await page
      .getByRole('button', { name: /^(Update|Save)/ })
      .first()
      .click();
    await page.locator('.save-state', { hasText: /^Saved$/ }).waitFor();
    await settle(page);
    assert.deepEqual(
      (await sources()).map((s) => [s.url, s.reviewState]),
      [
        ['https://www.theguardian.com/harbour', null],
        ['https://coastal.example/quay', null],
      ],
    );
    const post = (await site.ctx.repos.posts.findById(postId))!;
    assert.deepEqual(
      (JSON.parse(post.bodyJson) as { content: { type: string; attrs?: unknown }[] }).content.at(-1),
      { type: 'embed', attrs: { url: 'https://www.youtube.com/watch?v=abc123', caption: 'The meeting' } },
      'the embed block is kept through the editor',
    );
    assert.match(await page.locator('.editor-embed').innerText(), /youtube\.com\/watch\?v=abc123/);
    assert.deepEqual(main.problems, []);
    assert.deepEqual(await page.evaluate('window.__cspViolations'), []);
  });
});
