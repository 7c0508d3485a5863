import type { Transporter } from 'nodemailer';
import type { MailMessage, Mailer } from '../../domain/ports.js';

export interface SmtpMailerOptions {
  /** `smtp://user:pass@host:587` (STARTTLS when the server offers it) or `smtps://…:465`. */
  url: string;
  /** `newsroom@news.example` or `Fjord Post <newsroom@news.example>` (checked by the config). */
  from: string;
}

/** One address, nothing else: no line break (a header injection), no list, no display name. */
const singleAddress = /^[^\s@<>()[\],;:"\\]+@[^\s@<>()[\],;:"\\]+$/;

/** The bare address of a From value: what goes in the SMTP envelope. */
export const addressOf = (from: string) => /<([^<>]*)>\s*$/.exec(from)?.[1] ?? from;

export function checkMessage(message: MailMessage): void {
  if (!singleAddress.test(message.to)) throw new Error('mail: the recipient must be one plain address');
  if (/[\r\n]/.test(message.subject)) throw new Error('mail: the subject must be one line');
}

/** Sends through an SMTP server with nodemailer (loaded on the first email, so a start stays light). */
export function createSmtpMailer(options: SmtpMailerOptions): Mailer {
  let transport: Promise<Transporter> | undefined;
  const connect = async () => {
    const nodemailer = await import('nodemailer');
    // No file or URL access: a message can only carry the text it was given.
    return nodemailer.createTransport(options.url, { disableFileAccess: true, disableUrlAccess: true });
  };
  return {
    isConfigured: true,
    async send(message) {
      checkMessage(message);
      transport ??= connect();
      await (
        await transport
      ).sendMail({
        from: options.from,
        // An address object is never parsed as a list; the envelope names the one recipient outright.
        to: { name: '', address: message.to },
        envelope: { from: addressOf(options.from), to: [message.to] },
        subject: message.subject,
        text: message.text,
        ...(message.html ? { html: message.html } : {}),
      });
    },
  };
}
