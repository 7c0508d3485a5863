// The public members' forms in real Chromium with JavaScript off: subscribe on /subscribe/ (a page
// with Referrer-Policy: no-referrer, so Chromium posts with Origin: null), confirm from the email that
// reaches a real SMTP server, then manage the subscription.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser, BrowserContext } from 'playwright-core';
import { createNewsletter } from '../../src/domain/newsletters/newsletters.js';
import { updateSiteSettings } from '../../src/domain/settings/site-settings.js';
import { buildApp } from '../../src/http/app.js';
import { createTestSite, type TestSite } from '../helpers/sites.js';
import { startSmtpServer, type TestSmtpServer } from '../helpers/smtp.js';
import { chromiumMissing, freePort, launchChromium } from './browser-kit.js';
import { skipUnlessCi } from './page-types.js';
import { testAdministrator } from '../helpers/actors.js';

describe('members’ forms in Chromium without JavaScript', { skip: skipUnlessCi(chromiumMissing) }, () => {
  let browser: Browser;
  let context: BrowserContext;
  let site: TestSite;
  let smtp: TestSmtpServer;
  let origin: string;
  let close: () => Promise<void>;

  before(async () => {
    smtp = await startSmtpServer();
    const port = await freePort();
    origin = `http://127.0.0.1:${port}`;
    site = await createTestSite('sqlite', { BROADSHEET_URL: origin }, { smtpPort: smtp.port });
    await updateSiteSettings(site.ctx, testAdministrator, { title: 'Fjord Post', languages: ['en', 'nb'] });
    await createNewsletter(site.ctx, testAdministrator, {
      name: 'Morning Brief',
      language: 'en',
      senderEmail: 'brief@news.example',
    });
    await createNewsletter(site.ctx, testAdministrator, {
      name: 'Kveldsbrev',
      language: 'nb',
      senderEmail: 'kveld@news.example',
    });
    const { app } = await buildApp(site);
    await app.listen({ host: '127.0.0.1', port });
    close = () => app.close();
    browser = await launchChromium();
    context = await browser.newContext({ javaScriptEnabled: false });
  });
  after(async () => {
    await context?.close();
    await browser?.close();
    await close?.();
    await site?.destroy();
    await smtp?.close();
  });

  test('subscribe on /subscribe/, confirm from the email, then manage', async () => {
    const page = await context.newPage();
    const subscribe = await page.goto(`${origin}/subscribe/`);
    assert.equal(subscribe?.status(), 200);
    assert.equal(subscribe?.headers()['referrer-policy'], 'no-referrer');
    await page.getByLabel('Email address').fill('reader@example.org');
    await page.getByLabel('Kveldsbrev').uncheck();
    const [answer] = await Promise.all([
      page.waitForResponse((r) => r.request().method() === 'POST' && r.url() === `${origin}/subscribe/`),
      page.getByRole('button', { name: 'Subscribe' }).click(),
    ]);
    assert.equal(answer.status(), 303, 'the signup is accepted');
    await page.waitForURL(`${origin}/subscribe/?sent=1`);
    assert.equal(await page.getByRole('heading', { level: 1 }).textContent(), 'Check your inbox');

    const mail = await smtp.next();
    assert.deepEqual(mail.envelopeTo, ['reader@example.org']);
    assert.match(mail.parsed.text!, /Morning Brief/);
    const link = /http:\/\/127\.0\.0\.1:\d+\/subscribe\/confirm\/\?token=[\w-]{43}/.exec(
      mail.parsed.text!,
    )?.[0];
    assert.ok(link, 'the confirmation link is in the email');

    await page.goto(link);
    await page.getByRole('button', { name: 'Confirm subscription' }).click();
    await page.getByRole('heading', { name: 'You are subscribed' }).waitFor();
    const member = await site.ctx.repos.members.findByEmail('reader@example.org');
    assert.equal(member?.status, 'active');

    await page.getByRole('link', { name: /subscriptions/i }).click();
    await page.getByRole('heading', { name: 'Your subscriptions' }).waitFor();
    await page.getByLabel('Kveldsbrev').check();
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByText('Your choices are saved.').waitFor();
    const chosen = (await site.ctx.repos.members.newsletterIdsFor([member!.id])).get(member!.id) ?? [];
    assert.equal(chosen.length, 2, 'both newsletters after saving');
    await page.close();
  });
});
