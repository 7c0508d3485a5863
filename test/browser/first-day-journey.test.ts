// Issue 8's "Done when": a publisher's first day in real Chromium, through the UI only (mail is read
// from a real SMTP sink). The owner sets up the site with a mistake corrected, turns on TOTP and signs
// in with it, writes a post with the block editor (a heading from the / menu, a pull quote from the + button, a pasted image, a tag
// created inline) and publishes it; a reader without JavaScript subscribes and confirms; the owner sends
// a test to themself, then the newsletter to the member.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { ensureAdminBuilt } from '../helpers/admin-build.js';
import { owner, settle, watch, type Watched } from './admin-page-kit.js';
import { chromiumMissing, launchChromium, recordCspViolations } from './browser-kit.js';
import {
  fixturePng,
  linkIn,
  mailFor,
  pastePng,
  startFirstDayServer,
  totpCode,
  watchUploadProgress,
  type FirstDayServer,
} from './first-day-kit.js';
import { skipUnlessCi } from './page-types.js';

// Browser globals for functions that run in the page (the test project has no DOM types).
declare const location: { hash: string };
declare function getComputedStyle(element: unknown): { lineHeight: string; fontSize: string };
interface TextArea {
  clientHeight: number;
  scrollHeight: number;
}

const siteTitle = 'The Harbour Gazette';
const postTitle = 'Council approves the new harbour wall after a winter of storms along the north quay';
const reader = 'reader@example.org';
const setupHeading = 'Set up your site';
const newsletterName = 'Morning Brief';
const signedOut401 = (method: string, path: string, status: number) =>
  path === '/admin/api/session' && status === 401;

describe('a publisher’s first day in Chromium', { skip: skipUnlessCi(chromiumMissing) }, () => {
  let server: FirstDayServer;
  let browser: Browser;
  let context: BrowserContext;
  let admin: Watched;
  let postUrl = '';

  before(async () => {
    await ensureAdminBuilt();
    [server, browser] = await Promise.all([startFirstDayServer(), launchChromium()]);
    context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'en-GB' });
    await context.addInitScript(recordCspViolations);
    admin = watch(await context.newPage());
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  const navTo = async (page: Page, link: string, heading: string) => {
    await page
      .getByRole('navigation', { name: 'Admin' })
      .getByRole('link', { name: link, exact: true })
      .click();
    await page.getByRole('heading', { level: 1, name: heading }).waitFor();
    await settle(page);
  };
  const cspViolations = async (page: Page) => (await page.evaluate('window.__cspViolations')) as string[];

  test('setup: a mistake is shown beside its field, corrected, and the owner lands signed in', async () => {
    const { page } = admin;
    admin.allow = (method, path, status) =>
      signedOut401(method, path, status) || (path === '/admin/api/setup' && status === 422);
    await page.goto(`${server.origin}/admin/`);
    await page.getByRole('heading', { level: 1, name: setupHeading }).waitFor();
    await page.getByLabel('Your name').fill(owner.name);
    await page.getByLabel('Email address').fill(owner.email);
    await page.getByLabel(/^Password/).fill('short');
    await page.getByRole('button', { name: 'Create the site' }).click();
    const titleError = page.locator('#f-siteTitle-error');
    const passwordError = page.locator('#f-password-error');
    await passwordError.waitFor();
    assert.match(await titleError.innerText(), /Give the site a title/);
    assert.match(await passwordError.innerText(), /at least 10 characters/);
    const summary = await page.getByRole('alert').innerText();
    assert.match(summary, /Site title: Give the site a title/, 'the summary names the field by its label');
    assert.doesNotMatch(summary, /siteTitle|password:/, 'never by its API name');
    assert.equal(await page.getByLabel('Site title').getAttribute('aria-invalid'), 'true');
    assert.match(
      (await page.getByLabel(/^Password/).getAttribute('aria-describedby')) ?? '',
      /f-password-error/,
      'the password field is described by its problem',
    );

    await page.getByLabel('Site title').fill(siteTitle);
    await page.getByLabel(/^Password/).fill(owner.password);
    await page.getByRole('button', { name: 'Create the site' }).click();
    await page.getByRole('heading', { level: 1, name: 'Posts' }).waitFor();
    await page.waitForFunction(() => location.hash === '#/posts');
    await settle(page);
    assert.ok(await page.getByRole('button', { name: 'Sign out' }).isVisible(), 'signed in');

    const home = await context.newPage();
    await home.goto(`${server.origin}/`);
    assert.equal((await home.locator('.masthead .site-title').innerText()).trim(), siteTitle);
    await home.close();
    admin.allow = () => false;
    assert.deepEqual(admin.problems, []);
  });
  test('TOTP: set up from the profile with the key shown, recovery codes shown once; signing in asks for a code', async () => {
    const { page } = admin;
    await navTo(page, 'Profile', 'Your profile');
    const panel = page.getByRole('region', { name: 'Two-step sign-in' });
    assert.match(await panel.innerText(), /Two-step sign-in is off/);
    await panel.getByRole('button', { name: 'Set up two-step sign-in' }).click();
    await panel.getByRole('img', { name: 'QR code for your authenticator app' }).waitFor();
    const secret = (await panel.locator('.totp-secret').innerText()).trim();
    assert.match(secret, /^[A-Z2-7]{32}$/, 'the key for manual entry is shown');
    await panel.getByLabel('The code your app shows now').fill(totpCode(secret));
    await panel.getByRole('button', { name: 'Turn on' }).click();
    await panel.getByRole('heading', { name: 'Your recovery codes' }).waitFor();
    const recoveryCodes = await panel.locator('.recovery-codes code').allInnerTexts();
    assert.equal(recoveryCodes.length, 10);
    assert.equal(new Set(recoveryCodes).size, 10, 'ten different recovery codes');
    await panel.getByText('Two-step sign-in is on. Recovery codes left: 10.').waitFor();

    await page.getByRole('button', { name: 'Sign out' }).click();
    admin.allow = signedOut401;
    await page.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor();
    await page.getByLabel('Email address').fill(owner.email);
    await page.getByLabel('Password').fill(owner.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { level: 1, name: 'Confirm it is you' }).waitFor();
    assert.match(await page.locator('main').innerText(), /code from your authenticator app/);
    // The step used to turn TOTP on is spent (a code is never accepted twice); the app's next code is
    // inside the accepted window of one step, so no waiting for the clock is needed.
    await page.getByLabel('Code').fill(totpCode(secret, Date.now() + 30_000));
    await page.getByRole('button', { name: 'Confirm' }).click();
    await page.getByRole('heading', { level: 1, name: 'Posts' }).waitFor();
    await settle(page);
    admin.allow = () => false;
    assert.deepEqual(admin.problems, []);
  });
  test('a post written with the block editor: a long title, a heading from the / menu, a pull quote from the + button, a pasted image, a tag created inline; published and viewed', async () => {
    const { page } = admin;
    await page.getByRole('link', { name: 'New post' }).click();
    const body = page.getByRole('textbox', { name: 'Body' });
    await body.waitFor();
    await settle(page);
    const title = page.getByLabel('Title', { exact: true });
    await title.fill(postTitle);
    const titleBox = await title.evaluate((el) => {
      const area = el as unknown as TextArea;
      const style = getComputedStyle(area);
      const line = parseFloat(style.lineHeight) || parseFloat(style.fontSize) * 1.2;
      return { client: area.clientHeight, scroll: area.scrollHeight, line };
    });
    assert.ok(titleBox.client >= titleBox.scroll, `the whole title is in view: ${JSON.stringify(titleBox)}`);
    assert.ok(
      titleBox.client > titleBox.line * 1.5,
      `the title wraps onto lines: ${JSON.stringify(titleBox)}`,
    );
    await title.press('Enter');
    await page.getByLabel('Standfirst').fill('Work starts in spring; the quay reopens in the autumn.');

    await body.click();
    await page.keyboard.type('The council voted on Tuesday to rebuild the wall that failed in January.');
    await page.keyboard.press('Enter');
    await page.keyboard.type('/head');
    const menu = page.getByRole('listbox', { name: 'Blocks' });
    await menu.waitFor();
    await menu.getByRole('option', { name: 'Heading', exact: true }).click();
    await menu.waitFor({ state: 'detached' });
    await page.keyboard.type('What the work will cost');
    await page.keyboard.press('Enter');
    await page.keyboard.type('The engineers put the bill at forty million kroner.');
    await page.keyboard.press('Enter');
    const plus = page.getByRole('button', { name: 'Add a block' });
    await plus.click();
    await menu.getByRole('option', { name: 'Pull quote', exact: true }).click();
    await menu.waitFor({ state: 'detached' });
    await page.keyboard.type('This wall has to last a hundred years');
    await page.waitForFunction(
      () => /^#\/posts\/[^/]+$/.test(location.hash) && !location.hash.endsWith('/new'),
    );

    await page.evaluate(watchUploadProgress);
    await body.locator('p').last().click();
    await pastePng(page, fixturePng, 'quay.png');
    const describe = page.getByRole('dialog', { name: 'Describe the image' });
    await describe.waitFor();
    assert.equal(await page.evaluate('window.__sawProgress'), true, 'an upload progress bar was shown');
    await page.locator('.uploads progress').waitFor({ state: 'detached' });
    await describe.getByLabel('Alt text').fill('Waves over the broken north quay wall');
    await describe.getByRole('button', { name: 'Save' }).click();
    await describe.waitFor({ state: 'hidden' });
    await body.locator('figure img[alt="Waves over the broken north quay wall"]').waitFor();

    const tagSearch = page.getByRole('combobox', { name: /Add a tag/ });
    await tagSearch.fill('Harbour Board');
    await page.getByRole('option', { name: 'Create the tag “Harbour Board”' }).click();
    const create = page.getByRole('group', { name: 'Create the tag “Harbour Board”' });
    await create.getByLabel('Kind of tag').selectOption('organisation');
    await create.getByRole('button', { name: 'Create tag' }).click();
    await create.waitFor({ state: 'detached' });

    await page.getByRole('button', { name: 'Publish now' }).click();
    const view = page.getByRole('link', { name: /^View post/ });
    await view.waitFor();
    await settle(page);
    postUrl = (await view.getAttribute('href')) ?? '';
    assert.match(postUrl, new RegExp(`^${server.origin}/council-approves-the-new-harbour-wall`));
    const [publicPage] = await Promise.all([context.waitForEvent('page'), view.click()]);
    await publicPage.waitForLoadState('load');
    assert.equal(publicPage.url(), postUrl);
    assert.equal((await publicPage.locator('article h1').innerText()).trim(), postTitle);
    assert.equal((await publicPage.locator('.kicker').textContent())?.trim(), 'Harbour Board');
    assert.equal(await publicPage.locator('article h2', { hasText: 'What the work will cost' }).count(), 1);
    assert.equal(
      (await publicPage.locator('article blockquote.pull-quote').innerText()).trim(),
      'This wall has to last a hundred years',
    );
    const image = publicPage.getByRole('img', { name: 'Waves over the broken north quay wall' });
    await image.waitFor();
    assert.ok(
      (await image.evaluate((img) => (img as unknown as { naturalWidth: number }).naturalWidth)) > 0,
      'the pasted image loads on the public page',
    );
    // The kicker leads to the new tag's page, which names the kind chosen when it was created.
    await publicPage.locator('.kicker a').click();
    await publicPage.waitForURL(`${server.origin}/tag/harbour-board/`);
    assert.equal((await publicPage.locator('main .kicker').first().textContent())?.trim(), 'Organisation');
    await publicPage.close();
    assert.deepEqual(admin.problems, []);
    assert.deepEqual(await cspViolations(page), []);
  });
  test('a reader without JavaScript subscribes on /subscribe/, confirms from the email, and is a member', async () => {
    const { page } = admin;
    await navTo(page, 'Newsletters', 'Newsletters');
    await page.getByRole('button', { name: 'New newsletter' }).click();
    const form = page.getByRole('region', { name: 'New newsletter' });
    await form.getByLabel(/^Name( \(required\))?$/).fill(newsletterName);
    await form.getByLabel(/^Sender name/).fill('The Harbour Gazette');
    await form.getByLabel(/^Sender email address/).fill('brief@news.example');
    await form.getByRole('button', { name: 'Save' }).click();
    await page.locator('table.list').getByText(newsletterName).waitFor();

    const readerContext = await browser.newContext({ javaScriptEnabled: false, locale: 'en-GB' });
    try {
      const subscriber = await readerContext.newPage();
      const since = server.smtp.received.length;
      const signup = await subscriber.goto(`${server.origin}/subscribe/`);
      assert.equal(signup?.status(), 200);
      // With one newsletter the form names none: the signup is for it.
      await subscriber.getByLabel('Email address').fill(reader);
      await subscriber.getByRole('button', { name: 'Subscribe' }).click();
      await subscriber.waitForURL(`${server.origin}/subscribe/?sent=1`);
      assert.equal(await subscriber.getByRole('heading', { level: 1 }).textContent(), 'Check your inbox');
      const mail = await mailFor(server.smtp, reader, since);
      assert.deepEqual(mail.envelopeTo, [reader]);
      assert.match(mail.parsed.text ?? '', new RegExp(newsletterName), 'the email names the newsletter');
      const link = linkIn(mail, /http:\/\/127\.0\.0\.1:\d+\/subscribe\/confirm\/\?token=[\w-]{43}/);
      await subscriber.goto(link);
      await subscriber.getByRole('button', { name: 'Confirm subscription' }).click();
      await subscriber.getByRole('heading', { level: 1, name: 'You are subscribed' }).waitFor();
      assert.match(await subscriber.locator('main').innerText(), /your subscription is confirmed/);
    } finally {
      await readerContext.close();
    }

    await navTo(page, 'Members', 'Members');
    const row = page.locator('table.list tr', { hasText: reader });
    await row.waitFor();
    assert.match(await row.innerText(), /Active/);
    assert.match(await row.innerText(), new RegExp(newsletterName));
    assert.deepEqual(admin.problems, []);
  });

  test('the newsletter: a test reaches the owner only; the real send reaches the member once', async () => {
    const { page } = admin;
    await navTo(page, 'Posts', 'Posts');
    await page.getByRole('link', { name: postTitle, exact: true }).click();
    await page.getByRole('textbox', { name: 'Body' }).waitFor();
    await settle(page);
    const preview = page.getByRole('region', { name: 'Email preview' });
    await preview.getByRole('button', { name: 'Show the email' }).click();
    const frame = page.frameLocator('iframe.email-preview');
    assert.equal((await frame.locator('h1').innerText()).trim(), postTitle);

    const beforeTest = server.smtp.received.length;
    await preview.getByRole('button', { name: 'Send a test to me' }).click();
    await preview.getByText(`A test was sent to ${owner.email}.`).waitFor();
    const test = await mailFor(server.smtp, owner.email, beforeTest);
    assert.deepEqual(test.envelopeTo, [owner.email], 'the test goes to the signed-in owner only');
    assert.equal(test.parsed.subject, `[Test] ${postTitle}`);

    const sends = page.getByRole('region', { name: 'Newsletter sends' });
    await sends.getByText('This will go to 1 member.').waitFor();
    const beforeSend = server.smtp.received.length;
    await sends.getByRole('button', { name: 'Send', exact: true }).click();
    await sends.getByRole('button', { name: 'Yes, go ahead' }).click();
    await sends.getByText(`Sending to ${newsletterName} started`).waitFor();
    const letter = await mailFor(server.smtp, reader, beforeSend);
    assert.equal(letter.parsed.subject, postTitle);
    assert.match(
      String(letter.parsed.html),
      /alt="Waves over the broken north quay wall"/,
      'the pasted image is in the email',
    );
    // Polled by the screen until the send is done: after that nothing more can go out.
    await sends.locator('.badge-send-done').waitFor({ timeout: 60_000 });
    const sent = server.smtp.received.slice(beforeTest);
    assert.deepEqual(
      sent.map((mail) => [mail.envelopeTo.join(','), mail.parsed.subject]),
      [
        [owner.email, `[Test] ${postTitle}`],
        [reader, postTitle],
      ],
      'one test to the owner, one newsletter to the member',
    );
    assert.deepEqual(admin.problems, []);
    assert.deepEqual(await cspViolations(page), []);
  });
});
