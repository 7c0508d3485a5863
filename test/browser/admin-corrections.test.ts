// Issue 12 in real Chromium with the admin's real CSP: an editor publishes a correction from the
// post editor (asked to confirm, since a note can never be changed), sees it on the record, and the
// article and /corrections/ show it; the post's type of work and dateline are chosen in the editor.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser } from 'playwright-core';
import { ensureAdminBuilt } from '../helpers/admin-build.js';
import {
  audit,
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

describe('corrections in the admin, in Chromium', { skip: skipUnlessCi(chromiumMissing) }, () => {
  let browser: Browser;
  let server: AdminServer;
  let main: Watched;
  let postId = '';

  before(async () => {
    await ensureAdminBuilt();
    server = await startAdminServer();
    postId = (await server.site.ctx.repos.posts.findOne({ slug: 'quota-deal-vesterhavn-economy' }))!.id;
    browser = await launchChromium();
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'en-GB' });
    await context.addInitScript(recordCspViolations);
    main = watch(await context.newPage());
    await main.page.goto(`${server.origin}/admin/`);
    await main.page.evaluate(
      `fetch('/admin/api/setup', { method: 'POST', headers: { 'content-type': 'application/json' },
        body: JSON.stringify(${JSON.stringify({ siteTitle: 'The Skerry Review', ...owner })}) })
        .then((r) => { if (!r.ok) throw new Error('setup answered ' + r.status); })`,
    );
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  test('a correction is published from the editor, once confirmed, and shows on the site', async (t) => {
    await open(main, server.origin, `posts/${postId}`);
    await audit(t, main, '#/posts/ID with its record');
    const page = main.page;
    assert.equal(await page.locator('#f-workType').inputValue(), 'analysis');
    assert.equal(await page.locator('#f-dateline').inputValue(), 'Vesterhavn');
    await page.selectOption('#f-noteKind', 'correction');
    await page.fill('#f-noteBody', 'The six companies hold 52 per cent of the catch, not half.');
    await page.getByRole('button', { name: 'Publish note' }).click();
    await page.getByRole('button', { name: 'Yes, go ahead' }).click();
    await settle(page);
    await page.getByText('The note is published').waitFor();
    const listed = page.locator('.notes-panel .note-correction .note-body');
    assert.equal(
      await listed.last().textContent(),
      'The six companies hold 52 per cent of the catch, not half.',
    );
    assert.equal(await page.locator('#f-noteBody').inputValue(), '', 'the form is emptied');
    assert.match(
      String(await page.evaluate('document.activeElement?.id')),
      /^admin-note-[0-9a-f]{24}$/,
      'focus is on the published note',
    );
    assert.deepEqual(await axeIds(page), [], 'axe after publishing a correction');
    assert.deepEqual(main.problems, []);

    const article = await (await fetch(`${server.origin}/quota-deal-vesterhavn-economy/`)).text();
    assert.match(article, /52 per cent of the catch, not half\./);
    const corrections = await (await fetch(`${server.origin}/corrections/`)).text();
    assert.match(corrections, /52 per cent of the catch, not half\./);
  });
});
