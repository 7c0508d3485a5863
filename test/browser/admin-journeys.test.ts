// Whole journeys through the admin in real Chromium: first-run setup, an invitation by email, an
// author writing, illustrating, citing and scheduling a post that goes live at its time.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import type { Clock } from '../../src/domain/ports.js';
import { buildApp } from '../../src/http/app.js';
import { startScheduledPublishing } from '../../src/jobs/scheduled-publishing.js';
import { ensureAdminBuilt } from '../helpers/admin-build.js';
import { makeJpeg } from '../helpers/factories.js';
import { createTestSite, type TestSite } from '../helpers/sites.js';
import { startSmtpServer, type TestSmtpServer } from '../helpers/smtp.js';
import {
  chromiumMissing,
  freePort,
  launchChromium,
  recordCspViolations,
  watchForScript,
} from './browser-kit.js';
import { skipUnlessCi } from './page-types.js';

/** The server's clock runs `offsetMs` ahead of the real one, so the test can let time pass. */
function movableClock(): Clock & { offsetMs: number } {
  const clock = { offsetMs: 0, now: () => new Date(Date.now() + clock.offsetMs) };
  return clock;
}

describe('admin journeys in Chromium', { skip: skipUnlessCi(chromiumMissing) }, () => {
  let browser: Browser;
  let site: TestSite;
  let smtp: TestSmtpServer;
  let origin: string;
  let close: () => Promise<void>;
  const clock = movableClock();

  before(async () => {
    await ensureAdminBuilt();
    smtp = await startSmtpServer();
    const port = await freePort();
    origin = `http://127.0.0.1:${port}`;
    site = await createTestSite(
      'sqlite',
      {
        BROADSHEET_URL: origin,
        SMTP_URL: `smtp://127.0.0.1:${smtp.port}`,
        MAIL_FROM: 'Newsroom <newsroom@news.example>',
      },
      { clock },
    );
    const { app } = await buildApp(site);
    await app.listen({ host: '127.0.0.1', port });
    const job = startScheduledPublishing(site.ctx, (error) => assert.fail(String(error)), 200);
    browser = await launchChromium();
    close = async () => {
      job.stop();
      await app.close();
    };
  });
  after(async () => {
    await browser?.close();
    await close?.();
    await site?.destroy();
    await smtp?.close();
  });

  async function newPage(): Promise<{ page: Page; problems: string[] }> {
    const context = await browser.newContext({ timezoneId: 'UTC', locale: 'en-GB' });
    await context.addInitScript(recordCspViolations);
    const page = await context.newPage();
    const { problems } = watchForScript(page);
    return { page, problems };
  }

  test('owner sets up, invites an author; the author writes, illustrates, cites and schedules a post that goes live on time', async () => {
    // The owner: first-run setup in the browser.
    const owner = await newPage();
    await owner.page.goto(`${origin}/admin/`);
    await owner.page.getByLabel('Site title').fill('The Harbour Gazette');
    await owner.page.getByLabel('Your name').fill('Olivia Owner');
    await owner.page.getByLabel('Email address').fill('olivia@news.example');
    await owner.page.getByLabel(/^Password/).fill('a sufficiently long passphrase');
    await owner.page.getByRole('button', { name: 'Create the site' }).click();
    await owner.page.getByRole('heading', { level: 1, name: 'Posts' }).waitFor();

    // The owner invites an author; the invitation arrives by SMTP.
    await owner.page.getByRole('link', { name: 'Staff' }).click();
    const invite = owner.page
      .getByRole('form', { name: 'Invite a staff member' })
      .or(owner.page.locator('form').filter({ hasText: 'Send invitation' }));
    await invite.getByLabel('Email address').fill('arne@news.example');
    await invite.getByLabel('Role').selectOption('author');
    await invite.getByRole('button', { name: 'Send invitation' }).click();
    const mail = await smtp.next();
    assert.deepEqual(mail.envelopeTo, ['arne@news.example']);
    const link = /https?:\/\/[^\s"<>]+\/admin\/#\/invitation\/[A-Za-z0-9_-]+/.exec(
      mail.parsed.text ?? '',
    )?.[0];
    assert.ok(link, `no invitation link in: ${mail.parsed.text}`);

    // The author accepts in a browser of their own.
    const author = await newPage();
    const page = author.page;
    await page.goto(link);
    await page.getByLabel('Your name').fill('Arne Author');
    await page.getByLabel(/^Password/).fill('another long passphrase');
    await page.getByRole('button', { name: 'Create my account' }).click();
    await page.getByRole('heading', { level: 1, name: 'Posts' }).waitFor();

    // The author writes a post with an image and two sources.
    await page.getByRole('link', { name: 'New post' }).click();
    await page.getByLabel(/^Title( \(required\))?$/).fill('Harbour wall gives way');
    await page.getByLabel('Standfirst').fill('Storm damage closes the north quay');
    const body = page.getByRole('textbox', { name: 'Body' });
    await body.click();
    await page.keyboard.type('The north wall of the harbour collapsed overnight.');
    await page
      .getByRole('toolbar', { name: 'Formatting' })
      .getByRole('button', { name: 'Insert image' })
      .click();
    const picker = page.getByRole('dialog', { name: 'Insert image' });
    await picker.getByLabel('Upload an image').setInputFiles({
      name: 'quay.jpg',
      mimeType: 'image/jpeg',
      buffer: await makeJpeg(1200, 800, '#335577'),
    });
    await picker.getByLabel('Alt text').fill('Broken stones on the north quay');
    await picker.getByLabel('Caption').fill('The north quay at first light');
    await picker.getByLabel('Credit').fill('Photo: Kari Lens / Harbour Agency');
    await picker.getByRole('button', { name: 'Use this image' }).click();
    for (const [n, source] of [
      [
        1,
        {
          publisher: 'The Coastal Times',
          title: 'Quay closed',
          url: 'https://coastal.example/quay',
          note: 'closure times',
        },
      ],
      [
        2,
        {
          publisher: 'Harbour Authority',
          title: 'Notice 14',
          url: 'https://harbour.example/n14',
          note: 'damage report',
        },
      ],
    ] as const) {
      await page.getByRole('button', { name: 'Add a source' }).click();
      const group = page.getByRole('group', { name: `Source ${n}` });
      await group.getByLabel('Publisher').fill(source.publisher);
      await group.getByLabel('Title of the article').fill(source.title);
      await group.getByLabel('URL').fill(source.url);
      await group.getByLabel('Note').fill(source.note);
    }
    await page.getByRole('button', { name: 'Save draft' }).click();
    await page.getByText('Saved', { exact: true }).first().waitFor();

    // Scheduled ten minutes ahead (in UTC, the browser's zone here).
    const at = new Date(clock.now().getTime() + 10 * 60_000);
    at.setUTCSeconds(0, 0);
    await page.getByLabel('Publish at (your local time)').fill(at.toISOString().slice(0, 16));
    await page.getByRole('button', { name: 'Schedule', exact: true }).click();
    await page.locator('.badge-scheduled').waitFor();

    const post = (await site.ctx.repos.posts.list({ types: ['post'] }, { offset: 0, limit: 5 }))[0]!;
    assert.equal(post.status, 'scheduled');
    const publicPage = () => fetch(`${origin}/${post.slug}/`);
    assert.equal((await publicPage()).status, 404, 'not public before its time');

    clock.offsetMs = 11 * 60_000;
    const deadline = Date.now() + 5000;
    while ((await publicPage()).status !== 200 && Date.now() < deadline)
      await new Promise((r) => setTimeout(r, 100));
    const html = await (await publicPage()).text();
    assert.match(html, /Harbour wall gives way/);
    assert.match(html, /alt="Broken stones on the north quay"/);
    assert.match(html, /The north quay at first light/);
    assert.match(html, /Photo: Kari Lens \/ Harbour Agency/);
    assert.match(html, /The Coastal Times/);
    assert.match(html, /Harbour Authority/);
    assert.match(html, /By[^<]*<[^>]*>?Arne Author|Arne Author/);

    // The public page in Chromium: the image loads and nothing misbehaves.
    const reader = await newPage();
    await reader.page.goto(`${origin}/${post.slug}/`);
    const image = reader.page.getByRole('img', { name: 'Broken stones on the north quay' });
    await image.waitFor();
    // A figure in the body loads lazily, after the page's load event: scrolled to, it is fetched, and
    // decode() settles once it is drawable (or rejects when it is broken).
    await image.scrollIntoViewIfNeeded();
    const naturalWidth = await image.evaluate((img) => {
      const el = img as unknown as { naturalWidth: number; decode(): Promise<void> };
      return el.decode().then(
        () => el.naturalWidth,
        () => 0,
      );
    });
    assert.ok(naturalWidth > 0, 'the image loads');
    for (const p of [owner, author, reader]) assert.deepEqual(p.problems, []);
  });
});
