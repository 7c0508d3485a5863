// The newsletter checks in the post editor, in real Chromium with the admin's real CSP, against the
// real server: the email preview in its sandboxed frame shows the masthead with its inline styles and
// images, "Send a test to me" reaches a real SMTP server at the signed-in staff member's address, and
// "This will go to N members" matches the members in the database. axe finds nothing, in en and nb.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser } from 'playwright-core';
import { createNewsletter } from '../../src/domain/newsletters/newsletters.js';
import { documentFromText } from '../../src/domain/posts/editor-document.js';
import { createPost } from '../../src/domain/posts/save-post.js';
import { updateSiteSettings } from '../../src/domain/settings/site-settings.js';
import { markSiteInitialized } from '../../src/domain/settings/site-state.js';
import { createAccount } from '../../src/domain/staff/accounts.js';
import { rememberDevice } from '../../src/domain/staff/devices.js';
import { deviceCookie } from '../../src/http/admin-api/cookies.js';
import { buildApp } from '../../src/http/app.js';
import { ensureAdminBuilt } from '../helpers/admin-build.js';
import { aPublishedPost, anImage, aTag } from '../helpers/factories.js';
import { addMembers } from '../helpers/members.js';
import { createTestSite, type TestSite } from '../helpers/sites.js';
import { startSmtpServer, type TestSmtpServer } from '../helpers/smtp.js';
import { audit, axeIds, open, owner, settle, watch, type Watched } from './admin-page-kit.js';
import { chromiumMissing, freePort, launchChromium, recordCspViolations } from './browser-kit.js';
import { skipUnlessCi } from './page-types.js';
import { testAdministrator } from '../helpers/actors.js';

// Browser globals used by functions that run in the page (the test project has no DOM types).
declare const location: { hash: string };
declare function getComputedStyle(element: unknown): { fontSize: string };
interface ImageElement {
  complete: boolean;
  naturalWidth: number;
}

const words = {
  en: { show: 'Show the email', test: 'Send a test to me', sent: 'A test was sent to', members: 'members' },
  nb: {
    show: 'Vis e-posten',
    test: 'Send en test til meg',
    sent: 'En test ble sendt til',
    members: 'medlemmer',
  },
} as const;

describe(
  'newsletter preview, test send and recipient count in Chromium',
  { skip: skipUnlessCi(chromiumMissing) },
  () => {
    let browser: Browser;
    let site: TestSite;
    let smtp: TestSmtpServer;
    let origin: string;
    let closeApp: () => Promise<void>;
    let watched: Watched;
    let ownerId: string;
    let postId: string;
    let draftId: string;
    const letters: string[] = [];

    before(async () => {
      await ensureAdminBuilt();
      smtp = await startSmtpServer();
      const port = await freePort();
      origin = `http://127.0.0.1:${port}`;
      site = await createTestSite('sqlite', { BROADSHEET_URL: origin }, { smtpPort: smtp.port });
      const { ctx, storage } = site;
      await markSiteInitialized(ctx);
      await updateSiteSettings(ctx, testAdministrator, {
        title: 'The Harbour Gazette',
        timezone: 'Europe/Oslo',
      });
      ownerId = (await createAccount(ctx, { ...owner, role: 'owner' })).id;
      const image = await anImage(ctx, { caption: 'Boats at dawn', credit: 'Photo: Kari' });
      const tag = await aTag(ctx, 'Harbours');
      postId = await aPublishedPost(ctx, {
        title: 'Harbour plans approved',
        standfirst: 'The council voted 7–2.',
        featuredImage: { mediaId: image.id },
        tagIds: [tag.id],
        authorIds: [ownerId],
      });
      draftId = await createPost(ctx, {
        title: 'A draft',
        body: documentFromText('Soon.'),
        authorIds: [ownerId],
      });
      for (const name of ['Morning Brief', 'Weekly Digest'])
        letters.push(
          (await createNewsletter(ctx, testAdministrator, { name, senderEmail: 'brief@news.example' })).id,
        );
      const [a, b] = letters as [string, string];
      const both = await addMembers(storage.db, a, 2);
      const now = new Date().toISOString();
      await storage.db
        .insertInto('member_newsletters')
        .values(both.map((m) => ({ member_id: m.id, newsletter_id: b, created_at: now })))
        .execute();
      await addMembers(storage.db, a, 1);
      await addMembers(storage.db, b, 3);
      await addMembers(storage.db, a, 2, { status: 'pending' });

      const { app } = await buildApp(site);
      await app.listen({ host: '127.0.0.1', port });
      closeApp = () => app.close();
      browser = await launchChromium();
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'en-GB' });
      await context.addInitScript(recordCspViolations);
      // A device the owner has signed in on before, so the sign-in needs no emailed code.
      const device = await rememberDevice(site.ctx, ownerId);
      await context.addCookies([{ name: deviceCookie(origin).name, value: device, url: origin }]);
      watched = watch(await context.newPage());
      // Signed out, the session check answers 401: that is how the app knows to show the sign-in form.
      watched.allow = (method, path, status) => path === '/admin/api/session' && status === 401;
      await open(watched, origin, 'login');
      await settle(watched.page);
      await watched.page.fill('#f-email', owner.email);
      await watched.page.fill('#f-password', owner.password);
      await watched.page.click('button[type=submit]');
      await watched.page.waitForFunction(() => location.hash === '#/posts', undefined, { timeout: 60_000 });
      await settle(watched.page);
      watched.allow = () => false;
    });
    after(async () => {
      await browser?.close();
      await closeApp?.();
      await site?.destroy();
      await smtp?.close();
    });

    for (const locale of ['en', 'nb'] as const)
      test(`preview, test send and count in the editor (${locale})`, async (t) => {
        if (locale === 'nb') await site.ctx.repos.staff.update(ownerId, { locale: 'nb' });
        const w = words[locale];
        const { page } = watched;
        const [a, b] = letters as [string, string];
        const count = (ids: string[]) => site.ctx.repos.newsletters.recipientCount(ids);

        await open(watched, origin, `posts/${postId}`);
        await audit(t, watched, `#/posts/ID with the newsletter panels (${locale})`);
        assert.equal(await page.evaluate('document.documentElement.lang'), locale);

        // The count next to "Send" matches the database: each active member of the newsletter once.
        await page.selectOption('#f-sendNewsletterId', b);
        await page.waitForSelector(
          `.send-now .recipient-count:text-matches("\\\\b${await count([b])} ${w.members}")`,
        );

        await page.selectOption('#f-previewNewsletterId', b);
        await page.click(`button:text("${w.show}")`);
        const frame = page.frameLocator('iframe.email-preview');
        await frame.locator('h1').waitFor();
        assert.equal(
          await page.getAttribute('iframe.email-preview', 'sandbox'),
          '',
          'sandboxed: no script, no origin',
        );
        const masthead = frame.locator(`a[href="${origin}/"]`);
        assert.equal((await masthead.innerText()).trim(), 'The Harbour Gazette');
        assert.match(await frame.locator('body').innerText(), /WEEKLY DIGEST|Weekly Digest/);
        assert.equal(await frame.locator('h1').innerText(), 'Harbour plans approved');
        // The inline styles apply and the image loads: the admin's CSP lets the preview look like the email.
        assert.equal(await frame.locator('h1').evaluate((el) => getComputedStyle(el).fontSize), '28px');
        const lead = frame.locator('img').first();
        await lead.evaluate(
          (img: ImageElement) =>
            img.complete ||
            new Promise((resolve) => ((img as unknown as { onload: unknown }).onload = resolve)),
        );
        assert.ok(
          (await lead.evaluate((img: ImageElement) => img.naturalWidth)) > 0,
          'the featured image loaded',
        );
        assert.deepEqual(await axeIds(page), [], 'axe violations with the preview shown');

        const before = smtp.taken;
        await page.click(`button:text("${w.test}")`);
        await page.waitForSelector(`.newsletter-preview .status:text("${w.sent} ${owner.email}.")`);
        const mail = await smtp.next();
        assert.equal(smtp.taken, before + 1);
        assert.deepEqual(mail.envelopeTo, [owner.email]);
        assert.equal(mail.parsed.subject, '[Test] Harbour plans approved');
        assert.ok(String(mail.parsed.html).includes('The Harbour Gazette'));

        // A draft: the newsletters chosen for publishing, and how many members they reach together.
        await open(watched, origin, `posts/${draftId}`);
        await settle(page);
        await page.check(`#f-send-newsletter-${a}`);
        await page.check(`#f-send-newsletter-${b}`);
        const together = await count([a, b]);
        assert.equal(together, 6, 'the fixture: 3 + 5 members, 2 of them on both');
        await page.waitForSelector(
          `.send-as-newsletter .recipient-count:text-matches("\\\\b${together} ${w.members}")`,
        );
        assert.deepEqual(await axeIds(page), [], 'axe violations with the count shown');
        assert.deepEqual(watched.problems, []);
      });
  },
);
