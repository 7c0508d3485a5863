// Settings → Import in real Chromium against the real server and the real import job: an owner
// chooses WordPress, uploads a small WXR export, reads the plan (nothing written yet), confirms,
// watches the import and reads its report; the imported post is then on the site. Each state of the
// screen is checked with axe.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { after, before, describe, test } from 'node:test';
import type { Browser } from 'playwright-core';
import { markSiteInitialized } from '../../src/domain/settings/site-state.js';
import { createAccount } from '../../src/domain/staff/accounts.js';
import { rememberDevice } from '../../src/domain/staff/devices.js';
import { deviceCookie } from '../../src/http/admin-api/cookies.js';
import { buildApp } from '../../src/http/app.js';
import { startImportJobs } from '../../src/jobs/import-jobs.js';
import { createImportJobPorts } from '../../src/main.js';
import { ensureAdminBuilt } from '../helpers/admin-build.js';
import { createTestSite, type TestSite } from '../helpers/sites.js';
import { axeIds, owner, settle, watch, type Watched } from './admin-page-kit.js';
import { chromiumMissing, freePort, launchChromium, recordCspViolations } from './browser-kit.js';
import { blankness, screenshotFacts } from './screenshot-kit.js';
import { skipUnlessCi } from './page-types.js';

declare const location: { hash: string };

const wxrSimple = 'test/fixtures/wxr/wordpress-importer/e2e-fixtures/wxr-simple.xml';

describe('Settings → Import in Chromium', { skip: skipUnlessCi(chromiumMissing) }, () => {
  let browser: Browser;
  let site: TestSite;
  let origin: string;
  let close: () => Promise<void>;
  let admin: Watched;

  before(async () => {
    await ensureAdminBuilt();
    const port = await freePort();
    origin = `http://127.0.0.1:${port}`;
    site = await createTestSite('sqlite', { BROADSHEET_URL: origin });
    await markSiteInitialized(site.ctx);
    const ownerId = (await createAccount(site.ctx, { ...owner, role: 'owner' })).id;
    const { app } = await buildApp(site);
    await app.listen({ host: '127.0.0.1', port });
    const job = startImportJobs(
      site.ctx,
      {
        ports: createImportJobPorts(site.config, site.ctx.privateFiles),
        isOnlyProcess: true,
        onError: (error) => assert.fail(String(error)),
      },
      200,
    );
    close = async () => {
      job.stop();
      await job.idle();
      await app.close();
    };
    browser = await launchChromium();
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'en-GB' });
    await context.addInitScript(recordCspViolations);
    const device = await rememberDevice(site.ctx, ownerId);
    await context.addCookies([{ name: deviceCookie(origin).name, value: device, url: origin }]);
    admin = watch(await context.newPage());
    admin.allow = (_method, path, status) => path === '/admin/api/session' && status === 401;
    await admin.page.goto(`${origin}/admin/#/login`);
    await admin.page.getByLabel('Email address').fill(owner.email);
    await admin.page.getByLabel('Password').fill(owner.password);
    await admin.page.getByRole('button', { name: 'Sign in' }).click();
    await admin.page.waitForFunction(() => location.hash === '#/posts', undefined, { timeout: 60_000 });
    await settle(admin.page);
    admin.allow = () => false;
  });
  after(async () => {
    await browser?.close();
    await close?.();
    await site?.destroy();
  });

  const checked = async (where: string) => {
    await settle(admin.page);
    assert.deepEqual(await axeIds(admin.page), [], `axe on ${where}`);
    assert.deepEqual(admin.problems, [], where);
  };

  /** The screen drawn (not blank), kept in the temporary folder for a person to look at. */
  const drawn = async (t: { diagnostic(message: string): void }, name: string) => {
    const path = join(tmpdir(), `broadsheet-admin-import-${name}.png`);
    const facts = await screenshotFacts(await admin.page.screenshot({ path, fullPage: true }));
    assert.equal(blankness(facts), undefined, `the screenshot of the ${name} is blank`);
    assert.ok(facts.width <= 1280, `the ${name} scrolls sideways`);
    t.diagnostic(`screenshot of the ${name}: ${path}`);
  };

  test('choose WordPress, upload, read the plan, confirm, watch, read the report', async (t) => {
    const { page } = admin;
    await page.getByRole('link', { name: 'Settings', exact: true }).click();
    await page.getByRole('link', { name: 'Import a WordPress or Ghost site' }).click();
    await page.waitForFunction(() => location.hash === '#/import');
    await checked('the import screen');
    assert.equal(await page.getByRole('radio', { name: 'WordPress' }).isChecked(), true);

    // A photo by mistake: refused with the server's reason, nothing started.
    await page.getByLabel('Export file').setInputFiles({
      name: 'photo.xml',
      mimeType: 'text/xml',
      buffer: Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 0x4a, 0x46, 0x49, 0x46]),
    });
    admin.allow = (method, path, status) => method === 'POST' && path.endsWith('/files') && status === 415;
    await page.getByRole('button', { name: 'Upload and make the plan' }).click();
    await page.getByRole('alert').filter({ hasText: 'photo.xml: The file is a JPEG image' }).waitFor();
    admin.allow = () => false;
    await checked('a refused upload');

    await page.getByLabel('Export file').setInputFiles({
      name: 'wxr-simple.xml',
      mimeType: 'text/xml',
      buffer: readFileSync(join(wxrSimple)),
    });
    await page.getByRole('button', { name: 'Upload and make the plan' }).click();
    const plan = page.getByRole('table', { name: 'What the import will do' });
    await plan.waitFor({ timeout: 60_000 });
    const postsRow = plan.getByRole('row', { name: /Posts/ });
    assert.deepEqual(await postsRow.getByRole('cell').allTextContents(), ['1', '0', '0']);
    assert.equal(await site.ctx.repos.posts.isSlugTaken('hello-world'), false, 'the plan wrote nothing');
    await checked('the plan');
    await drawn(t, 'plan');

    await page.getByRole('button', { name: 'Import now' }).click();
    const report = page.getByRole('table', { name: 'What the import did' });
    await report.waitFor({ timeout: 60_000 });
    assert.deepEqual(await report.getByRole('row', { name: /Posts/ }).getByRole('cell').allTextContents(), [
      '1',
      '0',
      '0',
    ]);
    assert.match(await page.getByRole('heading', { level: 2 }).first().innerText(), /WordPress: done/);
    assert.match(await page.locator('.panel .muted').first().innerText(), /wxr-simple\.xml/);
    assert.equal(await page.getByText('The import is queued.').count(), 0, 'no stale message');
    await checked('the report');
    await drawn(t, 'report');

    const answer = await fetch(`${origin}/hello-world/`);
    assert.equal(answer.status, 200, 'the imported post is on the site');

    // The report stays on the screen after a reload; another import starts from the form.
    await page.reload();
    await report.waitFor();
    await page.getByRole('button', { name: 'Start another import' }).click();
    await page.getByRole('heading', { name: 'Start an import' }).waitFor();
    await checked('another import');
  });
});
