import type { Config } from '../config/config.js';
import { getSend, listSends, startSendBySlugs, type SendView } from '../domain/newsletters/sending.js';
import { DomainError } from '../domain/shared/errors.js';
import { systemActor } from '../domain/staff/permissions.js';
import { startNewsletterSending } from '../jobs/newsletter-sending.js';
import { createNewsletterMailer, openSite } from '../main.js';

interface NewsletterOptions {
  post?: string | undefined;
  newsletter?: string | undefined;
}

const usage = `Usage:
  broadsheet newsletter send --post SLUG --newsletter SLUG
  broadsheet newsletter status [SEND_ID]`;

const line = (s: SendView) =>
  `${s.id}  ${s.status.padEnd(8)} total ${s.total}  sent ${s.sent}  failed ${s.failed}  skipped ${s.skipped}  pending ${s.pending}  possibly duplicated ${s.possiblyDuplicated}`;

/** `broadsheet newsletter …`: send a published post to a newsletter, and follow sends. */
export async function runNewsletter(
  config: Config,
  words: string[],
  options: NewsletterOptions,
): Promise<number> {
  const action = words[0];
  if (action === 'send' && (!options.post || !options.newsletter)) {
    console.error(`Missing: --post and --newsletter\n\n${usage}`);
    return 2;
  }
  if (action !== 'send' && action !== 'status') {
    console.error(usage);
    return 2;
  }
  const site = await openSite(config);
  const actor = systemActor('broadsheet newsletter');
  try {
    if (action === 'status') {
      if (words[1]) {
        const { send, report } = await getSend(site.ctx, actor, words[1]);
        console.log(line(send));
        for (const f of report.failures) console.log(`failed: ${f.email}: ${f.error}`);
        for (const email of report.possiblyDuplicated) console.log(`possibly duplicated: ${email}`);
      } else {
        for (const send of await listSends(site.ctx, actor, {})) console.log(line(send));
      }
      return 0;
    }
    const mailer = createNewsletterMailer(config);
    if (!mailer) {
      console.error('SMTP_URL and MAIL_FROM must be set to send newsletters.');
      return 1;
    }
    const send = await startSendBySlugs(site.ctx, actor, {
      newsletter: options.newsletter!,
      post: options.post!,
    });
    console.log(`send ${send.id}: ${send.total} recipients`);
    let error: unknown;
    const job = startNewsletterSending(
      site.ctx,
      {
        mailer,
        isShared: site.storage.capabilities.isShared,
        leaseMs: config.newsletterLeaseSeconds * 1000,
        intervalMs: 500,
      },
      (e) => (error = e),
    );
    try {
      for (;;) {
        await new Promise((resolve) => setTimeout(resolve, 1000));
        if (error) throw error;
        const { send: now, report } = await getSend(site.ctx, actor, send.id);
        console.log(line(now));
        if (now.status === 'done') {
          for (const f of report.failures) console.log(`failed: ${f.email}: ${f.error}`);
          for (const email of report.possiblyDuplicated) console.log(`possibly duplicated: ${email}`);
          return 0;
        }
      }
    } finally {
      job.stop();
      await job.idle();
      await mailer.close();
    }
  } catch (error) {
    if (error instanceof DomainError) {
      console.error(error.message);
      return 1;
    }
    throw error;
  } finally {
    await site.close();
  }
}
