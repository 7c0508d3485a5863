// Two first-day settings in real Chromium against the real server: the logo chosen in Settings is
// previewed as an image (never shown as a raw media id) and replaces the title on the site; a post's
// promotion picker decides what its public page promotes (the site's, none, or one chosen).
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { createPromotion } from '../../src/domain/promos/promotions.js';
import { getSiteSettings, updateSiteSettings } from '../../src/domain/settings/site-settings.js';
import { markSiteInitialized } from '../../src/domain/settings/site-state.js';
import { createAccount } from '../../src/domain/staff/accounts.js';
import { rememberDevice } from '../../src/domain/staff/devices.js';
import { deviceCookie } from '../../src/http/admin-api/cookies.js';
import { buildApp } from '../../src/http/app.js';
import { ensureAdminBuilt } from '../helpers/admin-build.js';
import { aPublishedPost, makeJpeg } from '../helpers/factories.js';
import { createTestSite, type TestSite } from '../helpers/sites.js';
import { owner, settle, watch, type Watched } from './admin-page-kit.js';
import { chromiumMissing, freePort, launchChromium, recordCspViolations } from './browser-kit.js';
import { skipUnlessCi } from './page-types.js';
import { testAdministrator } from '../helpers/actors.js';

// Browser globals for functions that run in the page (the test project has no DOM types).
declare const location: { hash: string };
interface ImageElement {
  complete: boolean;
  naturalWidth: number;
}

const siteTitle = 'The Harbour Gazette';

describe(
  'the logo in Settings and the promotion picker in Chromium',
  { skip: skipUnlessCi(chromiumMissing) },
  () => {
    let browser: Browser;
    let site: TestSite;
    let origin: string;
    let closeApp: () => Promise<void>;
    let admin: Watched;
    let postId = '';
    let postPath = '';

    before(async () => {
      await ensureAdminBuilt();
      const port = await freePort();
      origin = `http://127.0.0.1:${port}`;
      site = await createTestSite('sqlite', { BROADSHEET_URL: origin });
      const { ctx } = site;
      await markSiteInitialized(ctx);
      await updateSiteSettings(ctx, testAdministrator, { title: siteTitle });
      const ownerId = (await createAccount(ctx, { ...owner, role: 'owner' })).id;
      for (const title of ['The Harbour Book', 'Tide Tables 2027'])
        await createPromotion(ctx, testAdministrator, {
          title,
          linkUrl: 'https://shop.example/' + title.length,
          slot: 'after-article',
        });
      postId = await aPublishedPost(ctx, { title: 'Quay reopens', authorIds: [ownerId] });
      postPath = `/${(await ctx.repos.posts.findById(postId))!.slug}/`;
      const { app } = await buildApp(site);
      await app.listen({ host: '127.0.0.1', port });
      closeApp = () => app.close();
      browser = await launchChromium();
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'en-GB' });
      await context.addInitScript(recordCspViolations);
      // A device the owner has signed in on before, so the sign-in needs no emailed code.
      const device = await rememberDevice(ctx, ownerId);
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
      await closeApp?.();
      await site?.destroy();
    });

    const publicHtml = async (path: string) => {
      const answer = await fetch(`${origin}${path}`);
      assert.equal(answer.status, 200);
      return answer.text();
    };
    const promotedTitles = async (page: Page) => page.locator('.promotions .promo-title').allTextContents();

    test('Settings: an uploaded logo is previewed as an image, never as its id, and heads the site', async () => {
      const { page } = admin;
      await page.goto(`${origin}/admin/#/settings`);
      await page.getByRole('heading', { level: 1, name: 'Settings' }).waitFor();
      await settle(page);
      const field = page.locator('.field', { has: page.getByText('Logo', { exact: true }) });
      await field.getByText('No logo: the site title is shown as text.').waitFor();
      await field.getByRole('button', { name: 'Choose image' }).click();
      const picker = page.getByRole('dialog', { name: 'Logo' });
      await picker.getByLabel('Upload an image').setInputFiles({
        name: 'masthead.jpg',
        mimeType: 'image/jpeg',
        buffer: await makeJpeg(600, 150, '#113355'),
      });
      // The logo needs no details (its text alternative is the site title): the upload is the choice.
      await picker.waitFor({ state: 'hidden' });

      const preview = field.getByRole('img', { name: `The logo of ${siteTitle}` });
      await preview.waitFor();
      await preview.evaluate(
        (img: ImageElement) =>
          img.complete ||
          new Promise((resolve) => ((img as unknown as { onload: unknown }).onload = resolve)),
      );
      assert.ok((await preview.evaluate((img: ImageElement) => img.naturalWidth)) > 0, 'the preview loads');
      assert.doesNotMatch(await field.innerText(), /\b[0-9a-f]{24}\b/, 'no raw media id in the logo field');

      await page.getByRole('button', { name: 'Save settings' }).click();
      await page.getByText('Saved', { exact: true }).first().waitFor();
      const { logoMediaId } = await getSiteSettings(site.ctx);
      assert.ok(logoMediaId, 'the logo is saved');
      await preview.waitFor();
      assert.ok(!(await field.innerText()).includes(logoMediaId), 'the saved logo is not shown by its id');
      const home = await publicHtml('/');
      assert.match(home, /class="site-title has-logo"/, 'the logo replaces the title on the site');
      assert.match(
        home,
        new RegExp(`<img[^>]*alt="${siteTitle}"`),
        'the title is the logo’s text alternative',
      );
      assert.deepEqual(admin.problems, []);
    });

    test('the promotion picker: the site’s promotions, then none, then only the chosen one on the public page', async () => {
      const { page } = admin;
      const reader = await page.context().newPage();
      const showPost = async () => {
        await reader.goto(`${origin}${postPath}`);
        return (await promotedTitles(reader)).map((t) => t.trim()).sort();
      };
      assert.deepEqual(
        await showPost(),
        ['The Harbour Book', 'Tide Tables 2027'],
        'the site’s promotions by default',
      );

      const choose = async (label: string) => {
        await page.goto(`${origin}/admin/#/posts/${postId}`);
        await page.reload({ waitUntil: 'load' });
        await page.getByRole('textbox', { name: 'Body' }).waitFor();
        await settle(page);
        await page.getByLabel('Promotion', { exact: true }).selectOption({ label });
        await page.getByRole('button', { name: 'Update', exact: true }).click();
        await page.locator('.save-state', { hasText: /^Saved$/ }).waitFor();
        await settle(page);
      };
      await choose('No promotion');
      assert.deepEqual(await showPost(), [], '“No promotion”: the article promotes nothing');
      assert.equal(await reader.locator('.promotions').count(), 0);

      await choose('Tide Tables 2027 (After the article)');
      assert.deepEqual(await showPost(), ['Tide Tables 2027'], 'only the chosen promotion');
      await reader.close();
      assert.deepEqual(admin.problems, []);
    });

    test('Promotions: the image chosen for a promotion is previewed too, not shown as its id', async () => {
      const { page } = admin;
      await page.goto(`${origin}/admin/#/promotions`);
      await page.reload({ waitUntil: 'load' });
      await page.getByRole('heading', { level: 1, name: 'Promotions' }).waitFor();
      await settle(page);
      await page.getByRole('button', { name: 'Edit The Harbour Book' }).click();
      const form = page.getByRole('region', { name: 'Edit promotion' });
      const field = form.locator('.field', { has: page.getByText('Image', { exact: true }) });
      await field.getByRole('button', { name: 'Choose image' }).click();
      const picker = page.getByRole('dialog', { name: 'Choose image' });
      await picker.getByLabel('Upload an image').setInputFiles({
        name: 'book-cover.jpg',
        mimeType: 'image/jpeg',
        buffer: await makeJpeg(300, 450, '#884422'),
      });
      await picker.waitFor({ state: 'hidden' });
      const preview = field.locator('img');
      await preview.waitFor();
      await preview.evaluate(
        (img: ImageElement) =>
          img.complete ||
          new Promise((resolve) => ((img as unknown as { onload: unknown }).onload = resolve)),
      );
      assert.ok((await preview.evaluate((img: ImageElement) => img.naturalWidth)) > 0, 'the preview loads');
      assert.ok(await preview.getAttribute('alt'), 'the preview has a text alternative');
      assert.doesNotMatch(await field.innerText(), /\b[0-9a-f]{24}\b/, 'no raw media id in the image field');
      await form.getByRole('button', { name: 'Save' }).click();
      await page.getByText('Saved', { exact: true }).first().waitFor();
      const saved = await site.ctx.repos.promotions.list();
      assert.ok(saved.find((p) => p.title === 'The Harbour Book')?.imageMediaId, 'the image is saved');
      assert.deepEqual(admin.problems, []);
    });
  },
);
