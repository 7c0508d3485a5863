// What the first-day journey needs beside the admin page kit: a fresh site (no owner, no demo) that
// sends its mail and newsletters to a real SMTP sink, a TOTP code as an authenticator app makes it,
// links read out of received mail, and an image pasted into the editor as a browser pastes it.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { Secret, TOTP } from 'otpauth';
import type { Page } from 'playwright-core';
import { buildApp } from '../../src/http/app.js';
import { startNewsletterSending } from '../../src/jobs/newsletter-sending.js';
import { createNewsletterMailer } from '../../src/main.js';
import { createTestSite, type TestSite } from '../helpers/sites.js';
import { startSmtpServer, type ReceivedMail, type TestSmtpServer } from '../helpers/smtp.js';
import { freePort } from './browser-kit.js';

export interface FirstDayServer {
  origin: string;
  site: TestSite;
  smtp: TestSmtpServer;
  close(): Promise<void>;
}

/** The real app over a fresh SQLite site: no owner, no content; mail and newsletters go to `smtp`. */
export async function startFirstDayServer(): Promise<FirstDayServer> {
  const smtp = await startSmtpServer();
  const port = await freePort();
  const origin = `http://127.0.0.1:${port}`;
  const site = await createTestSite('sqlite', { BROADSHEET_URL: origin }, { smtpPort: smtp.port });
  const mailer = createNewsletterMailer(site.config);
  assert.ok(mailer, 'the site has an SMTP server for newsletters');
  const { app } = await buildApp(site);
  await app.listen({ host: '127.0.0.1', port });
  const sending = startNewsletterSending(site.ctx, { mailer, isShared: false, intervalMs: 200 }, (error) =>
    assert.fail(`newsletter sending failed: ${String(error)}`),
  );
  return {
    origin,
    site,
    smtp,
    async close() {
      sending.stop();
      await sending.idle();
      await mailer.close();
      await app.close();
      await site.destroy();
      await smtp.close();
    },
  };
}

/** The 6-digit code an authenticator app shows at `timestamp` for a base32 secret. */
export function totpCode(secret: string, timestamp = Date.now()): string {
  return new TOTP({ algorithm: 'SHA1', digits: 6, period: 30, secret: Secret.fromBase32(secret) }).generate({
    timestamp,
  });
}

/** The first link in a mail's text that matches `pattern`. */
export function linkIn(mail: ReceivedMail, pattern: RegExp): string {
  const link = pattern.exec(mail.parsed.text ?? '')?.[0];
  assert.ok(link, `no link like ${pattern} in: ${mail.parsed.text}`);
  return link;
}

/** The first mail for `address` among those received from index `since` on (waiting up to a minute). */
export async function mailFor(smtp: TestSmtpServer, address: string, since: number): Promise<ReceivedMail> {
  const isFor = (mail: ReceivedMail) => mail.envelopeTo.includes(address);
  for (let count = since + 1; ; count++) {
    const received = await smtp.waitFor(count, 60_000);
    const found = received.slice(since).find(isFor);
    if (found) return found;
  }
}

/** A 32×32 PNG from the image fixtures (AFL++ seeds, Apache-2.0). */
export const fixturePng = readFileSync(new URL('../fixtures/images/seeds/not_kitty.png', import.meta.url));

/** Pastes `png` into the body editor as a real paste does: a ClipboardEvent whose DataTransfer holds a File. */
export async function pastePng(page: Page, png: Buffer, filename: string): Promise<void> {
  await page.evaluate(`(() => {
    const bytes = Uint8Array.from(atob('${png.toString('base64')}'), (c) => c.charCodeAt(0));
    const data = new DataTransfer();
    data.items.add(new File([bytes], ${JSON.stringify(filename)}, { type: 'image/png' }));
    document.querySelector('.ProseMirror').dispatchEvent(
      new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  })()`);
}

/** Marks `window.__sawProgress` once an upload progress bar appears (installed before the upload starts). */
export const watchUploadProgress = `window.__sawProgress = false;
  new MutationObserver(() => { if (document.querySelector('.uploads progress')) window.__sawProgress = true; })
    .observe(document.body, { childList: true, subtree: true });`;
